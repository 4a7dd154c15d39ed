import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterLabel, quarterSpan, type LocalDate } from '../../../shared/reports/calendar';
import type { DepartmentBillingReport } from '../../../shared/reports/department-billing';
import { formatDay } from '../../../shared/reports/format';
import { departmentBillingTables } from '../../../shared/reports/tables';
import { useMay } from '../../app/use-may';
import type { ReportRequest } from '../report-request';
import type { ReportPrices } from '../report-settings';
import { useReport } from '../use-report';
import { useReportRunner } from '../use-report-runner';
import { useReportLocale } from '../use-report-locale';
import { PriceSettings } from './PriceSettings';
import { QuarterPicker, type QuarterlyReportProps } from './QuarterPicker';
import { ReportFrame } from './ReportFrame';
import { ReportTableView } from './ReportTableView';

interface Props extends QuarterlyReportProps {
  prices: ReportPrices;
}

/** The screen shows this many lines of the specification; its CSV has every line. */
const SPECIFICATION_ROWS = 200;

/** The department report: what each forvaltning holds and owes for a quarter, and the finance export. */
export function DepartmentReport({ quarter, quarters, onQuarterChange, today, settings, prices }: Props) {
  const { t } = useTranslation();
  const mayPrice = useMay('prices.edit');
  const { locale } = useReportLocale();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const request = useMemo<ReportRequest>(() => ({ kind: 'billing', quarter, settings }), [quarter, settings]);
  const state = useReport(runner, request, run);
  const title = t('reports.billing.title');
  const period = quarterLabel(quarter);
  const span = quarterSpan(quarter, settings.timeZone);
  return (
    <ReportFrame
      id="report-billing"
      title={title}
      subtitle={t('reports.billing.subtitle', { period, first: formatDay(span.firstDay, locale), last: formatDay(span.lastDay, locale), days: span.days })}
      pdfName={`${title} ${period}`}
      controls={
        <>
          <QuarterPicker name="report-quarter" quarters={quarters} value={quarter} onChange={onQuarterChange} />
          {/* Keyed by the saved prices: saving elsewhere (another window) refills the fields. Prices are a team lead's. */}
          {mayPrice && <PriceSettings key={`${prices.phone}/${prices.tablet}/${prices.pc}`} prices={prices} />}
        </>
      }
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) => result.kind === 'billing' && <BillingBody report={result.report} today={today} fileName={`${title} ${period}`} />}
    </ReportFrame>
  );
}

function BillingBody({ report, today, fileName }: { report: DepartmentBillingReport; today: LocalDate; fileName: string }) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const tables = departmentBillingTables(report);
  const name = (id: string) => `${fileName} ${id}`;
  const last = formatDay(report.lastDay, locale);
  return (
    <>
      <p className="hint">{t('reports.billing.rule')}</p>
      {today < report.lastDay && <p className="notice forecast">{t('reports.billing.forecast', { last })}</p>}
      <ReportTableView table={tables.departments} fileName={name(tables.departments.id)} totals={report.totals} />
      <ReportTableView table={tables.finance} fileName={name(tables.finance.id)} csvHeader="key" />
      <ReportTableView table={tables.holdings} fileName={name(tables.holdings.id)} limit={SPECIFICATION_ROWS} />
    </>
  );
}

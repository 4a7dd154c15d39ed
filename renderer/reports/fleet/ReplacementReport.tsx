import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalDate } from '../../../shared/reports/calendar';
import { formatDay } from '../../../shared/reports/format';
import type { ReportSettings } from '../../../shared/reports/settings';
import { windowLabels } from '../../../shared/fleet/tables';
import { registerHref } from '../../register/register-link';
import { DayField } from '../components/DayField';
import { ReportFrame } from '../components/ReportFrame';
import { ReportTableView } from '../components/ReportTableView';
import type { ReportRequest } from '../report-request';
import { useReport } from '../use-report';
import { useReportLocale } from '../use-report-locale';
import { useReportRunner } from '../use-report-runner';

/** The screen shows this many devices of the residual specification; its CSV has every one. */
const DEVICE_ROWS = 200;

/**
 * "Udskiftningsplan og restværdi": the devices turning four this quarter, next quarter and this
 * year with the budget to replace them, and what every device in service is worth on a chosen day.
 */
export function ReplacementReport({ today, settings }: { today: LocalDate; settings: ReportSettings }) {
  const { t } = useTranslation();
  const { locale, language } = useReportLocale();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const [on, setOn] = useState(today);
  const request = useMemo<ReportRequest>(() => ({ kind: 'replacement', today, on, settings }), [today, on, settings]);
  const state = useReport(runner, request, run);
  const title = t('reports.replacement.title');
  const link = (row: { keys: string[] }, what: string) => registerHref({ keys: row.keys, title: what });
  return (
    <ReportFrame
      id="report-replacement"
      title={title}
      subtitle={t('reports.replacement.subtitle', { today: formatDay(today, locale), on: formatDay(on, locale) })}
      pdfName={`${title} ${on}`}
      controls={
        <DayField label={t('reports.replacement.valueOn')} name="residual-day" value={on} onChange={setOn} />
      }
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) =>
        result.kind === 'replacement' && (
          <>
            <p className="hint">{t('reports.replacement.rule', { floor: settings.residualFloorPercent })}</p>
            <ReportTableView
              table={result.report.replacement}
              fileName={`${title} ${result.report.replacement.id}`}
              links={{ count: (row) => link(row, `${windowLabels[row.window][language]}: ${row.model}`) }}
            />
            <ReportTableView
              table={result.report.residualDepartments}
              fileName={`${title} ${result.report.residualDepartments.id} ${on}`}
              links={{ count: (row) => link(row, t('reports.replacement.residualOf', { department: row.department || '-' })) }}
            />
            <ReportTableView table={result.report.residualDevices} fileName={`${title} ${result.report.residualDevices.id} ${on}`} limit={DEVICE_ROWS} />
          </>
        )
      }
    </ReportFrame>
  );
}

import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalDate } from '../../../shared/reports/calendar';
import type { DailyStockReport as Report } from '../../../shared/reports/daily-stock';
import { formatDay } from '../../../shared/reports/format';
import type { ReportSettings } from '../../../shared/reports/settings';
import { dailyStockTables } from '../../../shared/reports/tables';
import { dailyFigures } from '../daily-figures';
import type { ReportRequest } from '../report-request';
import { useReport } from '../use-report';
import { useReportRunner } from '../use-report-runner';
import { useReportLocale } from '../use-report-locale';
import { GlanceFigures } from './GlanceFigures';
import { DayField } from './DayField';
import { ReportFrame } from './ReportFrame';
import { ReportTableView } from './ReportTableView';
import { AccessoryReportSection } from '../../accessories/AccessoryReport';

interface Props {
  location: string;
  locationName: string;
  locationPicker: ReactNode;
  day: LocalDate;
  today: LocalDate;
  onDayChange(day: LocalDate): void;
  settings: ReportSettings;
}

/** The daily stock report of a location and a day: the shelf, the day's movements, repairs, idle stock. */
export function DailyReport({ location, locationName, locationPicker, day, today, onDayChange, settings }: Props) {
  const { t } = useTranslation();
  const format = useReportLocale();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const request = useMemo<ReportRequest>(() => ({ kind: 'daily', location, day, settings }), [location, day, settings]);
  const state = useReport(runner, request, run);
  const title = t('reports.daily.title');
  return (
    <ReportFrame
      id="report-daily"
      title={title}
      subtitle={t('reports.daily.subtitle', { location: locationName, day: formatDay(day, format.locale) })}
      pdfName={`${title} ${locationName} ${day}`}
      controls={
        <>
          {locationPicker}
          <DayField label={t('reports.day')} name="report-day" value={day} max={today} onChange={onDayChange} />
        </>
      }
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) => result.kind === 'daily' && <DailyBody report={result.report} fileName={`${title} ${location} ${day}`} />}
    </ReportFrame>
  );
}

function DailyBody({ report, fileName }: { report: Report; fileName: string }) {
  const { t } = useTranslation();
  const format = useReportLocale();
  const tables = dailyStockTables(report);
  const name = (id: string) => `${fileName} ${id}`;
  return (
    <>
      <GlanceFigures figures={dailyFigures(report, t, format.language, format.locale)} />
      <div className="report-pair">
        <ReportTableView table={tables.stock} fileName={name(tables.stock.id)} totals={{ count: report.stockTotal }} />
        <ReportTableView table={tables.handouts} fileName={name(tables.handouts.id)} />
      </div>
      <div className="report-pair">
        <ReportTableView table={tables.movementTotals} fileName={name(tables.movementTotals.id)} />
        <ReportTableView table={tables.movements} fileName={name(tables.movements.id)} />
      </div>
      <ReportTableView table={tables.inRepair} fileName={name(tables.inRepair.id)} />
      <ReportTableView table={tables.idle} fileName={name(tables.idle.id)} />
      <AccessoryReportSection location={report.location} day={report.day} timeZone={report.timeZone} fileName={fileName} />
    </>
  );
}

import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../shared/reports/format';
import { monthDays, monthOf, type Month, type MonthlySummary } from '../../../shared/reports/monthly-summary';
import { monthlySummaryTables, type MonthlyFigureRow } from '../../../shared/reports/monthly-tables';
import { addDays, type LocalDate } from '../../../shared/reports/calendar';
import type { ReportSettings } from '../../../shared/reports/settings';
import { useServices } from '../../app/services';
import { registerHref } from '../../register/register-link';
import type { ReportRequest } from '../report-request';
import { useReport } from '../use-report';
import { useReportLocale } from '../use-report-locale';
import { useReportRunner } from '../use-report-runner';
import { ReportFrame } from './ReportFrame';
import { ReportTableView } from './ReportTableView';

/** How many months back the summary offers. */
const MONTHS_BACK = 12;
/** Lines of each list on the page, so the summary stays one A4 page; the CSVs have every line. */
const LIST_ROWS = 8;

/**
 * "Månedsoversigt": the month on one A4 page for the team lead and the management — handouts,
 * reuse against the 8 % goal, what reuse saved in kroner and CO₂e, repairs, disposals, unused
 * devices and the quarter's department bill. Every count links to the devices behind it.
 */
export function MonthlyReport({ today, settings }: { today: LocalDate; settings: ReportSettings }) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const months = useMemo(() => recentMonths(monthOf(today), MONTHS_BACK), [today]);
  const [month, setMonth] = useState<Month>(() => monthOf(today));
  const request = useMemo<ReportRequest>(() => ({ kind: 'monthly', month, today, settings }), [month, today, settings]);
  const state = useReport(runner, request, run);
  const title = t('reports.monthly.title');
  const { firstDay, lastDay } = monthDays(month);
  return (
    <ReportFrame
      id="report-monthly"
      title={title}
      subtitle={t('reports.monthly.subtitle', { month: monthName(month, locale), first: formatDay(firstDay, locale), last: formatDay(lastDay, locale) })}
      pdfName={`${title} ${month}`}
      controls={
        <label className="field inline">
          {t('reports.monthly.month')}
          <select name="report-month" value={month} onChange={(e) => setMonth(months.find((m) => m === e.target.value) ?? month)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m, locale)}
              </option>
            ))}
          </select>
        </label>
      }
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) => result.kind === 'monthly' && <MonthlyBody summary={result.report} fileName={`${title} ${month}`} />}
    </ReportFrame>
  );
}

function MonthlyBody({ summary, fileName }: { summary: MonthlySummary; fileName: string }) {
  const { t } = useTranslation();
  const { locale, language } = useReportLocale();
  const { db } = useServices();
  const models = useLiveQuery(() => db.models.toArray(), [db]);
  const tables = useMemo(() => monthlySummaryTables(summary, { models: (models ?? []).map((m) => [m.id, m.name] as const) }), [summary, models]);
  const name = (id: string) => `${fileName} ${id}`;
  // A figure's value links to its devices; an empty cell links nowhere.
  const figureLink = (column: 'count' | 'share' | 'amountOre' | 'kg') => (row: MonthlyFigureRow) =>
    row.keys.length === 0 || row[column] === null
      ? undefined
      : registerHref({ keys: [...row.keys], title: `${tables.figures.columns[0]?.values?.[row.figure]?.[language] ?? row.figure}, ${summary.month}` });
  const goal = summary.reuseGoalMet === null ? null : summary.reuseGoalMet ? 'met' : 'missed';
  return (
    <div className="monthly-summary">
      {summary.asOf < summary.lastDay && <p className="notice forecast">{t('reports.monthly.running', { day: formatDay(summary.asOf, locale) })}</p>}
      {goal && (
        <p className={`notice ${goal === 'met' ? 'good' : 'warning'}`} data-testid="reuse-goal">
          {t(`reports.monthly.goal.${goal}`, { goal: Math.round(summary.reuseGoal * 1000) / 10 })}
        </p>
      )}
      <ReportTableView
        table={tables.figures}
        fileName={name(tables.figures.id)}
        links={{ count: figureLink('count'), share: figureLink('share'), amountOre: figureLink('amountOre'), kg: figureLink('kg') }}
      />
      <div className="report-pair">
        <ReportTableView table={tables.co2e} fileName={name(tables.co2e.id)} />
        {summary.billing && (
          <ReportTableView
            table={tables.billing}
            fileName={name(tables.billing.id)}
            totals={{ devicesAtEnd: summary.billing.devicesAtEnd, amountOre: summary.billing.amountOre }}
            links={{ devicesAtEnd: (row) => registerHref({ departments: [row.department], statuses: ['assigned'], title: row.name }) }}
          />
        )}
      </div>
      {summary.intuneSource && (
        <p className="hint" data-testid="intune-source">
          {t('reports.monthly.intuneSource', { file: summary.intuneSource.file, day: formatDay(summary.intuneSource.day, locale) })}
        </p>
      )}
      <p className="hint" data-testid="co2e-source">
        {t('reports.monthly.co2eSource', { source: summary.co2eSource })}
      </p>
      <ReportTableView
        table={tables.repairs}
        fileName={name(tables.repairs.id)}
        limit={LIST_ROWS}
        links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }}
      />
      <ReportTableView
        table={tables.disposals}
        fileName={name(tables.disposals.id)}
        limit={LIST_ROWS}
        links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }}
      />
    </div>
  );
}

/** `count` months ending with `latest`, newest first. */
function recentMonths(latest: Month, count: number): Month[] {
  const months: Month[] = [];
  let day = `${latest}-01`;
  for (let i = 0; i < count; i++) {
    months.push(monthOf(day));
    day = `${monthOf(addDays(day, -1))}-01`;
  }
  return months;
}

function monthName(month: Month, locale: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(year, m - 1, 1));
}

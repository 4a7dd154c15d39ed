import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalDate } from '../../../shared/reports/calendar';
import { formatDay } from '../../../shared/reports/format';
import { statusLabels } from '../../../shared/reports/labels';
import type { ReportSettings } from '../../../shared/reports/settings';
import { trendTable } from '../../../shared/reports/tables';
import { reuseShare, type TrendReport } from '../../../shared/reports/trends';
import { dailyFigures } from '../daily-figures';
import type { ReportRequest } from '../report-request';
import { useReport, type ReportState } from '../use-report';
import { useReportLocale } from '../use-report-locale';
import { useReportRunner } from '../use-report-runner';
import { GlanceFigures } from './GlanceFigures';
import { ReportFootnotes, ReportFrame } from './ReportFrame';
import { ReportProgressView } from './ReportProgressView';
import { ReportTableView } from './ReportTableView';
import { TrendChart } from './TrendChart';

interface Props {
  location: string;
  locationName: string;
  locationPicker: ReactNode;
  today: LocalDate;
  settings: ReportSettings;
}

const TREND_DAYS = 30;

/**
 * The team lead's glance at the end of the day: today's figures, and the last 30 days in two
 * pictures. The figures come first: they read one day of events and come back within a second
 * even on a big store. The charts read 30 days of histories, which can take several seconds there;
 * they are asked for once the figures are in (in a worker of their own), so the reads do not compete.
 */
export function OverviewReport({ location, locationName, locationPicker, today, settings }: Props) {
  const { t } = useTranslation();
  const format = useReportLocale();
  const figuresRunner = useReportRunner();
  const trendRunner = useReportRunner();
  const [run, setRun] = useState(0);
  const figuresRequest = useMemo<ReportRequest>(() => ({ kind: 'daily', location, day: today, settings }), [location, today, settings]);
  const trendRequest = useMemo<ReportRequest>(
    () => ({ kind: 'trend', location, lastDay: today, days: TREND_DAYS, settings }),
    [location, today, settings],
  );
  const figures = useReport(figuresRunner, figuresRequest, run);
  const trend = useReport(trendRunner, figures.status === 'running' ? null : trendRequest, run);
  const title = t('reports.overview.title');
  return (
    <ReportFrame
      id="report-overview"
      title={title}
      subtitle={t('reports.overview.subtitle', { location: locationName, day: formatDay(today, format.locale) })}
      pdfName={`${title} ${locationName} ${today}`}
      controls={locationPicker}
      state={figures}
      printable={trend.status === 'done'}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) =>
        result.kind === 'daily' && (
          <>
            <GlanceFigures figures={dailyFigures(result.report, t, format.language, format.locale)} />
            <TrendSection state={trend} fileName={`${title} ${location} ${today}`} reuseGoalPercent={settings.reuseGoalPercent} />
          </>
        )
      }
    </ReportFrame>
  );
}

function TrendSection({ state, fileName, reuseGoalPercent }: { state: ReportState; fileName: string; reuseGoalPercent: number }) {
  const { t } = useTranslation();
  return (
    <div className="trend-section" data-testid="trend" data-state={state.status}>
      {state.status === 'running' && <ReportProgressView progress={state.progress} />}
      {state.status === 'failed' && (
        <p className="notice error" role="alert">
          {t('reports.failed', { message: state.message })}
        </p>
      )}
      {state.status === 'done' && state.result.kind === 'trend' && (
        <>
          <ReuseGoal trends={state.result.report} goalPercent={reuseGoalPercent} />
          <TrendCharts trends={state.result.report} fileName={fileName} />
          <ReportFootnotes result={state.result} />
        </>
      )}
    </div>
  );
}

/** Reuse first, in one line: the trend's share of used devices among the handouts, against the goal. */
function ReuseGoal({ trends, goalPercent }: { trends: TrendReport; goalPercent: number }) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const figures = reuseShare(trends.rows, goalPercent);
  const state = figures.reached === null ? 'none' : figures.reached ? 'reached' : 'below';
  return (
    <p className={`reuse-goal ${state}`} data-testid="reuse-goal" data-state={state}>
      {figures.share === null
        ? t('reports.overview.reuseNone', { days: trends.rows.length, goal: percent.format(figures.goal) })
        : t(`reports.overview.reuse.${state}`, { days: trends.rows.length, share: percent.format(figures.share), count: figures.handouts, reused: figures.reused, goal: percent.format(figures.goal) })}
    </p>
  );
}

function TrendCharts({ trends, fileName }: { trends: TrendReport; fileName: string }) {
  const { t } = useTranslation();
  const { language, locale } = useReportLocale();
  const numbers = new Intl.NumberFormat(locale);
  const last = trends.rows[trends.rows.length - 1];
  const span = { first: formatDay(trends.firstDay, locale), last: formatDay(trends.lastDay, locale) };
  const table = trendTable(trends);
  return (
    <>
      <div className="trend-charts">
        <TrendChart
          title={t('reports.overview.stockChart', { days: trends.rows.length })}
          summary={t('reports.overview.chartSummary', { ...span, value: numbers.format(last?.inStock ?? 0) })}
          rows={trends.rows}
          shape="area"
          series={[
            { key: 'received', label: statusLabels.received[language], colour: '#9bbbe0' },
            { key: 'ready', label: statusLabels.ready[language], colour: '#0b5cad' },
            { key: 'returned', label: statusLabels.returned[language], colour: '#d89b00' },
          ]}
        />
        <TrendChart
          title={t('reports.overview.handoutsChart')}
          summary={t('reports.overview.chartSummary', { ...span, value: numbers.format((last?.handedOutNew ?? 0) + (last?.handedOutReused ?? 0)) })}
          rows={trends.rows}
          shape="bars"
          series={[
            { key: 'handedOutNew', label: t('reports.overview.new'), colour: '#0b5cad' },
            { key: 'handedOutReused', label: t('reports.overview.reused'), colour: '#3aa757' },
          ]}
        />
      </div>
      <details className="trend-table no-print">
        <summary>{t('reports.overview.trendTable')}</summary>
        <ReportTableView table={table} fileName={`${fileName} ${table.id}`} />
      </details>
    </>
  );
}

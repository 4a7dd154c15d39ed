import { useTranslation } from 'react-i18next';
import type { ReportProgress } from '../report-request';
import { useReportLocale } from '../use-report-locale';

/** What the worker is doing: a bar that fills while histories are read, a moving one otherwise. */
export function ReportProgressView({ progress }: { progress: ReportProgress | null }) {
  const { t } = useTranslation();
  const numbers = new Intl.NumberFormat(useReportLocale().locale);
  const phase = progress ?? { phase: 'events' as const };
  const text =
    phase.phase === 'histories'
      ? t('reports.progress.histories', { done: numbers.format(phase.done), total: numbers.format(phase.total) })
      : t(`reports.progress.${phase.phase}`);
  return (
    <div className="report-progress no-print" role="status" aria-live="polite">
      {phase.phase === 'histories' && phase.total > 0 ? <progress value={phase.done} max={phase.total} /> : <progress />}
      <span>{text}</span>
    </div>
  );
}

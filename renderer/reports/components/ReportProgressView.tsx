import { useTranslation } from 'react-i18next';
import type { ReportProgress } from '../report-request';
import { useReportLocale } from '../use-report-locale';

/** What the worker is doing: a bar that fills while histories are read, a moving one otherwise. */
export function ReportProgressView({ progress }: { progress: ReportProgress | null }) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const numbers = new Intl.NumberFormat(locale);
  const phase = progress ?? { phase: 'events' as const };
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  let bar = <progress />;
  let text: string;
  switch (phase.phase) {
    case 'indexing':
      if (phase.total > 0) bar = <progress value={phase.done} max={phase.total} />;
      text = t('reports.progress.indexing', { done: numbers.format(phase.done), total: numbers.format(phase.total) });
      break;
    case 'histories':
      if (phase.total > 0) bar = <progress value={phase.done} max={phase.total} />;
      text = t('reports.progress.histories', { done: numbers.format(phase.done), total: numbers.format(phase.total) });
      break;
    case 'scanning':
      bar = <progress value={phase.share} max={1} />;
      text = t('reports.progress.scanning', { share: percent.format(phase.share) });
      break;
    default:
      text = t(`reports.progress.${phase.phase}`);
  }
  return (
    <div className="report-progress no-print" role="status" aria-live="polite">
      {bar}
      <span>{text}</span>
    </div>
  );
}

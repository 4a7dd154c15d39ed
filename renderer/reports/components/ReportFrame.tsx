import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportResult } from '../report-request';
import type { ReportState } from '../use-report';
import { PrintablePage } from './PrintablePage';
import { ReportProgressView } from './ReportProgressView';

interface Props {
  /** `data-testid` of the report's section. */
  id: string;
  title: string;
  subtitle: string;
  /** The proposed PDF file name, without `.pdf`. */
  pdfName: string;
  /** The report's own pickers. */
  controls: ReactNode;
  state: ReportState;
  /** Print and Save as PDF wait for this as well as for the report (the overview's charts). */
  printable?: boolean;
  onRefresh(): void;
  children(result: ReportResult): ReactNode;
}

/**
 * What every report has around its figures: its pickers and Refresh on a printable page
 * (`PrintablePage`: Print, Save as PDF, the printed pages' running header); progress while it is
 * read and computed; and its failure, if it fails.
 */
export function ReportFrame({ id, title, subtitle, pdfName, controls, state, printable = true, onRefresh, children }: Props) {
  const { t } = useTranslation();
  return (
    <PrintablePage
      id={id}
      title={title}
      subtitle={subtitle}
      pdfName={pdfName}
      ready={state.status === 'done' && printable}
      controls={controls}
      data={{ 'data-state': state.status }}
      actions={
        <button type="button" onClick={onRefresh}>
          {t('reports.refresh')}
        </button>
      }
    >
      {state.status === 'running' && <ReportProgressView progress={state.progress} />}
      {state.status === 'failed' && (
        <p className="notice error" role="alert">
          {t('reports.failed', { message: state.message })}
        </p>
      )}
      {state.status === 'done' && (
        <>
          {children(state.result)}
          <ReportFootnotes result={state.result} />
        </>
      )}
    </PrintablePage>
  );
}

/** What a reader should know about the figures (and, hidden, what they cost to make, for the benchmark). */
export function ReportFootnotes({ result }: { result: ReportResult }) {
  const { t } = useTranslation();
  const incomplete = 'incomplete' in result.report ? result.report.incomplete.length : 0;
  const { timings } = result;
  return (
    <>
      {incomplete > 0 && <p className="hint">{t('reports.incomplete', { count: incomplete })}</p>}
      {/* What the figures cost, for the benchmark only: a team lead has no use for timing lines. */}
      <span
        hidden
        className="report-timings"
        data-read-ms={timings.readMs}
        data-compute-ms={timings.computeMs}
        data-round-trip-ms={timings.roundTripMs}
        data-parse-ms={timings.parseMs}
        data-match-ms={timings.matchMs}
        data-pack-ms={timings.packMs}
        data-handover-ms={timings.handoverMs}
        data-devices={timings.devices}
        data-events={timings.events}
        data-histories={timings.histories}
        data-rows={timings.rows ?? 0}
      />
    </>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { fileNameOf } from '../csv-download';
import { formatPrintedAt, printPageCss } from '../print-page';
import type { ReportResult } from '../report-request';
import type { ReportState } from '../use-report';
import { useReportLocale } from '../use-report-locale';
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
 * What every report has around its figures: its pickers, Refresh, Print and Save as PDF; the
 * running header of the printed pages (what, where, who printed it and when, page X of Y — see
 * `print-page.ts`); progress while it is read and computed; and its failure, if it fails.
 */
export function ReportFrame({ id, title, subtitle, pdfName, controls, state, printable = true, onRefresh, children }: Props) {
  const { t } = useTranslation();
  const { platform, session } = useServices();
  const { locale } = useReportLocale();
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  const [notice, setNotice] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);

  // The header says when the page was printed, so it is set the moment printing starts, however
  // it starts (our buttons, or Ctrl+P in the browser): flushSync renders it before the layout.
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);

  const pageCss = printPageCss({
    title: `${title} · ${subtitle}`,
    printed: t('reports.printedBy', { operator: session?.operator ?? '', at: formatPrintedAt(printedAt, locale) }),
    pageOf: t('reports.pageOf'),
  });

  const output = async (how: 'print' | 'pdf') => {
    flushSync(() => {
      setPrintedAt(new Date().toISOString());
      setNotice(null);
    });
    try {
      if (how === 'print') await platform.print();
      else {
        const saved = await platform.savePdf(`${fileNameOf(pdfName)}.pdf`);
        if (saved.saved && saved.path) setNotice({ tone: 'good', text: t('reports.pdfSaved', { path: saved.path }) });
      }
    } catch (error) {
      setNotice({ tone: 'error', text: t('reports.printFailed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };
  const ready = state.status === 'done' && printable;

  return (
    <section className="report" data-testid={id} data-state={state.status}>
      <style>{pageCss}</style>
      <div className="report-controls no-print">
        {controls}
        <span className="spacer" />
        <button type="button" onClick={onRefresh}>
          {t('reports.refresh')}
        </button>
        <button type="button" disabled={!ready} onClick={() => void output('print')}>
          {t('reports.print')}
        </button>
        <button type="button" className="primary" disabled={!ready} onClick={() => void output('pdf')}>
          {t('reports.savePdf')}
        </button>
      </div>
      {notice && (
        <p className={`notice ${notice.tone} no-print`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <header className="report-head">
        <h1>{title}</h1>
        <p className="report-subtitle">{subtitle}</p>
      </header>
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
    </section>
  );
}

/** What a reader should know about the figures (and, hidden, what they cost to make, for the benchmark). */
export function ReportFootnotes({ result }: { result: ReportResult }) {
  const { t } = useTranslation();
  const incomplete = result.report.incomplete.length;
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
        data-devices={timings.devices}
        data-events={timings.events}
        data-histories={timings.histories}
        data-rows={timings.rows ?? 0}
      />
    </>
  );
}

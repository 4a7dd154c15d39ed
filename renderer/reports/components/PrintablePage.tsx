import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { fileNameOf } from '../csv-download';
import { formatPrintedAt, printPageCss } from '../print-page';
import { useReportLocale } from '../use-report-locale';

interface Props {
  /** `data-testid` of the page's section. */
  id: string;
  title: string;
  subtitle: string;
  /** The proposed PDF file name, without `.pdf`. */
  pdfName: string;
  /** Print and Save as PDF are offered once this is true. */
  ready: boolean;
  /** Pickers, left in the bar (not printed). */
  controls?: ReactNode;
  /** Buttons before Print (not printed). */
  actions?: ReactNode;
  /** Extra attributes of the section, e.g. `data-state`. */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}

/**
 * A page that prints on A4 and saves as PDF: Print and Save as PDF, the running header of the
 * printed pages (what, where, who printed it and when, page X of Y — see `print-page.ts`), and
 * the result of saving. The reports and the warehouse's count results and manifests use it.
 */
export function PrintablePage({ id, title, subtitle, pdfName, ready, controls, actions, data, children }: Props) {
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

  return (
    <section className="report" data-testid={id} {...data}>
      <style>{pageCss}</style>
      <div className="report-controls no-print">
        {controls}
        <span className="spacer" />
        {actions}
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
      {children}
    </section>
  );
}

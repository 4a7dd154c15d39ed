import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportFileLimits } from '../../../shared/domain/limits';
import { localDayOf } from '../../../shared/reports/calendar';
import type { ReportSettings } from '../../../shared/reports/settings';
import { useServices } from '../../app/services';
import { registerHref } from '../../register/register-link';
import { PrintablePage } from '../components/PrintablePage';
import { ReportTableView } from '../components/ReportTableView';
import { ReportProgressView } from '../components/ReportProgressView';
import { ReportFootnotes } from '../components/ReportFrame';
import { evidenceOfExport } from '../../../shared/fleet/intune-evidence';
import { saveIntuneEvidence } from '../intune-evidence';
import type { ReportRequest } from '../report-request';
import { useReport } from '../use-report';
import { useReportRunner } from '../use-report-runner';

interface Loaded {
  name: string;
  /** The file as read; parsed, checked and reconciled in the report worker. */
  text: string;
  at: number;
}

/**
 * "Intune-afstemning": an Intune "All devices" export loaded from a file and held against the
 * register. The file is hostile: a file larger than the limit is refused before it is read, every
 * bad line is listed and the good ones are used.
 */
export function IntuneReport({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const runner = useReportRunner();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useMemo<ReportRequest | null>(() => (loaded ? { kind: 'intune', file: loaded.text, at: loaded.at, settings } : null), [loaded, settings]);
  const state = useReport(runner, request, 0);
  const result = loaded && state.status === 'done' && state.result.kind === 'intune' ? state.result.report : undefined;

  // The unused devices stay as evidence for the monthly summary until the next file is loaded (a file of which no line was read leaves the last).
  const { db } = useServices();
  useEffect(() => {
    if (!result || !loaded) return;
    const evidence = evidenceOfExport({ lines: result.lines, unused: result.reconciliation.unused }, loaded.name, localDayOf(loaded.at, settings.timeZone));
    if (evidence) void saveIntuneEvidence(db, evidence);
  }, [db, result, loaded, settings.timeZone]);

  async function load(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > reportFileLimits.maxChars) {
      setLoaded(null);
      setError(t('reports.intune.tooLarge', { mb: Math.round(reportFileLimits.maxChars / 1024 / 1024) }));
      return;
    }
    setLoaded({ name: file.name, text: await file.text(), at: Date.now() });
  }

  const title = t('reports.intune.title');
  const figures = result && [
    { id: 'retired', keys: result.reconciliation.retiredButEnrolled.map((r) => r.key) },
    { id: 'unused', keys: result.reconciliation.unused.map((r) => r.key) },
    { id: 'differing', keys: result.reconciliation.differing.map((r) => r.key) },
  ];
  return (
    <PrintablePage
      id="report-intune"
      title={title}
      subtitle={loaded && result ? t('reports.intune.subtitle', { file: loaded.name, count: result.lines }) : loaded ? loaded.name : t('reports.intune.noFile')}
      pdfName={`${title} ${loaded?.name ?? ''}`}
      ready={result !== undefined}
      data={{ 'data-state': result ? 'done' : 'idle' }}
      controls={
        <label className="field inline">
          {t('reports.intune.load')}
          <input type="file" name="intune-file" accept=".csv,text/csv" onChange={(e) => void load(e.target.files?.[0])} />
        </label>
      }
    >
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {loaded && state.status === 'failed' && (
        <p className="notice error" role="alert">
          {t('reports.failed', { message: state.message })}
        </p>
      )}
      {loaded && state.status === 'running' && <ReportProgressView progress={state.progress} />}
      {result && figures && (
        <>
          <p className="hint">{t('reports.intune.rule', { days: settings.intuneCheckInDays })}</p>
          <ul className="glance" data-testid="intune-figures">
            {figures.map((figure) => (
              <li key={figure.id} data-figure={figure.id}>
                <a href={registerHref({ keys: figure.keys, title: t(`reports.intune.${figure.id}`) })}>
                  <strong>{figure.keys.length}</strong> {t(`reports.intune.${figure.id}`)}
                </a>
              </li>
            ))}
            <li data-figure="only-in-intune">
              <strong>{result.reconciliation.onlyInIntune.length}</strong> {t('reports.intune.onlyInIntune')}
            </li>
            <li data-figure="matched">
              <strong>{result.reconciliation.matched}</strong> {t('reports.intune.matched')}
            </li>
          </ul>
          <ReportTableView
            table={result.tables.findings}
            fileName={`${title} ${result.tables.findings.id}`}
            links={{ deviceKey: (row) => (row.deviceKey && row.reason !== 'not_in_register' ? registerHref({ keys: [row.deviceKey] }) : undefined) }}
          />
          {result.tables.problems.rows.length > 0 && <ReportTableView table={result.tables.problems} fileName={`${title} ${result.tables.problems.id}`} />}
          {state.status === 'done' && <ReportFootnotes result={state.result} />}
        </>
      )}
    </PrintablePage>
  );
}

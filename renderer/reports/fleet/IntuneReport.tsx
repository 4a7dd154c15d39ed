import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportFileLimits } from '../../../shared/domain/limits';
import { readIntuneFile, type IntuneFile } from '../../../shared/fleet/intune-file';
import { reconcileWithIntune } from '../../../shared/fleet/reconcile';
import { reconciliationTables } from '../../../shared/fleet/tables';
import { localDayOf } from '../../../shared/reports/calendar';
import type { ReportSettings } from '../../../shared/reports/settings';
import { useServices } from '../../app/services';
import { registerHref } from '../../register/register-link';
import { PrintablePage } from '../components/PrintablePage';
import { ReportTableView } from '../components/ReportTableView';
import { saveIntuneEvidence } from '../intune-evidence';
import { useFleetData } from './use-fleet-data';

interface Loaded {
  name: string;
  file: IntuneFile;
  at: number;
}

/**
 * "Intune-afstemning": an Intune "All devices" export loaded from a file and held against the
 * register. The file is hostile: a file larger than the limit is refused before it is read, every
 * bad line is listed and the good ones are used.
 */
export function IntuneReport({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const data = useFleetData();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const result = useMemo(() => {
    if (!data || !loaded) return undefined;
    const reconciliation = reconcileWithIntune(data.devices, loaded.file.rows, loaded.at, data, settings);
    return { reconciliation, tables: reconciliationTables(reconciliation, loaded.file.problems, data.names) };
  }, [data, loaded, settings]);

  // The unused devices stay as evidence for the monthly summary until the next file is loaded.
  const { db } = useServices();
  useEffect(() => {
    if (!result || !loaded) return;
    const unused = result.reconciliation.unused.map((r) => r.key);
    void saveIntuneEvidence(db, { unused, file: loaded.name.slice(0, 260), day: localDayOf(loaded.at, settings.timeZone) });
  }, [db, result, loaded, settings.timeZone]);

  async function load(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > reportFileLimits.maxChars) {
      setLoaded(null);
      setError(t('reports.intune.tooLarge', { mb: Math.round(reportFileLimits.maxChars / 1024 / 1024) }));
      return;
    }
    setLoaded({ name: file.name, file: readIntuneFile(await file.text()), at: Date.now() });
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
      subtitle={loaded ? t('reports.intune.subtitle', { file: loaded.name, lines: loaded.file.rows.length }) : t('reports.intune.noFile')}
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
            links={{ deviceKey: (row) => (row.deviceKey ? registerHref({ keys: [row.deviceKey] }) : undefined) }}
          />
          {result.tables.problems.rows.length > 0 && <ReportTableView table={result.tables.problems} fileName={`${title} ${result.tables.problems.id}`} />}
        </>
      )}
    </PrintablePage>
  );
}

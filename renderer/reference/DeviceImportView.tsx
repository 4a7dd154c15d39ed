import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { syncLimits, type DeviceImportResponse, type ImportLine } from '../../shared/sync/protocol';
import { useServices } from '../app/services';
import { useSync } from '../sync/sync-context';
import { editProblem } from './edit-problem';

const ROW_HEIGHT = 32;
type Filter = 'all' | ImportLine['outcome'];

/** Refusals whose text says the value itself (the other lines, the cell counts). */
const refusalsNamingValue = new Set(['duplicate', 'cell_count']);
const filters: readonly Filter[] = ['all', 'refused', 'create', 'change', 'unchanged'];

type Step =
  | { kind: 'choose'; problem?: string }
  | { kind: 'working'; file: string; dryRun: boolean }
  | { kind: 'planned'; file: string; csv: string; plan: DeviceImportResponse; problem?: string }
  | { kind: 'done'; plan: DeviceImportResponse };

/**
 * A team lead moves the existing fleet in from a desk: the file goes to the central inventory,
 * which plans it line by line (a dry run, nothing stored) exactly as its `import devices` command;
 * the desk shows every line's outcome, then sends the same file to be imported. Devices reach the
 * desks by the ordinary pull.
 */
export function DeviceImportView() {
  const { t } = useTranslation();
  const { session } = useServices();
  const sync = useSync();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const scroller = useRef<HTMLDivElement>(null);
  const lines = step.kind === 'planned' ? step.plan.lines.filter((l) => filter === 'all' || l.outcome === filter) : [];
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise;
  // this app does not compile with it, so the rule's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });

  const client = sync.client;
  if (!client) return <p className="notice warning">{t('deviceImport.needsServer')}</p>;
  const operator = session?.operator ?? '';

  const plan = async (file: File) => {
    if (file.size > syncLimits.importMaxBytes) return setStep({ kind: 'choose', problem: t('deviceImport.tooLarge', { mb: syncLimits.importMaxBytes / 1024 / 1024 }) });
    const csv = await file.text();
    setStep({ kind: 'working', file: file.name, dryRun: true });
    setFilter('all');
    try {
      const answer = await client.importDevices({ operator, fileName: file.name, csv, dryRun: true, skipInvalid: false });
      if (answer.problem) return setStep({ kind: 'choose', problem: t('deviceImport.problem', { problem: answer.problem }) });
      setStep({ kind: 'planned', file: file.name, csv, plan: answer });
    } catch (error) {
      setStep({ kind: 'choose', problem: editProblem(t, error) });
    }
  };

  const importPlanned = async () => {
    if (step.kind !== 'planned') return;
    setStep({ kind: 'working', file: step.file, dryRun: false });
    try {
      const answer = await client.importDevices({ operator, fileName: step.file, csv: step.csv, dryRun: false, skipInvalid });
      if (answer.written) {
        setStep({ kind: 'done', plan: answer });
        void sync.syncNow();
      } else setStep({ ...step, plan: answer, problem: t('deviceImport.notWritten') });
    } catch (error) {
      setStep({ ...step, problem: editProblem(t, error) });
    }
  };

  const counts = step.kind === 'planned' || step.kind === 'done' ? step.plan.counts : null;
  const toWrite = counts ? counts.create + counts.change : 0;
  const blocked = counts !== null && counts.refused > 0 && !skipInvalid;

  return (
    <section className="device-import" data-testid="device-import" data-step={step.kind}>
      <h2>{t('deviceImport.title')}</h2>
      <p className="hint">{t('deviceImport.intro')}</p>
      {step.kind !== 'working' && (
        <label className="button">
          {t('deviceImport.chooseFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            hidden
            data-testid="import-devices"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void plan(file);
            }}
          />
        </label>
      )}
      {step.kind === 'choose' && step.problem && (
        <p className="notice error" role="alert">
          {step.problem}
        </p>
      )}
      {step.kind === 'working' && (
        <div className="progress" role="status">
          {/* One request: the server plans (or writes) the whole file; how far it is, it does not say. */}
          <progress />
          <span>{t(step.dryRun ? 'deviceImport.checking' : 'deviceImport.importing', { file: step.file })}</span>
        </div>
      )}
      {counts && (
        <p className="counter" data-testid="import-counts">
          {t('deviceImport.counts', counts)}
        </p>
      )}
      {step.kind === 'done' && (
        <p className="notice good" role="status">
          {t('deviceImport.done', step.plan.counts)}
        </p>
      )}
      {step.kind === 'planned' && (
        <>
          {step.plan.ignored.length > 0 && <p className="hint">{t('deviceImport.ignored', { columns: step.plan.ignored.join(', ') })}</p>}
          <div className="toolbar">
            <label className="field inline">
              {t('deviceImport.show')}
              <select name="import-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
                {filters.map((f) => (
                  <option key={f} value={f}>
                    {t(`deviceImport.filters.${f}`)}
                  </option>
                ))}
              </select>
            </label>
            {counts && counts.refused > 0 && (
              <label className="check">
                <input type="checkbox" name="skip-invalid" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
                {t('deviceImport.skipInvalid')}
              </label>
            )}
            <button type="button" className="primary" disabled={blocked || toWrite === 0} onClick={() => void importPlanned()}>
              {t('deviceImport.import', { count: toWrite })}
            </button>
          </div>
          {blocked && <p className="notice warning">{t('deviceImport.blocked')}</p>}
          {!blocked && toWrite === 0 && <p className="hint">{t('deviceImport.nothingToImport')}</p>}
          {step.problem && (
            <p className="notice error" role="alert">
              {step.problem}
            </p>
          )}
          <div ref={scroller} className="grid-body import-lines" data-testid="import-lines">
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const line = lines[item.index];
                if (!line) return null;
                return (
                  <div key={line.line} className={`grid-row import-line ${line.outcome}`} data-line={line.line} data-outcome={line.outcome} style={{ position: 'absolute', top: item.start, height: ROW_HEIGHT }}>
                    <span>{t('deviceImport.line', { line: line.line })}</span>
                    <span>{t(`deviceImport.outcomes.${line.outcome}`)}</span>
                    <span>{line.key?.replace(/^(imei|serial):/, '') ?? ''}</span>
                    <span title={line.outcome === 'refused' ? line.reason : undefined}>{describe(line)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
    </section>
  );

  function describe(line: ImportLine): string {
    if (line.outcome === 'create' && line.status) return t(`statuses.${line.status}`, { defaultValue: line.status });
    if (line.outcome === 'change') return t('deviceImport.fields', { fields: (line.fields ?? []).join(', ') });
    if (line.outcome === 'refused') {
      const reason = t(`deviceImport.refusals.${line.code ?? ''}`, { value: line.value, defaultValue: '' });
      // A code this desk does not know yet: the server's English detail rather than nothing.
      if (!reason) return line.reason ?? '';
      return line.value && !refusalsNamingValue.has(line.code ?? '') ? t('deviceImport.refusalWithValue', { reason, value: line.value }) : reason;
    }
    return '';
  }
}

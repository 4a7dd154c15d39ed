import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Employee } from '../../shared/domain/reference';
import { EmployeeCardsButton } from '../labels/LabelButtons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { EditableTable } from '../../shared/domain/reference';
import { pinRules } from '../../shared/auth/pin';
import { parseReferenceCsv, type CsvRowError } from '../../shared/domain/reference-csv';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { choosable, isActive, isDeactivatable, type ReferenceUse } from '../../shared/domain/reference-use';
import { removeReferenceRow } from '../store/reference';
import { gtinAsPrinted } from '../../shared/scan/gs1';
import { TAKES_SCAN } from '../scanner/scan-field';
import { fieldText, formToRow, referenceFields } from './reference-fields';
import { operatorPinHash } from './operator-pin';
import { useReferenceEdits, type EditOutcome } from './use-reference-edits';

const ROW_HEIGHT = 36;

type Notice = { tone: 'good' | 'warning' | 'error' | 'info'; text: string; lines?: string[]; deactivate?: Record<string, unknown> };

/** One reference table: a virtualised list (thousands of employees scroll smoothly), a form, CSV import. */
export function ReferenceTableView({ table }: { table: EditableTable }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  // The desk hides what the role may not do; the central inventory refuses it too.
  const mayEdit = useMay('reference.edit');
  const mayPrice = useMay('prices.edit');
  const edits = useReferenceEdits();
  // Offline with a server: the edit waits for the connection, never lands in this desk's copy alone.
  const canEdit = mayEdit && !edits.offline;
  // The PIN is typed in the form only: never a column.
  const fields = referenceFields[table].filter((f) => f.type !== 'pin');
  const formFields = referenceFields[table].filter((f) => !f.action || (f.action === 'prices.edit' ? mayPrice : true));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const rows = useLiveQuery(() => db.table<Record<string, unknown>, string>(table).orderBy('id').toArray(), [db, table]) ?? [];
  const departments = useLiveQuery(() => db.departments.orderBy('name').toArray(), [db]) ?? [];
  const [editing, setEditing] = useState<{ id?: string; row?: Record<string, unknown>; values: Record<string, string> } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise;
  // this app does not compile with it, so the rule's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  const importFile = async (file: File) => {
    if (table === 'operators') return;
    const result = parseReferenceCsv(table, await file.text());
    if (result.errors.length > 0) {
      const explain = (e: CsvRowError) =>
        t(`reference.csv.${e.problem}`, {
          fields: (e.fields ?? []).map((f) => t(`reference.fields.${f}`, { defaultValue: f })).join(', '),
          id: e.fields?.[0],
          first: e.fields?.[1],
        });
      setNotice({ tone: 'error', text: t('reference.importFailed'), lines: result.errors.map((e) => t('reference.line', { line: e.line, message: explain(e) })) });
      return;
    }
    setProgress({ done: 0, total: result.rows.length });
    const outcome = await edits.importRows(table, result.rows.map(({ row }) => row), (done, total) => setProgress({ done, total }));
    setProgress(null);
    // The server's row numbers are places in what was sent: back to the file's lines.
    const lineOf = (row: number) => result.rows[row - 1]?.line ?? row;
    setNotice(noticeOf(outcome, (written) => t('reference.importDone', { count: written }), lineOf));
  };

  const noticeOf = (outcome: EditOutcome, done: (written: number) => string, lineOf: (row: number) => number = (row) => row): Notice => {
    if (!outcome.ok) return { tone: 'error', text: outcome.problem };
    if (outcome.refused.length === 0) return { tone: 'good', text: done(outcome.written) };
    return {
      tone: 'warning',
      text: t('reference.refusedByServer', { count: outcome.refused.length, written: outcome.written }),
      lines: outcome.refused.map((r) => t('reference.line', { line: lineOf(r.row), message: r.id ? `${r.id}: ${r.reason}` : r.reason })),
    };
  };

  const save = async () => {
    if (!editing) return;
    // Fields this role does not edit keep the row's value (a form without them would clear them).
    const kept = Object.fromEntries(fields.filter((f) => !formFields.includes(f)).map((f) => [f.name, editing.row?.[f.name]]));
    const row = { ...kept, ...formToRow(formFields, editing.values) };
    if (table === 'operators') {
      const pin = await operatorPinHash(editing.values.pin, editing.row?.pinHash);
      if (!pin.ok) return setNotice({ tone: 'error', text: t(`reference.${pin.problem}`, pinRules) });
      row.pinHash = pin.pinHash;
    }
    const outcome = await edits.save(table, row, editing.id);
    if (!outcome.ok || outcome.refused.length > 0) return setNotice(noticeOf(outcome, () => ''));
    setEditing(null);
    setNotice(edits.central ? { tone: 'good', text: t('reference.sentToServer') } : null);
  };

  // From the latest form: a scan's input events (its keys taken back out, then its text) come in one go.
  const setValue = (name: string, value: string) => setEditing((current) => current && { ...current, values: { ...current.values, [name]: value } });

  /** A trial desk deletes a row nothing names; one in use is refused with the count, and deactivation offered. */
  const remove = async (row: Record<string, unknown>) => {
    const id = String(row.id);
    const name = String(row.name ?? id);
    // Reading the log for a row no device names takes a moment on a big store: said while it does.
    setNotice({ tone: 'info', text: t('reference.checkingUse', { name }) });
    const verdict = await removeReferenceRow(db, table, id);
    setNotice(verdict.kind === 'deactivate' ? { tone: 'error', text: t('reference.inUse', { name, uses: usesText(verdict.use) }), deactivate: row } : null);
  };
  const usesText = ({ devices, events }: ReferenceUse) =>
    devices > 0 ? t('reference.usedByDevices', { count: devices }) : t('reference.usedByEvents', { count: events ?? 0 });
  /** Deactivated (hidden from pickers, still named where used) or back: an edit like any other, to the server where there is one. */
  const setActive = async (row: Record<string, unknown>, active: boolean) => {
    if (!isDeactivatable(table)) return;
    const outcome = await edits.save(table, { ...row, active }, String(row.id));
    setNotice(!outcome.ok || outcome.refused.length > 0 ? noticeOf(outcome, () => '') : edits.central ? { tone: 'good', text: t('reference.sentToServer') } : null);
  };

  const cell = (row: Record<string, unknown>, name: string) => {
    const field = fields.find((f) => f.name === name);
    const value = row[name];
    if (value === undefined) return '';
    if (field?.options === 'departments') return departments.find((d) => d.id === value)?.name ?? String(value);
    if (field?.optionsNamespace) return t(`${field.optionsNamespace}.${String(value)}`);
    if (field?.name === 'gtin' && typeof value === 'string') return value.split(' ').map(gtinAsPrinted).join(' ');
    if (field?.type === 'kroner' && typeof value === 'number')
      return new Intl.NumberFormat(i18n.language === 'da' ? 'da-DK' : 'en-GB', { style: 'currency', currency: 'DKK' }).format(value / 100);
    return String(value);
  };

  return (
    <section className="reference-table" data-table={table}>
      <div className="toolbar">
        <span className="counter">{t('reference.count', { count: rows.length })}</span>
        {mayEdit ? (
          <>
            <button type="button" disabled={!canEdit} onClick={() => setEditing({ values: {} })}>
              {t('reference.add')}
            </button>
            {table !== 'operators' && (
              <>
                {/* A button, not a label around the hidden input: Tab reaches it and Enter opens the file dialog. */}
                <button type="button" disabled={!canEdit || progress !== null} onClick={() => fileInput.current?.click()}>
                  {t('reference.importCsv')}
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".csv,text/csv"
                  disabled={!canEdit || progress !== null}
                  hidden
                  data-testid={`import-${table}`}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void importFile(file);
                  }}
                />
              </>
            )}
          </>
        ) : (
          <span className="hint" data-testid="reference-read-only">{t('reference.readOnly')}</span>
        )}
        {table === 'employees' && <EmployeeCardsButton employees={rows as Employee[]} />}
      </div>
      {mayEdit && edits.offline && (
        <p className="notice warning" role="status" data-testid="reference-offline">
          {t('reference.needsConnection')}
        </p>
      )}
      {progress && (
        <div className="progress" role="status">
          <progress value={progress.done} max={progress.total} />
          <span>{t('reference.sending', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.tone}`} role={notice.tone === 'good' ? 'status' : 'alert'}>
          <p>{notice.text}</p>
          {notice.deactivate && (
            <button type="button" onClick={() => void setActive(notice.deactivate as Record<string, unknown>, false)}>
              {t('reference.deactivate')}
            </button>
          )}
          {notice.lines && (
            <ul>
              {notice.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {editing && (
        <form
          className="row-form card"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {formFields.map((field) => (
            <label key={field.name} className="field">
              {t(field.label ?? `reference.fields.${field.name}`)}
              {field.type === 'select' ? (
                <select name={field.name} required={field.required} value={editing.values[field.name] ?? ''} onChange={(e) => setValue(field.name, e.target.value)}>
                  <option value="" />
                  {(field.options === 'departments' ? choosable(departments, editing.values[field.name]).map((d) => d.id) : (field.options ?? [])).map((option) => (
                    <option key={option} value={option}>
                      {field.options === 'departments' ? departments.find((d) => d.id === option)?.name : t(`${field.optionsNamespace}.${option}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={field.name}
                  type={field.type === 'number' ? 'number' : field.type === 'pin' ? 'password' : 'text'}
                  autoComplete={field.type === 'pin' ? 'new-password' : undefined}
                  placeholder={field.type === 'pin' && editing.id !== undefined ? t('reference.pinKeep') : undefined}
                  inputMode={field.type === 'kroner' ? 'decimal' : undefined}
                  required={field.required}
                  // A scan into the focused field fills it (a GTIN from the box) instead of driving the desk.
                  {...(field.type === 'text' ? { [TAKES_SCAN]: field.name === 'gtin' ? 'gtin' : 'text' } : {})}
                  // The central inventory never deletes a row (old events name it): its id stays.
                  readOnly={edits.central && field.name === 'id' && editing.id !== undefined}
                  value={editing.values[field.name] ?? ''}
                  onChange={(e) => setValue(field.name, e.target.value)} />
              )}
            </label>
          ))}
          <button type="submit" className="primary">
            {t('reference.save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('reference.cancel')}
          </button>
        </form>
      )}
      <div className="grid-head" style={{ gridTemplateColumns: `repeat(${fields.length}, 1fr) 12rem` }}>
        {fields.map((f) => (
          <span key={f.name}>{t(f.label ?? `reference.fields.${f.name}`)}</span>
        ))}
        <span />
      </div>
      <div ref={scroller} className="grid-body" data-testid={`rows-${table}`}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const id = String(row.id);
            const inactive = !isActive(row);
            return (
              <div key={id} className={inactive ? 'grid-row inactive' : 'grid-row'} data-row-id={id} data-active={!inactive} style={{ position: 'absolute', top: item.start, height: ROW_HEIGHT, gridTemplateColumns: `repeat(${fields.length}, 1fr) 12rem` }}>
                {fields.map((f) => (
                  <span key={f.name}>
                    {cell(row, f.name)}
                    {f.name === 'name' && inactive && <em className="sub"> {t('reference.inactive')}</em>}
                  </span>
                ))}
                {mayEdit && (
                <span className="row-actions">
                  <button type="button" disabled={!canEdit} onClick={() => setEditing({ id, row, values: Object.fromEntries(fields.map((f) => [f.name, fieldText(f, row[f.name])])) })}>
                    {t('reference.edit')}
                  </button>
                  {inactive ? (
                    <button type="button" disabled={!canEdit} onClick={() => void setActive(row, true)}>
                      {t('reference.reactivate')}
                    </button>
                  ) : edits.central ? (
                    // Rows of the central inventory are never deleted (old events name them): deactivated instead.
                    isDeactivatable(table) && (
                      <button type="button" disabled={!canEdit} onClick={() => void setActive(row, false)}>
                        {t('reference.deactivate')}
                      </button>
                    )
                  ) : (
                    <button type="button" onClick={() => void remove(row)}>
                      {t('reference.delete')}
                    </button>
                  )}
                </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

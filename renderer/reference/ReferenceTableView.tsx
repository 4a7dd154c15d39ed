import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Employee } from '../../shared/domain/reference';
import { EmployeeCardsButton } from '../labels/LabelButtons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ReferenceTable } from '../../shared/domain/reference';
import { parseReferenceCsv, type CsvRowError } from '../../shared/domain/reference-csv';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { choosable, isActive, isDeactivatable, type ReferenceUse } from '../../shared/domain/reference-use';
import { importReferenceRows, removeReferenceRow, saveReferenceRow, setReferenceActive } from '../store/reference';
import { TAKES_SCAN } from '../scanner/scan-field';
import { formToRow, referenceFields } from './reference-fields';

const ROW_HEIGHT = 36;

type Notice = { tone: 'good' | 'error' | 'info'; text: string; lines?: string[]; deactivate?: string };

/** One reference table: a virtualised list (thousands of employees scroll smoothly), a form, CSV import. */
export function ReferenceTableView({ table }: { table: ReferenceTable }) {
  const { t } = useTranslation();
  const { db } = useServices();
  // The desk hides what the role may not do; the central inventory refuses it too.
  const mayEdit = useMay('reference.edit');
  const fields = referenceFields[table];
  const rows = useLiveQuery(() => db.table<Record<string, unknown>, string>(table).orderBy('id').toArray(), [db, table]) ?? [];
  const departments = useLiveQuery(() => db.departments.orderBy('name').toArray(), [db]) ?? [];
  const [editing, setEditing] = useState<{ id?: string; values: Record<string, string> } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise;
  // this app does not compile with it, so the rule's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  const importFile = async (file: File) => {
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
    const count = await importReferenceRows(db, table, result.rows.map(({ row }) => row));
    setNotice({ tone: 'good', text: t('reference.importDone', { count }) });
  };

  const save = async () => {
    if (!editing) return;
    const problem = await saveReferenceRow(db, table, formToRow(fields, editing.values), editing.id);
    if (problem) setNotice({ tone: 'error', text: t('reference.invalidRow', { message: problem }) });
    else {
      setEditing(null);
      setNotice(null);
    }
  };

  // From the latest form: a scan's input events (its keys taken back out, then its text) come in one go.
  const setValue = (name: string, value: string) => setEditing((current) => current && { ...current, values: { ...current.values, [name]: value } });

  const remove = async (id: string, name: string) => {
    // Reading the log for a row no device names takes a moment on a big store: said while it does.
    setNotice({ tone: 'info', text: t('reference.checkingUse', { name }) });
    const verdict = await removeReferenceRow(db, table, id);
    setNotice(null);
    if (verdict.kind === 'deactivate') setNotice({ tone: 'error', text: t('reference.inUse', { name, uses: usesText(verdict.use) }), deactivate: id });
  };
  const usesText = ({ devices, events }: ReferenceUse) =>
    devices > 0 ? t('reference.usedByDevices', { count: devices }) : t('reference.usedByEvents', { count: events ?? 0 });
  const setActive = async (id: string, active: boolean) => {
    if (!isDeactivatable(table)) return;
    await setReferenceActive(db, table, id, active);
    setNotice(null);
  };

  const cell = (row: Record<string, unknown>, name: string) => {
    const field = fields.find((f) => f.name === name);
    const value = row[name];
    if (value === undefined) return '';
    if (field?.options === 'departments') return departments.find((d) => d.id === value)?.name ?? String(value);
    if (field?.optionsNamespace) return t(`${field.optionsNamespace}.${String(value)}`);
    return String(value);
  };

  return (
    <section className="reference-table" data-table={table}>
      <div className="toolbar">
        <span className="counter">{t('reference.count', { count: rows.length })}</span>
        {mayEdit ? (
          <>
            <button type="button" onClick={() => setEditing({ values: {} })}>
              {t('reference.add')}
            </button>
            <label className="button">
              {t('reference.importCsv')}
              <input
                type="file"
                accept=".csv,text/csv"
                hidden
                data-testid={`import-${table}`}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
          </>
        ) : (
          <span className="hint" data-testid="reference-read-only">{t('reference.readOnly')}</span>
        )}
        {table === 'employees' && <EmployeeCardsButton employees={rows as Employee[]} />}
      </div>
      {notice && (
        <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.deactivate && (
            <button type="button" onClick={() => void setActive(notice.deactivate as string, false)}>
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
          {fields.map((field) => (
            <label key={field.name} className="field">
              {t(`reference.fields.${field.name}`)}
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
                  type={field.type}
                  required={field.required}
                  // A scan into the focused field fills it (a GTIN from the box) instead of driving the desk.
                  {...(field.type === 'text' ? { [TAKES_SCAN]: field.name === 'gtin' ? 'gtin' : 'text' } : {})}
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
          <span key={f.name}>{t(`reference.fields.${f.name}`)}</span>
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
                  <button type="button" onClick={() => setEditing({ id, values: Object.fromEntries(fields.map((f) => [f.name, row[f.name] === undefined ? '' : String(row[f.name])])) })}>
                    {t('reference.edit')}
                  </button>
                  {inactive ? (
                    <button type="button" onClick={() => void setActive(id, true)}>
                      {t('reference.reactivate')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => void remove(id, String(row.name ?? id))}>
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

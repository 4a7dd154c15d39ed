import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../shared/domain/reference';
import { useServices } from '../app/services';

const MAX_MATCHES = 8;

/** Choose the employee once (search as you type), then scan the devices they get. */
export function EmployeePicker({ value, onChange }: { value: Employee | undefined; onChange: (employee: Employee | undefined) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const matches = useLiveQuery(async () => {
    if (!q) return [];
    const [byName, byId] = await Promise.all([
      db.employees.where('name').startsWithIgnoreCase(q).limit(MAX_MATCHES).toArray(),
      db.employees.where('id').startsWithIgnoreCase(q).limit(MAX_MATCHES).toArray(),
    ]);
    const seen = new Map([...byId, ...byName].map((e) => [e.id, e]));
    return [...seen.values()].slice(0, MAX_MATCHES);
  }, [db, q]);
  const departments = useLiveQuery(async () => new Map((await db.departments.toArray()).map((d) => [d.id, d.name])), [db]);

  if (value) {
    return (
      <div className="employee-chosen" data-testid="employee-chosen">
        <strong>{t('desk.employeeChosen', { name: value.name, department: departments?.get(value.department) ?? value.department })}</strong>
        <button type="button" onClick={() => onChange(undefined)}>
          {t('desk.changeEmployee')}
        </button>
      </div>
    );
  }
  const pick = (employee: Employee) => {
    onChange(employee);
    setQuery('');
  };
  return (
    <div className="employee-picker">
      <label className="field">
        {t('desk.employee')}
        <input
          type="search"
          value={query}
          placeholder={t('desk.employeeSearch')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches?.[0]) {
              e.preventDefault();
              pick(matches[0]);
            }
          }}
          data-field="employee-search"
          autoComplete="off"
        />
      </label>
      {q && matches && (
        <ul className="matches" role="listbox">
          {matches.length === 0 && <li className="empty">{t('desk.noMatches')}</li>}
          {matches.map((e) => (
            <li key={e.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => pick(e)}>
                {e.name} <span className="sub">{e.id} · {departments?.get(e.department) ?? e.department}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!q && <p className="hint">{t('desk.employeeNone')}</p>}
    </div>
  );
}

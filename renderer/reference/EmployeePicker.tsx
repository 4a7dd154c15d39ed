import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../shared/domain/reference';
import { enterChoice, searchableEmployees, searchEmployees } from '../../shared/employees/search';
import { useServices } from '../app/services';

/**
 * Choose the employee once — scan their card, or search as you type by any part of name, id,
 * e-mail or department — then scan the devices they get. The field has the focus when a handout
 * starts; Enter chooses only when the choice is certain (one match, or an exact id).
 */
export function EmployeePicker({ value, onChange }: { value: Employee | undefined; onChange: (employee: Employee | undefined) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const employees = useLiveQuery(() => db.employees.toArray(), [db]);
  const departments = useLiveQuery(async () => new Map((await db.departments.toArray()).map((d) => [d.id, d.name])), [db]);
  const index = useMemo(() => searchableEmployees(employees ?? [], departments ?? new Map()), [employees, departments]);
  const q = query.trim();
  const matches = useMemo(() => searchEmployees(index, q), [index, q]);

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
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const choice = enterChoice(matches, q);
            if (choice) pick(choice);
          }}
          data-field="employee-search"
          autoComplete="off"
          // A handout starts here: the operator types at once, or scans the card.
          autoFocus
        />
      </label>
      {q && (
        <ul className="matches" role="listbox">
          {matches.length === 0 && <li className="empty">{t('desk.noMatches')}</li>}
          {matches.map(({ employee, departmentName, namesake }) => (
            <li key={employee.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => pick(employee)}>
                {employee.name}{' '}
                <span className="sub">
                  {[employee.id, departmentName, namesake ? employee.email : undefined].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {q && matches.some((m) => m.namesake) && <p className="hint">{t('desk.namesakes')}</p>}
      {!q && <p className="hint">{t('desk.employeeNone')}</p>}
    </div>
  );
}

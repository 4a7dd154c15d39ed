import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { deviceIdentifier } from '../../shared/register/register-table';
import { useServices } from '../app/services';
import { formatDate } from '../app/format';
import { localeOf } from '../i18n';
import type { StoredDevice } from '../store/db';
import { employeeHoldings, employeeMatcher } from './employee-holdings';

const MAX_MATCHES = 50;

/**
 * "What does this employee hold?": find an employee by any part of their name, id, e-mail or
 * department, and see the devices they hold now and held before. A device opens its card.
 */
export function EmployeeView({ onOpenDevice }: { onOpenDevice(key: string): void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const locale = localeOf(i18n.language);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const lists = useLiveQuery(async () => {
    const [employees, departments, models] = await Promise.all([db.employees.orderBy('name').toArray(), db.departments.toArray(), db.models.toArray()]);
    return { employees, departments: new Map(departments.map((d) => [d.id, d.name])), models: new Map(models.map((m) => [m.id, m.name])) };
  }, [db]);
  const matches = lists && text.trim() ? lists.employees.filter(employeeMatcher(text, (id) => lists.departments.get(id))) : [];
  const employee = chosen ? lists?.employees.find((e) => e.id === chosen) : undefined;
  const holdings = useLiveQuery(() => (chosen ? employeeHoldings(db, chosen) : undefined), [db, chosen]);

  const deviceLine = (device: StoredDevice | undefined, key: string) => (
    <>
      <span className="mono">{device ? deviceIdentifier(device) : key.replace(/^(imei|serial):/, '')}</span>
      {device?.model && <span className="sub"> · {lists?.models.get(device.model) ?? device.model}</span>}
      {device && <span className="sub"> · {t(`statuses.${device.status}`)}</span>}
    </>
  );

  return (
    <section className="employee-view" data-testid="employee-view">
      <label className="field wide no-print">
        {t('register.employees.search')}
        <input type="search" value={text} data-field="register-employee-search" autoComplete="off" spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      {text.trim() && matches.length === 0 && <p className="hint">{t('register.employees.none')}</p>}
      {matches.length > 0 && (
        <ul className="employee-matches no-print" data-testid="employee-matches">
          {matches.slice(0, MAX_MATCHES).map((e) => (
            <li key={e.id}>
              <button type="button" aria-pressed={e.id === chosen} onClick={() => setChosen(e.id)}>
                <strong>{e.name}</strong> <span className="sub">{[e.id, e.email, lists?.departments.get(e.department) ?? e.department].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
          {matches.length > MAX_MATCHES && <li className="hint">{t('register.employees.more', { count: matches.length - MAX_MATCHES })}</li>}
        </ul>
      )}
      {employee && holdings && (
        <div className="holdings" data-testid="holdings">
          <h2>{t('register.employees.holdsNow', { name: employee.name, count: holdings.now.length })}</h2>
          {holdings.now.length === 0 ? (
            <p className="hint">{t('register.employees.nothing')}</p>
          ) : (
            <ul data-testid="holds-now">
              {holdings.now.map((device) => (
                <li key={device.key}>
                  <button type="button" className="link" onClick={() => onOpenDevice(device.key)}>
                    {deviceLine(device, device.key)}
                  </button>
                  {device.holder && <span className="sub"> · {t('register.employees.since', { date: formatDate(device.holder.since, locale) })}</span>}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('register.employees.heldBefore', { count: holdings.before.length })}</h2>
          {holdings.before.length === 0 ? (
            <p className="hint">{t('register.employees.nothing')}</p>
          ) : (
            <ul data-testid="held-before">
              {holdings.before.map((held) => (
                <li key={held.deviceKey}>
                  <button type="button" className="link" onClick={() => onOpenDevice(held.deviceKey)}>
                    {deviceLine(held.device, held.deviceKey)}
                  </button>
                  <span className="sub"> · {t('register.employees.handedOut', { date: formatDate(held.since, locale) })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

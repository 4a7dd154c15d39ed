import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useServices } from '../app/services';
import { formatTime } from '../app/format';
import { localeOf } from '../i18n';
import type { StoredEvent } from '../store/db';
import { undoneIds } from '../desk/batch';

/** The running list of this batch, newest first. */
export function BatchList({ events }: { events: StoredEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { db } = useServices();
  const models = useLiveQuery(async () => new Map((await db.models.toArray()).map((m) => [m.id, m.name])), [db]);
  // Handouts and returns show whose device it is: only the employees these rows name are read,
  // and read again when the names asked for change, not with every new row.
  const holderIds = [...new Set(events.map(holderOf).filter((id): id is string => id !== undefined))].join('\n');
  const holders = useLiveQuery(async () => {
    const ids = holderIds ? holderIds.split('\n') : [];
    return new Map((await db.employees.bulkGet(ids)).flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
  }, [db, holderIds]);
  const undone = undoneIds(events);
  if (events.length === 0) return <p className="empty">{t('desk.empty')}</p>;
  return (
    <table className="batch-list" data-testid="batch-list">
      <thead>
        <tr>
          <th>{t('desk.colTime')}</th>
          <th>{t('desk.colDevice')}</th>
          <th>{t('desk.colResult')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <BatchRow key={event.id} t={t} locale={locale} event={event} undone={undone.has(event.id)} model={modelOf(event, models)} holder={nameOf(holderOf(event), holders)} />
        ))}
      </tbody>
    </table>
  );
}

type RowProps = { t: TFunction; locale: string; event: StoredEvent; model: string | undefined; holder: string | undefined; undone: boolean };

/**
 * Rows change only when undone, so a new scan renders one new row, not the whole list — also when
 * the store's live query hands the same events back as new objects (what a row shows of an event
 * never changes once it is recorded), or the language. `t` and the locale come from the list: a
 * translation hook per row made each new row's mount, on the scan's path, a subscription dearer. The
 * undone row is struck through; the correction that undid it reads "Fortrudt".
 */
const sameRow = (a: RowProps, b: RowProps) => a.t === b.t && a.locale === b.locale && a.event.id === b.event.id && a.model === b.model && a.holder === b.holder && a.undone === b.undone;

const BatchRow = memo(function BatchRow({ t, locale, event, model, holder, undone }: RowProps) {
  return (
    <tr className={undone ? 'undone' : undefined} data-event-type={event.type} data-undone={undone || undefined}>
      <td>{formatTime(event.at, locale)}</td>
      <td className="mono">
        {event.deviceKey.replace(/^(imei|serial):/, '')}
        {model ? <span className="sub"> · {model}</span> : null}
        {holder ? <span className="sub holder"> · {holder}</span> : null}
        {event.type === 'sim_paired' ? <span className="sub"> · SIM {event.data.iccid}</span> : null}
      </td>
      <td>{event.type === 'corrected' && event.data.undoes ? t('desk.undoneRow') : t(`events.${event.type}`)}</td>
    </tr>
  );
}, sameRow);

/** The model of the device a row is about: as received, or as it was before the event. */
function modelOf(event: StoredEvent, models: Map<string, string> | undefined): string | undefined {
  const id = event.type === 'received' ? event.data.model : event.prior?.model;
  return id ? (models?.get(id) ?? id) : undefined;
}

/** Whose device a handout gave or a return took back. */
function holderOf(event: StoredEvent): string | undefined {
  if (event.type === 'handed_out') return event.data.employeeId;
  if (event.type === 'returned') return event.prior?.holder?.employeeId;
  return undefined;
}

const nameOf = (id: string | undefined, names: Map<string, string> | undefined) => (id ? (names?.get(id) ?? id) : undefined);

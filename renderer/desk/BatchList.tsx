import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { formatTime } from '../app/format';
import { localeOf } from '../i18n';
import type { StoredEvent } from '../store/db';
import { undoneIds } from '../desk/batch';

/** The running list of this batch, newest first. */
export function BatchList({ events }: { events: StoredEvent[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const models = useLiveQuery(async () => new Map((await db.models.toArray()).map((m) => [m.id, m.name])), [db]);
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
          <BatchRow key={event.id} event={event} undone={undone.has(event.id)} model={event.type === 'received' && event.data.model ? models?.get(event.data.model) : undefined} />
        ))}
      </tbody>
    </table>
  );
}

/**
 * Rows change only when undone, so a new scan renders one new row, not the whole list. The undone
 * row is struck through; the correction that undid it reads "Fortrudt".
 */
const BatchRow = memo(function BatchRow({ event, model, undone }: { event: StoredEvent; model: string | undefined; undone: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <tr className={undone ? 'undone' : undefined} data-event-type={event.type} data-undone={undone || undefined}>
      <td>{formatTime(event.at, localeOf(i18n.language))}</td>
      <td className="mono">
        {event.deviceKey.replace(/^(imei|serial):/, '')}
        {model ? <span className="sub"> · {model}</span> : null}
      </td>
      <td>{event.type === 'corrected' && event.data.undoes ? t('desk.undoneRow') : t(`events.${event.type}`)}</td>
    </tr>
  );
});

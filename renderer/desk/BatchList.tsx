import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { formatTime } from '../app/format';
import { localeOf } from '../i18n';
import type { StoredEvent } from '../store/db';

/** The running list of this batch, newest first. */
export function BatchList({ events }: { events: StoredEvent[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const models = useLiveQuery(async () => new Map((await db.models.toArray()).map((m) => [m.id, m.name])), [db]);
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
          <BatchRow key={event.id} event={event} model={event.type === 'received' && event.data.model ? models?.get(event.data.model) : undefined} />
        ))}
      </tbody>
    </table>
  );
}

/** Rows never change once written, so a new scan renders one new row, not the whole list. */
const BatchRow = memo(function BatchRow({ event, model }: { event: StoredEvent; model: string | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <tr className={event.type === 'corrected' ? 'undone' : undefined}>
      <td>{formatTime(event.at, localeOf(i18n.language))}</td>
      <td className="mono">
        {event.deviceKey.replace(/^(imei|serial):/, '')}
        {model ? <span className="sub"> · {model}</span> : null}
      </td>
      <td>{t(`events.${event.type}`)}</td>
    </tr>
  );
});

import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useServices } from '../app/services';
import { formatDateTime } from '../app/format';
import { localeOf } from '../i18n';
import type { StoredEvent } from '../store/db';
import { deviceHistory } from '../store/lookup';
import { ReprintReceiptButton } from '../receipts/ReceiptButtons';
import { conflictReason } from '../sync/conflict-reason';

/**
 * A device's events, newest first, each with who, where and what; an undone event struck through.
 * `action` puts a button on a row (the register's "correct this event").
 */
export function DeviceHistory({
  deviceKey,
  action,
  onOpenBatch,
}: {
  deviceKey: string;
  action?: (event: StoredEvent) => ReactNode;
  /** Opens the disposal batch a device left in (its manifest). */
  onOpenBatch?: ((batchId: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const history = useLiveQuery(() => deviceHistory(db, deviceKey), [db, deviceKey]);
  const events = history ?? noEvents;
  // Only the rows these events name: there may be tens of thousands of employees.
  const names = useLiveQuery(async () => {
    const ids = (pick: (e: StoredEvent) => string | undefined) => [...new Set(events.map(pick).filter((id): id is string => !!id))];
    const [employees, models, locations] = await Promise.all([
      db.employees.bulkGet(ids((e) => (e.type === 'handed_out' ? e.data.employeeId : e.type === 'corrected' ? e.data.set?.holder?.employeeId : undefined))),
      db.models.bulkGet(ids((e) => (e.type === 'received' ? e.data.model : e.type === 'corrected' ? e.data.set?.model : undefined))),
      db.locations.bulkGet(ids((e) => (e.type === 'moved' ? e.data.to : e.type === 'corrected' ? e.data.set?.location : undefined))),
    ]);
    return new Map([...employees, ...models, ...locations].flatMap((row) => (row ? [[row.id, row.name] as const] : [])));
  }, [db, history]);
  const name = (id: string) => names?.get(id) ?? id;
  const undone = new Set(events.flatMap((e) => (e.type === 'corrected' && e.data.undoes ? [e.data.undoes] : [])));
  return (
    <section className="history">
      <h2>{t('lookup.history')}</h2>
      <table data-testid="history">
        <thead>
          <tr>
            <th>{t('lookup.at')}</th>
            <th>{t('lookup.event')}</th>
            <th>{t('lookup.details')}</th>
            <th>{t('lookup.operator')}</th>
            <th>{t('lookup.desk')}</th>
            <th>{t('lookup.sync')}</th>
            {action && <th className="no-print" />}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event-type={event.type} data-event-id={event.id} className={undone.has(event.id) ? 'undone' : undefined}>
              <td>{formatDateTime(event.at, localeOf(i18n.language))}</td>
              <td>{t(`events.${event.type}`)}</td>
              <td>
                {details(event, t, name)}
                {event.type === 'disposed' && event.data.batchId && <BatchLink batchId={event.data.batchId} onOpen={onOpenBatch} />}
                {event.type === 'receipt' && <ReprintReceiptButton event={event} />}
              </td>
              <td>{event.operator}</td>
              <td>{event.deskId}</td>
              <td>
                {t(`lookup.syncStates.${event.sync}`)}
                {/* Why the server refused it, in the operator's language (any desk's event, once pulled). */}
                {(event.sync === 'conflict' || event.sync === 'invalid') && event.reason !== undefined && (
                  <span className="hint refusal-reason"> · {conflictReason(t, { status: event.sync, reason: event.reason, reasonCode: event.reasonCode ?? '' })}</span>
                )}
              </td>
              {action && <td className="no-print">{action(event)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const noEvents: StoredEvent[] = [];

/** The disposal batch a device left in: its manifest one click away. */
function BatchLink({ batchId, onOpen }: { batchId: string; onOpen?: ((batchId: string) => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {' · '}
      {onOpen ? (
        <button type="button" className="link" data-batch-link={batchId} onClick={() => onOpen(batchId)}>
          {t('lookup.disposalBatch', { id: batchId })}
        </button>
      ) : (
        t('lookup.disposalBatch', { id: batchId })
      )}
    </>
  );
}

/** What an event says, in words: names for the ids it carries (employee, model, location). */
function details(event: StoredEvent, t: TFunction, name: (id: string) => string): string {
  switch (event.type) {
    case 'received':
      return [t(`kinds.${event.data.kind}`), event.data.model && name(event.data.model)].filter(Boolean).join(' · ');
    case 'imported':
      return [t(`statuses.${event.data.status}`), event.data.holder && name(event.data.holder.employeeId), event.data.source]
        .filter(Boolean)
        .join(' · ');
    case 'prepared':
      return [event.data.wiped && t('desk.wiped'), event.data.enrolled && t('desk.enrolled')].filter(Boolean).join(' · ');
    case 'handed_out':
      return [name(event.data.employeeId), event.data.department, event.data.requestNumber, event.data.reuseOutcome && t(`lookup.reuse.${event.data.reuseOutcome}`)].filter(Boolean).join(' · ');
    case 'returned':
      return [t(`conditions.${event.data.condition}`), event.data.reason, event.data.requestNumber, event.prior?.sim && t('lookup.simUnpaired', { iccid: event.prior.sim })].filter(Boolean).join(' · ');
    case 'sim_paired':
      return event.data.iccid;
    case 'tagged':
      return `${event.data.assetTag} · ${t(`lookup.tagSource.${event.data.source}`)}`;
    case 'sent_to_repair':
      return [event.data.vendor, event.data.ticket].filter(Boolean).join(' · ');
    case 'repaired':
      return t(`outcomes.${event.data.outcome}`);
    case 'disposed':
      return `${t(`methods.${event.data.method}`)} · ${event.data.certificate}`;
    case 'moved':
      return name(event.data.to);
    case 'transfer_sent':
      return `${name(event.data.from)} → ${name(event.data.to)} · ${event.data.transferId}`;
    case 'transfer_received':
    case 'transfer_missing':
      return event.data.transferId;
    case 'counted':
      return event.data.countId;
    case 'voided':
      return event.data.reason;
    case 'note':
      return event.data.text;
    case 'receipt':
      return `${event.data.employee.name} · ${event.data.signature ? t('receipts.signed') : t('receipts.unsigned')}`;
    case 'reported_lost':
      return event.data.reason ?? '';
    case 'corrected': {
      const { holder, model, location, kind, condition, status, ...ids } = event.data.set ?? {};
      const changes = [
        model && [t('register.correct.fields.model'), name(model)],
        kind && [t('register.correct.fields.kind'), t(`kinds.${kind}`)],
        location && [t('register.correct.fields.location'), name(location)],
        holder && [t('register.correct.fields.holder'), name(holder.employeeId)],
        condition && [t('register.correct.fields.condition'), t(`conditions.${condition}`)],
        status && [t('lookup.status'), t(`statuses.${status}`)],
        ...Object.entries(ids).map(([field, value]) => [t(`register.correct.fields.${field}`), value]),
      ].flatMap((change) => (change ? [`${change[0]}: ${change[1]}`] : []));
      return [event.data.reason, ...changes].join(' · ');
    }
    case 'found':
      return '';
  }
}

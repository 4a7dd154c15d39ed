import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/device';
import type { CorrectionSet } from '../../shared/domain/event';
import { statusesReachableFrom } from '../../shared/lifecycle/transitions';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { localeOf } from '../i18n';
import { conflictReason, deviceLabelOf } from './conflict-reason';
import { acknowledgeConflict, isOpen, resolveConflict, type ConflictView } from './conflicts';

type SettableStatus = NonNullable<CorrectionSet['status']>;

/** The statuses a correction may set on the device as it stands: one ordinary event away, as the lifecycle allows. */
function settableFrom(device: Device | null | undefined): SettableStatus[] {
  if (!device) return [];
  return statusesReachableFrom(device.status).filter((s): s is SettableStatus => s !== 'assigned' && s !== 'in_transit');
}

/**
 * One refused event: what it was, the server's reason in the operator's language, how the device
 * stands now — and, while open, the way to settle it: a correction (recorded like any event) or,
 * when there is no device to correct, an acknowledgement.
 */
export function ConflictCard({ view }: { view: ConflictView }) {
  const { t, i18n } = useTranslation();
  const { db, settings, session } = useServices();
  const mayResolve = useMay('conflicts.resolve');
  const { conflict, resolvedBy } = view;
  const locale = localeOf(i18n.language);
  const device = useLiveQuery(async () => (await db.devices.get(conflict.deviceKey)) ?? null, [db, conflict.deviceKey]);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<SettableStatus | ''>('');
  const settable = settableFrom(device);
  const [error, setError] = useState<string | null>(null);
  const pending = isOpen(view);

  async function record() {
    if (!session) return;
    if (!reason.trim()) {
      setError(t('sync.conflicts.reasonRequired'));
      return;
    }
    const ctx = { deskId: settings.deskId, operator: session.operator, location: session.location };
    const result = await resolveConflict(db, ctx, conflict.eventId, { reason: reason.trim(), ...(status ? { status } : {}) });
    if (!result.ok) setError(t(`refusals.${result.refusal.code}`, { status: t(`statuses.${result.refusal.status}`, { defaultValue: result.refusal.status }) }));
    else setOpen(false);
  }

  return (
    <li className={`card conflict ${pending ? 'open' : 'settled'}`} data-testid="conflict" data-event-id={conflict.eventId} data-reason-code={conflict.reasonCode}>
      <header className="conflict-head">
        <span className={`badge ${conflict.status}`}>{t(`sync.conflicts.kinds.${conflict.status}`)}</span>
        <strong className="mono">{deviceLabelOf(conflict.deviceKey)}</strong>
        <span>{t(`events.${conflict.type}`)}</span>
        <span className="hint">{t('sync.conflicts.recordedBy', { time: formatDateTime(conflict.at, locale), operator: conflict.operator })}</span>
      </header>
      <p className="conflict-reason" data-testid="conflict-reason">
        {conflictReason(t, conflict)}
      </p>
      <p className="hint">{device ? t('sync.conflicts.shownNow', { status: t(`statuses.${device.status}`) }) : device === null ? t('sync.conflicts.notOnServer') : ''}</p>
      {resolvedBy && (
        <p className="notice good">
          {t('sync.conflicts.resolvedBy', {
            operator: resolvedBy.operator,
            desk: resolvedBy.deskId,
            time: formatDateTime(resolvedBy.at, locale),
            reason: resolvedBy.type === 'corrected' ? resolvedBy.data.reason : '',
          })}
        </p>
      )}
      {conflict.acknowledged && <p className="notice good">{t('sync.conflicts.acknowledgedBy', { operator: conflict.acknowledged.operator, time: formatDateTime(conflict.acknowledged.at, locale) })}</p>}
      {view.settledBecause === 'undo_of_refused' && <p className="hint">{t('sync.conflicts.undoOfRefused')}</p>}
      {pending && session && device === null && (
        <div className="toolbar">
          <span className="hint">{t('sync.conflicts.acknowledgeHint')}</span>
          <button type="button" onClick={() => void acknowledgeConflict(db, conflict.eventId, session.operator)}>
            {t('sync.conflicts.acknowledge')}
          </button>
        </div>
      )}
      {pending && session && device && !open && mayResolve && (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('sync.conflicts.resolve')}
        </button>
      )}
      {pending && session && device && open && (
        <form
          className="row-form"
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <label className="field wide">
            {t('sync.conflicts.resolution')}
            <input name="resolution" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            {t('sync.conflicts.setStatus')}
            <select name="status" value={status} onChange={(e) => setStatus(settable.find((s) => s === e.target.value) ?? '')}>
              <option value="">{t('sync.conflicts.keepStatus', { status: t(`statuses.${device.status}`) })}</option>
              {settable.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('sync.conflicts.record')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('sync.conflicts.cancel')}
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

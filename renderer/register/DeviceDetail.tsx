import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { DeviceEvent } from '../../shared/domain/event';
import { requiredAction } from '../../shared/lifecycle/required-action';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { DeviceCard } from '../lookup/DeviceCard';
import { DeviceHistory } from '../lookup/DeviceHistory';
import type { DeskContext } from '../desk/desk-context';
import type { StoredDevice, StoredEvent } from '../store/db';
import { deviceHistory } from '../store/lookup';
import type { RecordResult } from '../store/record';
import { isCorrectable, recordCorrection, recordVoid } from './correction';
import { CorrectionForm } from './CorrectionForm';
import { VoidForm } from './VoidForm';

type Editing = { kind: 'correct'; target?: StoredEvent } | { kind: 'void' } | null;

/**
 * A device's card in the register: what it is now, its whole history, and the fixes a person may
 * make — correct a field (from the card, or the older event that set it), void a registration made
 * in error. A voided device is gone from the register; its card still shows its history and why.
 */
export function DeviceDetail({ deviceKey, onClose }: { deviceKey: string; onClose(): void }) {
  const { t } = useTranslation();
  const { db, session, settings } = useServices();
  const mayCorrectOthers = useMay('events.correctOthers');
  const device = useLiveQuery(async () => (await db.devices.get(deviceKey)) ?? null, [db, deviceKey]);
  const history = useLiveQuery(() => deviceHistory(db, deviceKey), [db, deviceKey]);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const voided = history?.find((event) => event.type === 'voided');
  const ctx: DeskContext | null = session ? { deskId: settings.deskId, operator: session.operator, location: session.location } : null;

  /** Whether this operator may record `event` on the device: the one role check (`required-action.ts`). */
  const may = (event: Pick<DeviceEvent, 'type' | 'operator' | 'data'>, current: StoredDevice) => {
    const operatorOf = (id: string) => history?.find((e) => e.id === id);
    return requiredAction(event as DeviceEvent, current, operatorOf) === undefined || mayCorrectOthers;
  };
  const mayCorrect = (current: StoredDevice, target?: StoredEvent) =>
    may({ type: 'corrected', operator: session?.operator ?? '', data: { reason: '-', ...(target ? { corrects: target.id } : {}) } }, current);

  const done = (result: RecordResult, success: string): string | null => {
    if (!result.ok) return t(`refusals.${result.refusal.code}`, { status: result.refusal.status });
    setEditing(null);
    setNotice(success);
    return null;
  };

  return (
    <div className="device-detail" data-testid="device-detail">
      <div className="toolbar no-print">
        <button type="button" onClick={onClose}>
          {t('register.back')}
        </button>
        <span className="spacer" />
        {device && ctx && mayCorrect(device) && (
          <button type="button" onClick={() => setEditing({ kind: 'correct' })}>
            {t('register.correct.open')}
          </button>
        )}
        {device && ctx && mayCorrectOthers && (
          <button type="button" className="danger" onClick={() => setEditing({ kind: 'void' })}>
            {t('register.void.open')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice good" role="status">
          {notice}
        </p>
      )}
      {device === null && (
        <p className="notice warning" role="status" data-testid="device-voided">
          {voided && voided.type === 'voided' ? t('register.void.gone', { reason: voided.data.reason, operator: voided.operator }) : t('register.notInRegister')}
        </p>
      )}
      {device && <DeviceCard device={device} />}
      {device && ctx && editing?.kind === 'correct' && (
        <CorrectionForm
          key={editing.target?.id ?? 'card'}
          device={device}
          target={editing.target}
          onCancel={() => setEditing(null)}
          onSubmit={async (change) => done(await recordCorrection(db, ctx, device, change), t('register.correct.done'))}
        />
      )}
      {device && ctx && editing?.kind === 'void' && (
        <VoidForm onCancel={() => setEditing(null)} onSubmit={async (reason) => done(await recordVoid(db, ctx, device, reason), t('register.void.done'))} />
      )}
      <DeviceHistory
        deviceKey={deviceKey}
        action={(event) =>
          device && ctx && isCorrectable(event) && mayCorrect(device, event) ? (
            <button type="button" className="small" data-correct-event={event.id} onClick={() => setEditing({ kind: 'correct', target: event })}>
              {t('register.correct.event')}
            </button>
          ) : null
        }
      />
    </div>
  );
}

import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Device } from '../../../shared/domain/device';
import { useServices } from '../../app/services';
import { OpenTransfers } from '../../transfers/OpenTransfers';
import { closeTransfer, isHere, takeIn, transferDevices } from '../../transfers/transfer-store';
import type { DeskContext } from '../desk-context';
import { deviceLabel } from '../device-label';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({
  transferId: z.string().default(''),
  /** Devices scanned that were not in the transfer: listed, amber, to take in or leave. */
  unexpected: z.array(z.string()).max(500).default([]),
});
type Settings = z.output<typeof settings>;

function DeviceRow({ device, children }: { device: Device; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li data-device={device.key}>
      <span className="mono">{deviceLabel(device)}</span> {device.model ?? t(`kinds.${device.kind}`)} {children}
    </li>
  );
}

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t } = useTranslation();
  const { db, session, settings: desk } = useServices();
  const [notice, setNotice] = useState<string | null>(null);
  const here = session?.location ?? '';
  const expected = useLiveQuery(() => (s.transferId ? transferDevices(db, s.transferId) : Promise.resolve([])), [db, s.transferId]) ?? [];
  const unexpected = useLiveQuery(async () => (await db.devices.bulkGet(s.unexpected)).filter((d) => d !== undefined), [db, s.unexpected]) ?? [];
  const ctx: DeskContext | null = session ? { deskId: desk.deskId, operator: session.operator, location: session.location } : null;

  if (!s.transferId) {
    return (
      <>
        <p className="hint">{t('desk.unpackHint')}</p>
        <OpenTransfers onPick={(transferId) => onChange({ transferId, unexpected: [] })} />
      </>
    );
  }
  const waiting = expected.filter((d) => !d.transit?.missingSince);
  const missing = expected.filter((d) => d.transit?.missingSince);
  const close = async () => {
    if (!ctx) return;
    const result = await closeTransfer(db, ctx, s.transferId);
    setNotice(result.ok ? t('transfers.closed', { count: result.count }) : t(`refusals.${result.refusal.code}`, { status: result.refusal.status }));
  };
  const take = async (device: Device) => {
    if (!ctx) return;
    const result = await takeIn(db, ctx, device);
    setNotice(result.ok ? t('transfers.takenIn', { device: deviceLabel(device) }) : t(`refusals.${result.refusal.code}`, { status: t(`statuses.${result.refusal.status}`) }));
  };
  return (
    <div className="unpack" data-testid="unpack">
      <p>
        {t('desk.unpacking')} <strong className="mono" data-testid="transfer-id">{s.transferId}</strong>
      </p>
      <h3>{t('transfers.expected', { count: waiting.length })}</h3>
      <ul data-testid="expected">{waiting.map((d) => <DeviceRow key={d.key} device={d} />)}</ul>
      {missing.length > 0 && (
        <>
          <h3>{t('transfers.missingHeading', { count: missing.length })}</h3>
          <ul className="missing" data-testid="missing">{missing.map((d) => <DeviceRow key={d.key} device={d} />)}</ul>
        </>
      )}
      {unexpected.length > 0 && (
        <>
          <h3>{t('transfers.unexpectedHeading', { count: unexpected.length })}</h3>
          <ul className="unexpected" data-testid="unexpected">
            {unexpected.map((d) => (
              <DeviceRow key={d.key} device={d}>
                {isHere(d, here) ? (
                  <em>{t('transfers.isHere')}</em>
                ) : (
                  <button type="button" onClick={() => void take(d)}>
                    {t('transfers.takeIn')}
                  </button>
                )}
              </DeviceRow>
            ))}
          </ul>
        </>
      )}
      {waiting.length > 0 && (
        <button type="button" onClick={() => void close()}>
          {t('transfers.close')}
        </button>
      )}
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}

/**
 * Receiving a transfer: its barcode (`KVIK:TRANSFER:<id>`, on the packing slip) opens the list
 * expected; each device scanned is received here. One not in it is amber and listed, to take in.
 */
export const unpack = {
  event: 'transfer_received',
  settings,
  required: { transferId: 'feedback.needTransfer' },
  data: (s) => ({ transferId: s.transferId }),
  refuses: (device, _place, s) =>
    device.transit?.transferId === s.transferId
      ? undefined
      : {
          tone: 'warning',
          message: { key: 'feedback.unexpected', params: { device: deviceLabel(device), status: device.status, location: device.transit?.transferId ?? device.location ?? '?' } },
          settings: { unexpected: s.unexpected.includes(device.key) ? s.unexpected : [...s.unexpected, device.key] },
        },
  Panel,
  words: { da: 'UDPAK', en: 'UNPACK' },
  clearedByDone: ['transferId', 'unexpected'],
} satisfies Workflow<'transfer_received', typeof settings>;

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newTransferId } from '../../../shared/transfers/transfer';
import { useServices } from '../../app/services';
import { OpenTransfers } from '../../transfers/OpenTransfers';
import type { SettingsPanelProps, Workflow } from './workflow';
import { choosable } from '../../../shared/domain/reference-use';

const settings = z.object({ destination: z.string().default(''), transferId: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const locations = useLiveQuery(() => db.locations.orderBy('name').toArray(), [db]) ?? [];
  return (
    <>
      <label className="field">
        {t('desk.destination')}
        {/* A new destination is a new transfer: what was packed so far stays in the one it went in. */}
        <select data-field="destination" value={s.destination} onChange={(e) => onChange({ destination: e.target.value, transferId: e.target.value ? newTransferId(new Date()) : '' })}>
          <option value="">{t('desk.destinationNone')}</option>
          {choosable(locations, s.destination)
            .filter((l) => l.id !== session?.location)
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
        </select>
      </label>
      {s.transferId && (
        <p className="hint">
          {t('desk.packing')} <strong className="mono" data-testid="transfer-id">{s.transferId}</strong>
        </p>
      )}
      <p className="hint">{t('desk.packHint')}</p>
      <OpenTransfers />
    </>
  );
}

/**
 * Packing a transfer (forsendelse): the destination once, then every device, each in stock here.
 * Each scan sends the device into transit at once (recorded, synced, undoable like any scan);
 * DONE closes the parcel and opens its packing slip.
 */
export const pack = {
  event: 'transfer_sent',
  settings,
  required: { destination: 'feedback.needDestination', transferId: 'feedback.needDestination' },
  data: (s, _scan, place) => ({ transferId: s.transferId, from: place.location, to: s.destination }),
  refuses: (device, place) =>
    device.location === place.location ? undefined : { tone: 'error', message: { key: 'feedback.notAtThisLocation', params: { location: device.location ?? '?' } } },
  opensAfterDone: (s) => (s.transferId ? { screen: 'transfer', transferId: s.transferId } : undefined),
  Panel,
  words: { da: 'PAK', en: 'PACK' },
  clearedByDone: ['destination', 'transferId'],
} satisfies Workflow<'transfer_sent', typeof settings>;

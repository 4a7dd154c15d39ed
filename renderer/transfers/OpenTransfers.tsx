import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { openTransfers } from '../../shared/transfers/transfer';
import { formatDateTime } from '../app/format';
import { useOpen } from '../app/navigation';
import { useServices } from '../app/services';
import { localeOf } from '../i18n';
import { devicesInTransit } from './transfer-store';
import './transfers.css';

/**
 * The transfers to or from this desk's location with devices still in transit, with their counts:
 * the sender sees them go down as the receiver scans, the receiver sees what is on its way.
 */
export function OpenTransfers({ onPick }: { onPick?: (transferId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { db, session } = useServices();
  const openScreen = useOpen();
  const here = session?.location ?? '';
  const open = useLiveQuery(async () => openTransfers(await devicesInTransit(db), here), [db, here]) ?? [];
  const names = useLiveQuery(async () => new Map((await db.locations.toArray()).map((l) => [l.id, l.name])), [db]);
  const name = (id: string) => names?.get(id) ?? id;
  if (open.length === 0) return <p className="hint">{t('transfers.noneOpen')}</p>;
  return (
    <table className="open-transfers" data-testid="open-transfers">
      <caption>{t('transfers.open')}</caption>
      <thead>
        <tr>
          <th>{t('transfers.id')}</th>
          <th>{t('transfers.route')}</th>
          <th>{t('transfers.since')}</th>
          <th>{t('transfers.inTransit')}</th>
          <th>{t('transfers.missing')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {open.map((transfer) => (
          <tr key={transfer.id} data-transfer={transfer.id}>
            <td className="mono">
              {onPick && transfer.to === here ? (
                <button type="button" className="link" onClick={() => onPick(transfer.id)}>
                  {transfer.id}
                </button>
              ) : (
                transfer.id
              )}
            </td>
            <td>{t('transfers.fromTo', { from: name(transfer.from), to: name(transfer.to) })}</td>
            <td>{formatDateTime(transfer.since, localeOf(i18n.language))}</td>
            <td data-testid="in-transit-count">{transfer.inTransit}</td>
            <td data-testid="missing-count">{transfer.missing}</td>
            <td>
              <button type="button" onClick={() => openScreen({ screen: 'transfer', transferId: transfer.id })}>
                {t('transfers.slip')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Stocktake } from '../../../shared/warehouse/stocktake';
import { useServices } from '../../app/services';
import type { ScanInput } from '../../app/use-scan-input';
import type { ScanClaim } from '../use-flow-scans';
import { usePlaceNames } from '../use-place-names';
import { CountingView } from './CountingView';
import { CountResult } from './CountResult';
import { StartCount } from './StartCount';
import { closedCounts, openCounts } from './stocktake-store';

/** The settings row that remembers the count on screen, so a restart opens it again. */
const ACTIVE_COUNT = 'warehouse.activeCount';

/**
 * Optælling: start or continue a count, count, close it, see its result. The count on screen is
 * remembered in the store: after a restart (or another day) the desk opens it where it was.
 */
export function StocktakeTab({ scanInput, claimScans }: { scanInput: ScanInput; claimScans(claim: ScanClaim | null): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const { locations, placeName } = usePlaceNames();
  const open = useLiveQuery(() => openCounts(db), [db]);
  const closed = useLiveQuery(() => closedCounts(db), [db]);
  const [shown, setShown] = useState<Stocktake | null | undefined>(undefined);

  useEffect(() => {
    void db.settings.get(ACTIVE_COUNT).then(async (row) => {
      const count = typeof row?.value === 'string' ? await db.stocktakes.get(row.value) : undefined;
      setShown((current) => (current === undefined ? (count ?? null) : current));
    });
  }, [db]);

  const show = (count: Stocktake | null) => {
    setShown(count);
    void (count ? db.settings.put({ key: ACTIVE_COUNT, value: count.id }) : db.settings.delete(ACTIVE_COUNT));
  };

  if (!locations || !open || !closed || shown === undefined) return <p>{t('app.loading')}</p>;
  if (shown?.status === 'open')
    return <CountingView key={shown.id} count={shown} placeName={placeName} scanInput={scanInput} claimScans={claimScans} onClosed={show} onLeave={() => show(null)} />;
  if (shown?.status === 'closed') return <CountResult count={shown} placeName={placeName} onBack={() => show(null)} />;
  return <StartCount locations={locations} placeName={placeName} open={open} closed={closed} onOpen={show} />;
}

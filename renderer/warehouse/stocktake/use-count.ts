import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CountScan, ExpectedDevice, Stocktake } from '../../../shared/warehouse/stocktake';
import { countTone, seenKeys } from '../../../shared/warehouse/stocktake';
import { useServices } from '../../app/services';
import type { DeskContext } from '../../desk/desk-context';
import type { Message } from '../../desk/decide';
import { countScans, recordCountScan } from './stocktake-store';
import { useFlowScans, type FlowResult, type FlowScan } from '../use-flow-scans';

/**
 * Counting one open count: its scans (read once from the store, then kept here as each is
 * committed), the frozen expected list as a map, and the scan handler. Nothing is held only
 * here: every scan is in the store before its feedback shows, so a restart loses nothing.
 */
export function useCount(count: Stocktake, placeName: (location: string) => string) {
  const { db, settings, session } = useServices();
  const [scans, setScans] = useState<CountScan[] | null>(null);
  const expected = useMemo(() => new Map<string, ExpectedDevice>(count.expected.map((d) => [d.key, d])), [count.expected]);
  const seen = useRef<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    void countScans(db, count.id).then((stored) => {
      if (!live) return;
      seen.current = seenKeys(stored);
      setScans(stored);
    });
    return () => {
      live = false;
    };
  }, [db, count.id]);

  const decide = useCallback(
    async ({ identifiers, value }: FlowScan): Promise<FlowResult> => {
      if (!session) throw new Error('not signed in');
      const ctx: DeskContext = { deskId: settings.deskId, operator: session.operator, location: session.location };
      const { decision, scan } = await recordCountScan(db, ctx, count, identifiers, value, expected, seen.current);
      if (scan.deviceKey && (decision.result === 'found' || decision.result === 'unexpected')) seen.current.add(scan.deviceKey);
      setScans((list) => [...(list ?? []), scan]);
      return { tone: countTone[decision.result], message: countMessage(scan, decision.result === 'found' ? decision.device : undefined, placeName) };
    },
    [db, settings.deskId, session, count, expected, placeName],
  );
  const { feedback, claim } = useFlowScans(decide);
  const found = useMemo(() => (scans ?? []).filter((s) => s.result === 'found').length, [scans]);
  return { scans, found, feedback, claim };
}

/** What the operator reads after a scan in a count. */
function countMessage(scan: CountScan, expected: ExpectedDevice | undefined, placeName: (location: string) => string): Message {
  const device = scan.label;
  switch (scan.result) {
    case 'found':
      return expected?.transferId
        ? { key: 'warehouse.count.foundInTransit', params: { device, transfer: expected.transferId } }
        : { key: 'warehouse.count.found', params: { device } };
    case 'already_counted':
      return { key: 'warehouse.count.alreadyCounted', params: { device } };
    case 'unexpected':
      return scan.was?.location
        ? { key: 'warehouse.count.unexpectedAt', params: { device, status: scan.was.status, location: placeName(scan.was.location) } }
        : { key: 'warehouse.count.unexpected', params: { device, status: scan.was?.status ?? '' } };
    case 'unknown':
      return { key: 'warehouse.count.unknown', params: { device } };
  }
}

import { useEffect } from 'react';
import { msUntilIdle } from './employee-scan';

/**
 * Lets the employee go `minutes` after the last scan (`lastScanAt`, ms; `null` when no employee
 * is being served). Every scan moves `lastScanAt`, which restarts the wait.
 */
export function useIdleRelease(lastScanAt: number | null, minutes: number, release: () => void): void {
  useEffect(() => {
    if (lastScanAt === null) return;
    const timer = setTimeout(release, msUntilIdle(lastScanAt, Date.now(), minutes));
    return () => clearTimeout(timer);
  }, [lastScanAt, minutes, release]);
}

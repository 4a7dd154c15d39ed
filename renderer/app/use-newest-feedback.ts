import { useState } from 'react';
import type { Feedback } from '../desk/use-desk';
import type { ScanAgain } from './use-scan-input';

type Source = 'desk' | 'scanAgain';

/**
 * What the desk's feedback panel shows: the desk's result of its last action, or the wedge's
 * "scan again" — whichever came last. The two come from apart (the desk never sees a scan that did
 * not come through), so the order is read from which of them changed.
 */
export function useNewestFeedback(desk: Feedback | null, scanAgain: ScanAgain | null): Feedback | null {
  const [seen, setSeen] = useState<{ desk: Feedback | null; scanAgain: ScanAgain | null; newest: Source }>({
    desk,
    scanAgain,
    newest: scanAgain ? 'scanAgain' : 'desk',
  });
  let { newest } = seen;
  if (seen.desk !== desk || seen.scanAgain !== scanAgain) {
    if (scanAgain && scanAgain !== seen.scanAgain) newest = 'scanAgain';
    else if (desk !== seen.desk || !scanAgain) newest = 'desk';
    // Adjusting state while rendering, from what changed since the last render (React's pattern
    // for state derived from props), so the panel never shows the older of the two for a frame.
    setSeen({ desk, scanAgain, newest });
  }
  if (newest === 'scanAgain' && scanAgain) {
    // Counted below zero: never the same as one of the desk's own results (the panel keys on it).
    return { tone: 'warning', message: { key: 'scanners.scanAgain', params: { read: scanAgain.read } }, n: -scanAgain.n };
  }
  return desk;
}

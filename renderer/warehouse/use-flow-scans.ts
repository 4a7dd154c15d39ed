import { useCallback, useEffect, useRef, useState } from 'react';
import { parseScan } from '../../shared/scan/parse';
import { scanText, type ScanEvent } from '../../shared/scan/scan-event';
import { useServices } from '../app/services';
import { invalidMessage, type Message } from '../desk/decide';
import type { Tone } from '../desk/perform-scan';
import type { Feedback } from '../desk/use-desk';
import { playTone } from '../feedback/sounds';
import { scanIdentifiers } from '../store/lookup';
import { assetTagRegExp } from '../store/settings';

/** A scan a flow is asked to decide: the identifiers to look the device up by, and the value read. */
export interface FlowScan {
  identifiers: string[];
  value: string;
}

export interface FlowResult {
  tone: Tone;
  message: Message;
}

/** Takes a scan for the screen; `false` leaves it to the desk (a command card: `KVIK:…`). */
export type ScanClaim = (scan: ScanEvent) => boolean;

/**
 * A warehouse flow's side of the one scan path: the app hands it each `ScanEvent`
 * (`use-scan-input.ts`), it is parsed with `parseScan` as on the desk, processed strictly one after
 * another (a fast scanner never counts one device twice), and answered with the desk's sound,
 * colour and large text (`FeedbackPanel`). A label that is no identifier is red and changes
 * nothing; command cards go on to the desk.
 */
export function useFlowScans(decide: (scan: FlowScan) => Promise<FlowResult>): { feedback: Feedback | null; claim: ScanClaim; show(result: FlowResult): void } {
  const { settings } = useServices();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const counter = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(decide);
  useEffect(() => {
    latest.current = decide;
  }, [decide]);

  const show = useCallback(
    ({ tone, message }: FlowResult) => {
      setFeedback({ tone, message, n: ++counter.current });
      playTone(tone, settings.sound);
    },
    [settings.sound],
  );

  const claim = useCallback<ScanClaim>(
    (event) => {
      const scan = parseScan(scanText(event), { assetTagPattern: assetTagRegExp(settings.assetTagPattern) });
      if (scan.kind === 'command') return false;
      queue.current = queue.current.then(async () => {
        if (scan.kind === 'invalid') return show({ tone: 'error', message: invalidMessage(scan) });
        try {
          show(await latest.current({ identifiers: scanIdentifiers(scan), value: scan.value }));
        } catch (error) {
          show({ tone: 'error', message: { key: 'feedback.storageFailed', params: { message: error instanceof Error ? error.message : String(error) } } });
        }
      });
      return true;
    },
    [settings.assetTagPattern, show],
  );

  return { feedback, claim, show };
}

import { createContext, useContext } from 'react';
import type { DeviceEventOf } from '../../shared/domain/event';
import type { ReceiptDraft } from './draft';

/** What the receipt screen shows: a new receipt to sign, or a recorded one to print again. */
export type ReceiptJob = { kind: 'sign'; draft: ReceiptDraft } | { kind: 'print'; event: DeviceEventOf<'receipt'> };

/** Opens the receipt screen; the app shell provides it. */
export const OpenReceiptContext = createContext<(job: ReceiptJob) => void>(() => {});

export function useOpenReceipt(): (job: ReceiptJob) => void {
  return useContext(OpenReceiptContext);
}

import type { DeviceEventOf } from '../../shared/domain/event';
import type { ReceiptDraft } from './draft';

/** What the receipt screen shows: a new receipt to sign, or a recorded one to print again. */
export type ReceiptJob = { kind: 'sign'; draft: ReceiptDraft } | { kind: 'print'; event: DeviceEventOf<'receipt'> };

import { useTranslation } from 'react-i18next';
import type { DeviceEventOf } from '../../shared/domain/event';
import type { Employee } from '../../shared/domain/reference';
import { useOpen } from '../app/navigation';
import { useServices } from '../app/services';
import type { StoredEvent } from '../store/db';
import { batchReceipt } from './batch-receipt';

/** Offers the receipt of this batch's handouts (or returns) to sign. */
export function BatchReceiptButton({ events, of, employee, requestNumber, batchStartedAt }: { events: readonly StoredEvent[]; of: 'handed_out' | 'returned'; employee: Employee | undefined; requestNumber: string; batchStartedAt?: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const open = useOpen();
  const any = events.some((e) => e.type === of);
  return (
    <button type="button" disabled={!any} onClick={() => void batchReceipt(db, events, of, employee, requestNumber, batchStartedAt).then((draft) => draft && open({ screen: 'receipt', job: { kind: 'sign', draft } }))}>
      {t('receipts.forBatch')}
    </button>
  );
}

/** Prints a recorded receipt again, from a device's history. */
export function ReprintReceiptButton({ event }: { event: DeviceEventOf<'receipt'> }) {
  const { t } = useTranslation();
  const open = useOpen();
  return (
    <button type="button" className="link" onClick={() => open({ screen: 'receipt', job: { kind: 'print', event } })}>
      {t('receipts.reprint')}
    </button>
  );
}

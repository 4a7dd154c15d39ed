import type { ReceiptData } from '../../shared/domain/event';
import type { Employee } from '../../shared/domain/reference';
import type { KvikDb, StoredEvent } from '../store/db';
import { receiptDraft, type ReceiptDraft } from './draft';
import { accessoryLines, issuedInBatch } from '../accessories/store';

/**
 * The receipt of a batch from the desk's store: its handouts to the batch's employee, or its
 * returns from the employee who held the first device returned; `requestNumber`: the batch's;
 * `batchStartedAt`: when the batch started, whose accessories given to the employee the handout
 * receipt lists too.
 */
export async function batchReceipt(db: KvikDb, events: readonly StoredEvent[], of: ReceiptData['of'], employee: Employee | undefined, requestNumber?: string, batchStartedAt?: string): Promise<ReceiptDraft | null> {
  const ours = [...events].filter((e) => e.type === of).reverse();
  const first = ours[0];
  if (!first) return null;
  const holder = of === 'returned' ? first.prior?.holder : undefined;
  const who = employee ?? (holder ? ((await db.employees.get(holder.employeeId)) ?? { id: holder.employeeId, name: holder.employeeId, department: holder.department }) : undefined);
  if (!who) return null;
  // A return receipt lists what came back from this employee only.
  const mine = of === 'returned' ? ours.filter((e) => e.prior?.holder?.employeeId === who.id) : ours;
  const devices = await db.devices.bulkGet(mine.map((e) => e.deviceKey));
  const models = new Map((await db.models.toArray()).map((m) => [m.id, m.name]));
  // A return took the SIM pairing away with it: the receipt says which SIM card came back.
  const lines = mine.map((event, i) => {
    const device = devices[i];
    const sim = of === 'returned' ? event.prior?.sim : device?.sim;
    return { event, device: device && { ...device, sim } };
  });
  // The request the batch answers: as set for it, else as recorded with its devices.
  const recorded = mine.map((e) => (e.data as { requestNumber?: string }).requestNumber).find(Boolean);
  const accessories = of === 'handed_out' && batchStartedAt ? await batchAccessories(db, first.deskId, batchStartedAt, who.id) : [];
  return receiptDraft(of, who, lines, (id) => models.get(id) ?? id, requestNumber?.trim() || recorded, accessories);
}

/** The accessories this desk gave the employee since the batch started, as receipt lines. */
async function batchAccessories(db: KvikDb, deskId: string, startedAt: string, employeeId: string) {
  const issued = (await issuedInBatch(db, deskId, startedAt)).filter((e) => e.data.employeeId === employeeId);
  const names = new Map((await db.accessories.bulkGet([...new Set(issued.map((e) => e.accessory))])).flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  return accessoryLines(issued, (id) => names.get(id) ?? id);
}

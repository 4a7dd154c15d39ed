import { z } from 'zod';
import type { Device } from '../domain/device';

/**
 * A transfer's id: `T` + the day it was packed (yymmdd) + four random letters or digits, short
 * enough to read aloud and to print under its barcode. Only the characters a `KVIK:` command may
 * hold, so the id travels as the command `KVIK:TRANSFER:<id>` (SCANNING.md rule 9).
 */
export const transferIdSchema = z.string().regex(/^T\d{6}-[0-9A-Z]{4}$/);
export type TransferId = z.infer<typeof transferIdSchema>;

const ID_LETTERS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newTransferId(now: Date, random: () => number = Math.random): TransferId {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  let tail = '';
  for (let i = 0; i < 4; i++) tail += ID_LETTERS[Math.floor(random() * ID_LETTERS.length)];
  return `T${day}-${tail}`;
}

/** What the transfer's barcode holds: a command, so any screen of the desk takes it. */
export function transferBarcode(id: TransferId): string {
  return `KVIK:TRANSFER:${id}`;
}

/** The transfer a scanned command names (`parseScan` gives `TRANSFER:<id>`, upper case), if it does. */
export function transferFromCommand(command: string): TransferId | undefined {
  const [word, ...rest] = command.split(':');
  const id = rest.join(':');
  return word === 'TRANSFER' && transferIdSchema.safeParse(id).success ? id : undefined;
}

/** A transfer as the register shows it: the devices still in transit in it. */
export interface OpenTransfer {
  id: string;
  from: string;
  to: string;
  /** When its first device was packed. */
  since: string;
  /** Devices in it still in transit, not yet received. */
  inTransit: number;
  /** Of those, the ones its receiver reported missing when closing it. */
  missing: number;
}

/**
 * The transfers to or from `location` that still have devices in transit, newest first, from the
 * devices in transit (the register knows a transfer by its devices: every `transfer_sent` names it).
 */
export function openTransfers(inTransit: readonly Device[], location: string): OpenTransfer[] {
  const byId = new Map<string, OpenTransfer>();
  for (const { transit } of inTransit) {
    if (!transit || (transit.from !== location && transit.to !== location)) continue;
    const open = byId.get(transit.transferId) ?? { id: transit.transferId, from: transit.from, to: transit.to, since: transit.since, inTransit: 0, missing: 0 };
    open.inTransit += 1;
    if (transit.missingSince) open.missing += 1;
    if (transit.since < open.since) open.since = transit.since;
    byId.set(transit.transferId, open);
  }
  return [...byId.values()].sort((a, b) => (a.since < b.since ? 1 : -1));
}

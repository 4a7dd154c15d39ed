import type { Condition, DeviceKind, DeviceStatus } from '../domain/device';
import { isoDateSchema } from '../domain/device';

/**
 * Cell values as registers and spreadsheets write them: Danish and English words for statuses and
 * kinds, Danish dates and prices. Each reader answers `undefined` for an empty cell and `null` for
 * a cell it cannot read, so the row is refused with the cell named.
 */

/** A status an import may give; `in_transit` is a transfer's, never a register's. */
export type ImportStatus = Exclude<DeviceStatus, 'in_transit'>;

const statusWords: Record<string, ImportStatus> = {
  received: 'received', 'in stock': 'received', 'på lager': 'received', lager: 'received', modtaget: 'received',
  ready: 'ready', klar: 'ready', 'klar til udlevering': 'ready',
  assigned: 'assigned', 'in use': 'assigned', 'handed out': 'assigned', udleveret: 'assigned', 'i brug': 'assigned', tildelt: 'assigned',
  returned: 'returned', returneret: 'returned', indleveret: 'returned',
  in_repair: 'in_repair', 'in repair': 'in_repair', repair: 'in_repair', 'til reparation': 'in_repair', 'i reparation': 'in_repair',
  disposed: 'disposed', kasseret: 'disposed', bortskaffet: 'disposed', retired: 'disposed',
  lost: 'lost', bortkommet: 'lost', mistet: 'lost', tabt: 'lost', stolen: 'lost', stjålet: 'lost',
};

export function readStatus(cell: string): ImportStatus | null | undefined {
  if (cell === '') return undefined;
  return statusWords[cell.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

const kindWords: Record<string, DeviceKind> = {
  phone: 'phone', telefon: 'phone', mobil: 'phone', mobiltelefon: 'phone', smartphone: 'phone', iphone: 'phone',
  tablet: 'tablet', ipad: 'tablet',
  pc: 'pc', computer: 'pc', laptop: 'pc', bærbar: 'pc', desktop: 'pc', notebook: 'pc',
};

export function readKind(cell: string): DeviceKind | null | undefined {
  if (cell === '') return undefined;
  return kindWords[cell.toLowerCase()] ?? null;
}

/** Intune's OS column when nothing else says the kind: a phone, a tablet or a PC. */
export function kindOfOs(os: string): DeviceKind | undefined {
  const name = os.toLowerCase();
  if (name.startsWith('ipados')) return 'tablet';
  if (name.startsWith('ios') || name.startsWith('android')) return 'phone';
  if (name.startsWith('windows') || name.startsWith('macos') || name.startsWith('mac os')) return 'pc';
  return undefined;
}

const conditionWords: Record<string, Condition> = {
  ok: 'ok', god: 'ok', good: 'ok', damaged: 'damaged', skadet: 'damaged', defective: 'defective', defekt: 'defective',
};

export function readCondition(cell: string): Condition | null | undefined {
  if (cell === '') return undefined;
  return conditionWords[cell.toLowerCase()] ?? null;
}

/**
 * A day: `2023-06-14`, Intune's `2023-06-14 10:22:01` (the day is kept), or Danish `14-06-2023`,
 * `14.06.2023`, `14/06/2023`.
 */
export function readDate(cell: string): string | null | undefined {
  if (cell === '') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(cell);
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(cell);
  const day = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : danish
      ? `${danish[3]}-${danish[2]?.padStart(2, '0')}-${danish[1]?.padStart(2, '0')}`
      : undefined;
  return day !== undefined && isoDateSchema.safeParse(day).success ? day : null;
}

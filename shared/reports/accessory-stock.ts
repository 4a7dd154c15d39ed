import { deltaOf, type AccessoryEvent, type AccessoryStock } from '../accessories/event';
import { isLowStock, lowStockLevel, type Accessory } from '../accessories/catalogue';
import { instantOf, startOfDay, addDays, type LocalDate } from './calendar';
import type { Label } from './labels';
import { compareText } from './order';
import type { ReportTable } from './tables';

/** One accessory at the report's location: the stock at the day's end, the day's movements, its level. */
export interface AccessoryReportRow {
  accessory: string;
  name: string;
  kind: Accessory['kind'];
  /** At the end of the report's day (today: now). Below zero when more went out than was on record. */
  stock: number;
  received: number;
  issued: number;
  /** Team leads' count corrections that day, as the net change. */
  adjusted: number;
  level: number | null;
  /** `low` at or below the level, `negative` below zero (count it), else `ok`. */
  state: 'ok' | 'low' | 'negative';
}

export interface AccessoryReportInput {
  location: string;
  day: LocalDate;
  timeZone: string;
  catalogue: readonly Accessory[];
  /** The location's stock now. */
  stock: readonly AccessoryStock[];
  /** The location's events from the start of the day on (later ones take the stock back to the day's end). */
  events: readonly AccessoryEvent[];
}

/**
 * The report's "Tilbehør" section: every accessory the location stocks, moved that day, or has a
 * level for — deactivated ones only while they still have stock or movements.
 */
export function accessoryStockReport({ location, day, timeZone, catalogue, stock, events }: AccessoryReportInput): AccessoryReportRow[] {
  const start = startOfDay(day, timeZone);
  const end = startOfDay(addDays(day, 1), timeZone);
  const now = new Map(stock.filter((s) => s.location === location).map((s) => [s.accessory, s.count]));
  const rows = new Map<string, AccessoryReportRow>();
  const rowOf = (id: string): AccessoryReportRow => {
    let row = rows.get(id);
    if (!row) {
      const accessory = catalogue.find((a) => a.id === id);
      const level = accessory ? (lowStockLevel(accessory, location) ?? null) : null;
      row = { accessory: id, name: accessory?.name ?? id, kind: accessory?.kind ?? 'other', stock: now.get(id) ?? 0, received: 0, issued: 0, adjusted: 0, level, state: 'ok' };
      rows.set(id, row);
    }
    return row;
  };
  for (const accessory of catalogue) if (accessory.active !== false && (now.has(accessory.id) || lowStockLevel(accessory, location) !== undefined)) rowOf(accessory.id);
  for (const id of now.keys()) if (now.get(id) !== 0) rowOf(id);
  for (const event of events) {
    if (event.location !== location) continue;
    const at = instantOf(event.at);
    if (at < start) continue;
    const row = rowOf(event.accessory);
    if (at >= end) {
      row.stock -= deltaOf(event);
      continue;
    }
    if (event.type === 'accessory_received') row.received += event.data.count;
    else if (event.type === 'accessory_issued') row.issued += event.data.count;
    else if (event.type === 'accessory_adjusted') row.adjusted += event.data.delta;
    // An undo takes back a receive (a negative change) or an issue (a positive one) of the day.
    else if (event.data.delta < 0) row.received += event.data.delta;
    else row.issued -= event.data.delta;
  }
  for (const row of rows.values()) row.state = row.stock < 0 ? 'negative' : isLowStock(row.stock, row.level ?? undefined) ? 'low' : 'ok';
  return [...rows.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.accessory, b.accessory));
}

export const accessoryKindLabels: Readonly<Record<Accessory['kind'], Label>> = {
  charger: { da: 'Oplader', en: 'Charger' },
  cable: { da: 'Kabel', en: 'Cable' },
  cover: { da: 'Cover', en: 'Cover' },
  other: { da: 'Andet', en: 'Other' },
};

const stateLabels: Readonly<Record<AccessoryReportRow['state'], Label>> = {
  ok: { da: '', en: '' },
  low: { da: 'Lavt lager', en: 'Low stock' },
  negative: { da: 'Under 0 — tæl op', en: 'Below 0 — count it' },
};

/** The section as a report table: screen, A4 print and CSV render the same rows. */
export function accessoryStockTable(rows: readonly AccessoryReportRow[]): ReportTable<AccessoryReportRow> {
  return {
    id: 'accessories',
    title: { da: 'Tilbehør', en: 'Accessories' },
    columns: [
      { key: 'name', label: { da: 'Tilbehør', en: 'Accessory' }, type: 'text' },
      { key: 'kind', label: { da: 'Type', en: 'Kind' }, type: 'text', values: accessoryKindLabels },
      { key: 'stock', label: { da: 'På lager', en: 'In stock' }, type: 'integer' },
      { key: 'received', label: { da: 'Modtaget i dag', en: 'Received today' }, type: 'integer' },
      { key: 'issued', label: { da: 'Udleveret i dag', en: 'Issued today' }, type: 'integer' },
      { key: 'adjusted', label: { da: 'Optalt (±)', en: 'Counted (±)' }, type: 'integer' },
      { key: 'level', label: { da: 'Grænse for lavt lager', en: 'Low-stock level' }, type: 'integer' },
      { key: 'state', label: { da: 'Bemærkning', en: 'Note' }, type: 'text', values: stateLabels, tones: { low: 'warning', negative: 'error' } },
    ],
    rows,
  };
}

import { readCsvRows } from '../domain/reference-csv';
import type { Device } from '../domain/device';
import { deviceKeyFor } from '../domain/device-key';
import { deviceEventSchema, type CorrectionSet, type DeviceEvent } from '../domain/event';
import { apply } from '../lifecycle/apply';
import { describeRefusal } from '../lifecycle/refusal';
import { mapColumns, type ColumnMap } from './columns';
import { indexReference, readDeviceRow, type ImportedData, type ImportReference } from './device-row';
import { refuse, type ImportRefusal } from './refusal';

/**
 * The plan of a device import, decided before anything is written: for every line of the file,
 * whether it creates a device (one `imported` event), changes one already in the register (one
 * `corrected` event), changes nothing, or is refused and why. Pure: the caller reads the file,
 * the reference data and the devices the file names, and passes in the clock and the ids.
 */

/** A device file read and checked against the reference data, before the register is consulted. */
export interface DeviceFile {
  header: string[];
  columns: ColumnMap;
  /** Every data row with its line (the header is line 1). */
  rows: Array<{ line: number; cells: string[]; reading: ReturnType<typeof readDeviceRow> & { key?: string } }>;
  /** A problem with the whole file: nothing can be imported from it. */
  problem?: string;
}

export function readDeviceFile(text: string, reference: ImportReference): DeviceFile {
  const [header, ...rows] = readCsvRows(text);
  const empty: ColumnMap = { fields: {}, ignored: [] };
  if (!header) return { header: [], columns: empty, rows: [], problem: 'the file is empty' };
  const columns = mapColumns(header.cells);
  const base = { header: header.cells, columns };
  if (columns.fields.imei === undefined && columns.fields.serial === undefined)
    return { ...base, rows: [], problem: `no IMEI or serial number column (the header is: ${header.cells.join(', ')})` };
  const index = indexReference(reference);
  return {
    ...base,
    rows: rows.map(({ line, cells }) => {
      if (cells.length !== header.cells.length)
        return { line, cells, reading: { ok: false, refusal: refuse('cell_count', `${cells.length} cells, the header has ${header.cells.length}`, `${cells.length}/${header.cells.length}`) } };
      const reading = readDeviceRow(cells, columns, index);
      return { line, cells, reading: reading.ok ? { ...reading, key: deviceKeyFor(reading.data) ?? undefined } : reading };
    }),
  };
}

/** The keys of the devices the file's good rows name: what the caller reads from the register. */
export function keysOf(file: DeviceFile): string[] {
  return [...new Set(file.rows.flatMap((row) => (row.reading.ok && row.reading.key ? [row.reading.key] : [])))];
}

export type LinePlan =
  | { line: number; outcome: 'create'; key: string; event: DeviceEvent }
  | { line: number; outcome: 'change'; key: string; event: DeviceEvent; fields: string[] }
  | { line: number; outcome: 'unchanged'; key: string }
  | { line: number; outcome: 'refused'; key?: string; refusal: ImportRefusal };

export interface ImportPlan {
  lines: LinePlan[];
  counts: Record<LinePlan['outcome'], number>;
  /** The events to store, in line order. */
  events: DeviceEvent[];
}

export interface ImportEnvelope {
  /** The import's time: the events' `at`. */
  at: string;
  deskId: string;
  operator: string;
  /** The file's name, kept in each event as where the device came from. */
  source: string;
  newId: () => string;
}

export function planDeviceImport(file: DeviceFile, existing: ReadonlyMap<string, Device>, envelope: ImportEnvelope): ImportPlan {
  const duplicates = duplicateLines(file);
  const lines = file.rows.map((row): LinePlan => {
    const { line, reading } = row;
    if (!reading.ok) return { line, outcome: 'refused', refusal: reading.refusal };
    const key = reading.key ?? '';
    const duplicate = duplicates.get(line);
    if (duplicate) return { line, outcome: 'refused', key, refusal: duplicate };
    const device = existing.get(key);
    return device ? planChange(line, key, device, reading.data, envelope) : planCreate(line, key, reading.data, envelope);
  });
  const counts = { create: 0, change: 0, unchanged: 0, refused: 0 };
  for (const plan of lines) counts[plan.outcome] += 1;
  const events = lines.flatMap((plan) => (plan.outcome === 'create' || plan.outcome === 'change' ? [plan.event] : []));
  return { lines, counts, events };
}

/**
 * An IMEI or serial number on two lines of one file: neither line is imported, because which of
 * them describes the device is for a person to decide.
 */
function duplicateLines(file: DeviceFile): Map<number, ImportRefusal> {
  const seen = new Map<string, number[]>();
  for (const { line, reading } of file.rows) {
    if (!reading.ok) continue;
    const { imei, imei2, serial } = reading.data;
    const ids = [imei && `IMEI ${imei}`, imei2 && `IMEI ${imei2}`, serial && `serial ${serial}`].filter((id): id is string => !!id);
    for (const id of new Set(ids)) seen.set(id, [...(seen.get(id) ?? []), line]);
  }
  const refused = new Map<number, ImportRefusal>();
  for (const [id, lines] of seen) {
    if (lines.length < 2) continue;
    const others = (line: number) => lines.filter((other) => other !== line);
    for (const line of lines)
      if (!refused.has(line))
        refused.set(line, refuse('duplicate', `${id} is also on line ${others(line).join(', ')}`, others(line).join(', ')));
  }
  return refused;
}

function envelopeOf(key: string, envelope: ImportEnvelope, location: string | undefined) {
  return { id: envelope.newId(), deviceKey: key, at: envelope.at, deskId: envelope.deskId, operator: envelope.operator, ...(location ? { location } : {}) };
}

/** Checked like any pushed event: by its schema (limits included) and by the one lifecycle. */
function decided(line: number, key: string, device: Device | null, candidate: unknown): { event: DeviceEvent } | LinePlan {
  const parsed = deviceEventSchema.safeParse(candidate);
  if (!parsed.success)
    return { line, outcome: 'refused', key, refusal: refuse('invalid_event', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
  const result = apply(device, parsed.data);
  if (!result.ok) return { line, outcome: 'refused', key, refusal: refuse('lifecycle', describeRefusal(result.refusal)) };
  return { event: parsed.data };
}

function planCreate(line: number, key: string, data: ImportedData, envelope: ImportEnvelope): LinePlan {
  const candidate = { ...envelopeOf(key, envelope, data.location), type: 'imported', data: { ...data, source: `${envelope.source}:${line}` } };
  const checked = decided(line, key, null, candidate);
  return 'event' in checked ? { line, outcome: 'create', key, event: checked.event } : checked;
}

/**
 * A device already in the register: what the row says differently becomes one correction (only
 * what the row gives; an empty cell clears nothing). A status the register cannot be corrected to
 * (handed out needs a handout at a desk) refuses the row.
 */
function planChange(line: number, key: string, device: Device, data: ImportedData, envelope: ImportEnvelope): LinePlan {
  if (data.status === 'assigned' && device.status !== 'assigned')
    return { line, outcome: 'refused', key, refusal: refuse('needs_handout', `the register has it ${device.status}; a handout is recorded at a desk`) };
  const set = differences(device, data);
  const fields = Object.keys(set);
  if (fields.length === 0) return { line, outcome: 'unchanged', key };
  const candidate = {
    ...envelopeOf(key, envelope, data.location),
    type: 'corrected',
    data: { reason: `import ${envelope.source}:${line}`.slice(0, 500), set },
  };
  const checked = decided(line, key, device, candidate);
  return 'event' in checked ? { line, outcome: 'change', key, event: checked.event, fields } : checked;
}

function differences(device: Device, data: ImportedData): CorrectionSet {
  const set: Record<string, unknown> = {};
  const differs = <K extends keyof CorrectionSet>(field: K, value: CorrectionSet[K] | undefined, current: unknown) => {
    if (value !== undefined && value !== current) set[field] = value;
  };
  if (data.status !== 'assigned') differs('status', data.status, device.status);
  differs('location', data.location, device.location);
  differs('model', data.model, device.model);
  differs('kind', data.kind, device.kind);
  differs('imei2', data.imei2, device.imei2);
  // The identifier the key is made of cannot change (another key is another device).
  if (device.key !== `serial:${data.serial}`) differs('serial', data.serial, device.serial);
  differs('assetTag', data.assetTag, device.assetTag);
  differs('condition', data.condition, device.condition);
  const holder = data.holder;
  if (holder && (holder.employeeId !== device.holder?.employeeId || holder.department !== device.holder?.department)) set.holder = holder;
  return set as CorrectionSet;
}

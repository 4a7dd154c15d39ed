import type { Department, Employee, Location, Model } from '../domain/reference';
import type { EventData } from '../domain/event';
import { eventLimits } from '../domain/limits';
import { parseScan } from '../scan/parse';
import type { ColumnMap, ImportField } from './columns';
import { refuse, type ImportRefusal } from './refusal';
import { readPrice } from '../domain/money';
import { kindOfOs, readCondition, readDate, readKind, readStatus } from './values';

/** The reference data a row is checked against, indexed once per file. */
export interface ImportReference {
  models: readonly Model[];
  locations: readonly Location[];
  employees: readonly Employee[];
  departments: readonly Department[];
}

export interface ReferenceIndex {
  model(text: string, manufacturer: string): Model | undefined;
  location(text: string): Location | undefined;
  employee(idOrEmail: string): Employee | undefined;
  department(id: string): Department | undefined;
}

/** Lookups by id, and by the names and addresses other systems write (case does not matter). */
export function indexReference(reference: ImportReference): ReferenceIndex {
  const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
  const index = <T,>(rows: readonly T[], keys: (row: T) => Array<string | undefined>) => {
    const map = new Map<string, T>();
    for (const row of rows) {
      for (const key of keys(row)) {
        if (!key) continue;
        // Folded once: the Intune reconciliation indexes every employee (tens of thousands).
        const folded = fold(key);
        if (!map.has(folded)) map.set(folded, row);
      }
    }
    return map;
  };
  const models = index(reference.models, (m) => [m.id, m.name]);
  const locations = index(reference.locations, (l) => [l.id, l.name]);
  const employees = index(reference.employees, (e) => [e.id, e.email]);
  const departments = new Map(reference.departments.map((d) => [d.id, d]));
  return {
    // Intune writes the maker and the model apart ("Apple", "iPhone 13"); the register may name both.
    model: (text, manufacturer) => models.get(fold(text)) ?? (manufacturer ? models.get(fold(`${manufacturer} ${text}`)) : undefined),
    location: (text) => locations.get(fold(text)),
    employee: (text) => employees.get(fold(text)),
    department: (id) => departments.get(id.trim()),
  };
}

export type ImportedData = EventData<'imported'>;

/** A row read into the `imported` event's data, or why it cannot be. */
export type RowReading = { ok: true; data: ImportedData } | { ok: false; refusal: ImportRefusal };

/**
 * Reads one row. Identifiers go through `parseScan`, the rules every scan at a desk obeys, so an
 * imported IMEI is as trustworthy as a scanned one; model, location, holder and department must be
 * known reference data; the status, when the file gives none, is `assigned` for a device with a
 * holder and `received` otherwise.
 */
export function readDeviceRow(cells: readonly string[], columns: ColumnMap, reference: ReferenceIndex): RowReading {
  const cell = (field: ImportField) => {
    for (const index of columns.fields[field] ?? []) {
      const value = (cells[index] ?? '').trim();
      if (value) return value;
    }
    return '';
  };
  const fail = (refusal: ImportRefusal): RowReading => ({ ok: false, refusal });

  const ownership = cell('ownership').toLowerCase();
  if (ownership === 'personal' || ownership === 'privat' || ownership === 'personlig')
    return fail(refuse('personal_device', 'a personal device (BYOD) is not the municipality’s to register'));

  const identifiers = readIdentifiers(cell);
  if (!identifiers.ok) return identifiers;
  const { imei, imei2, serial, alternatives } = identifiers;

  const assetTag = cell('assetTag');
  if (assetTag.length > eventLimits.idMax) return fail(refuse('asset_tag_invalid', `the asset tag is longer than ${eventLimits.idMax} characters`, assetTag));

  const modelText = cell('model');
  const model = modelText ? reference.model(modelText, cell('manufacturer')) : undefined;
  if (modelText && !model) return fail(refuse('unknown_model', `model ${modelText} is not in the reference data`, modelText));

  const kindCell = readKind(cell('kind'));
  if (kindCell === null) return fail(refuse('unknown_kind', `kind ${cell('kind')} is not phone, tablet or pc`, cell('kind')));
  const kind = kindCell ?? model?.kind ?? kindOfOs(cell('os'));
  if (!kind) return fail(refuse('unknown_kind', 'the row says neither the kind nor a known model or OS'));

  const locationText = cell('location');
  const location = locationText ? reference.location(locationText) : undefined;
  if (locationText && !location) return fail(refuse('unknown_location', `location ${locationText} is not in the reference data`, locationText));

  const holderText = cell('holder') || cell('holderEmail');
  const employee = holderText ? reference.employee(holderText) : undefined;
  if (holderText && !employee) return fail(refuse('unknown_employee', `holder ${holderText} is not a known employee`, holderText));
  const departmentText = cell('department');
  if (departmentText && !reference.department(departmentText))
    return fail(refuse('unknown_department', `department ${departmentText} is not in the reference data`, departmentText));

  const status = readStatus(cell('status'));
  if (status === null) return fail(refuse('invalid_status', `status ${cell('status')} is not one a device can be imported in`, cell('status')));
  const finalStatus = status ?? (employee ? 'assigned' : 'received');
  if (finalStatus === 'assigned' && !employee) return fail(refuse('unknown_employee', 'a device handed out needs its holder'));
  if (finalStatus !== 'assigned' && employee)
    return fail(refuse('holder_without_handout', `a holder is given, but the status is ${finalStatus}, not handed out`));

  const condition = readCondition(cell('condition'));
  if (condition === null) return fail(refuse('invalid_condition', `condition ${cell('condition')} is not ok, damaged or defective`, cell('condition')));
  const purchaseDate = readDate(cell('purchaseDate'));
  if (purchaseDate === null) return fail(refuse('invalid_date', `purchase date ${cell('purchaseDate')} is not a date`, cell('purchaseDate')));
  const purchasePrice = readPrice(cell('purchasePrice'));
  if (purchasePrice === null) return fail(refuse('invalid_price', `purchase price ${cell('purchasePrice')} is not an amount in kroner`, cell('purchasePrice')));

  const data: ImportedData = {
    kind,
    status: finalStatus,
    ...(imei ? { imei } : {}),
    ...(imei2 ? { imei2 } : {}),
    ...(serial ? { serial } : {}),
    ...(alternatives ? { alternatives } : {}),
    ...(assetTag ? { assetTag } : {}),
    ...(model ? { model: model.id } : {}),
    ...(location ? { location: location.id } : {}),
    ...(employee ? { holder: { employeeId: employee.id, department: departmentText || employee.department } } : {}),
    ...(condition ? { condition } : {}),
    ...(purchaseDate ? { purchaseDate } : {}),
    ...(purchasePrice !== undefined ? { purchasePrice } : {}),
  };
  return { ok: true, data };
}

type Identifiers =
  | { ok: true; imei?: string; imei2?: string; serial?: string; alternatives?: string[] }
  | { ok: false; refusal: ImportRefusal };

/** IMEIs and the serial by `parseScan`; Intune writes IMEIs in groups ("35 209900 176148 1"). */
function readIdentifiers(cell: (field: ImportField) => string): Identifiers {
  const imeiOf = (field: 'imei' | 'imei2'): string | ImportRefusal | undefined => {
    const text = cell(field).replace(/[\s-]/g, '');
    if (!text) return undefined;
    const parsed = parseScan(text);
    return parsed.kind === 'imei' ? parsed.value : refuse('imei_invalid', `${field === 'imei' ? 'IMEI' : 'second IMEI'} ${cell(field)}: ${parsed.kind === 'invalid' ? parsed.message : 'not an IMEI'}`, cell(field));
  };
  const imei = imeiOf('imei');
  if (typeof imei === 'object') return { ok: false, refusal: imei };
  const imei2 = imeiOf('imei2');
  if (typeof imei2 === 'object') return { ok: false, refusal: imei2 };

  const serialText = cell('serial');
  let serial: string | undefined;
  let alternatives: string[] | undefined;
  if (serialText) {
    const parsed = parseScan(serialText);
    if (parsed.kind !== 'serial')
      return { ok: false, refusal: refuse('serial_invalid', `serial ${serialText}: ${parsed.kind === 'invalid' ? parsed.message : `reads as ${parsed.kind}, not a serial number`}`, serialText) };
    serial = parsed.value;
    alternatives = parsed.alternatives;
  }
  if (!imei && !serial) return { ok: false, refusal: refuse('no_identifier', 'the row has neither an IMEI nor a serial number') };
  return { ok: true, imei, imei2, serial, alternatives };
}

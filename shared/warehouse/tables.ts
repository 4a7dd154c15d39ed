import type { DeviceKind, DeviceStatus } from '../domain/device';
import { kindLabels, statusLabels, type Label } from '../reports/labels';
import type { ReportTable } from '../reports/tables';
import type { BatchItem } from './disposal';
import type { CountSummary } from './stocktake';

/**
 * The stocktake's result and the disposal manifest as report tables: the screen, the A4 printout
 * and the CSV export render the same rows (`shared/reports/tables.ts`).
 */

export const countLineLabels = {
  found: { da: 'Fundet', en: 'Found' },
  missing: { da: 'Mangler', en: 'Missing' },
  unexpected: { da: 'Uventet', en: 'Unexpected' },
  unknown: { da: 'Ukendt', en: 'Unknown' },
} as const satisfies Record<string, Label>;

export interface CountLine {
  result: keyof typeof countLineLabels;
  device: string;
  kind: DeviceKind | null;
  model: string | null;
  /** The register's status (for an unexpected device: where it had it). */
  status: DeviceStatus | null;
  location: string | null;
}

const kind = { key: 'kind', label: { da: 'Type', en: 'Kind' }, type: 'text', values: kindLabels } as const;
const model = { key: 'model', label: { da: 'Model', en: 'Model' }, type: 'text' } as const;
const device = { key: 'device', label: { da: 'Enhed', en: 'Device' }, type: 'text' } as const;

/** Every line of a closed count: missing first (what needs doing), then unexpected, unknown, found. */
/** Names for the ids the lines carry (models, locations); the ids themselves by default. */
export interface Names {
  model(id: string): string;
  place(id: string): string;
}
const ids: Names = { model: (id) => id, place: (id) => id };

export function countResultTable(summary: CountSummary, location: string, names: Names = ids): ReportTable<CountLine> {
  const name = (id: string | undefined) => (id ? names.model(id) : null);
  const here = names.place(location);
  const rows: CountLine[] = [
    ...summary.missing.map((d) => ({ result: 'missing' as const, device: d.label, kind: d.kind, model: name(d.model), status: d.status, location: here })),
    ...summary.unexpected.map((s) => ({ result: 'unexpected' as const, device: s.label, kind: s.kind ?? null, model: name(s.model), status: s.was?.status ?? null, location: s.was?.location ? names.place(s.was.location) : null })),
    ...summary.unknown.map((s) => ({ result: 'unknown' as const, device: s.label, kind: null, model: null, status: null, location: null })),
    ...summary.found.map((d) => ({ result: 'found' as const, device: d.label, kind: d.kind, model: name(d.model), status: d.status, location: here })),
  ];
  return {
    id: 'count-lines',
    title: { da: 'Optællingens linjer', en: 'Lines of the count' },
    columns: [
      { key: 'result', label: { da: 'Resultat', en: 'Result' }, type: 'text', values: countLineLabels },
      device,
      kind,
      model,
      { key: 'status', label: { da: 'Status i registret', en: 'Status in the register' }, type: 'text', values: statusLabels },
      { key: 'location', label: { da: 'Lokation i registret', en: 'Location in the register' }, type: 'text' },
    ],
    rows,
  };
}

export interface ManifestLine {
  device: string;
  kind: DeviceKind;
  model: string | null;
  serial: string | null;
  assetTag: string | null;
  method: string;
  tool: string;
  verifiedBy: string | null;
  erasedOn: string | null;
}

export const erasureMethodLabels = {
  clear: { da: 'Clear (overskrivning)', en: 'Clear (overwrite)' },
  purge: { da: 'Purge (kryptografisk sletning)', en: 'Purge (cryptographic erase)' },
  destroy: { da: 'Destroy (fysisk destruktion)', en: 'Destroy (physical destruction)' },
} as const satisfies Record<string, Label>;

export const weeeCategoryLabels = {
  small_it: { da: 'Små IT- og teleudstyr (WEEE kat. 6)', en: 'Small IT and telecom equipment (WEEE cat. 6)' },
  screens: { da: 'Skærme (WEEE kat. 2)', en: 'Screens (WEEE cat. 2)' },
} as const satisfies Record<string, Label>;

/** The manifest's device list: each device with model, identifiers, erasure method, tool and verifier. */
export function manifestTable(items: readonly BatchItem[], modelName: (id: string) => string = (id) => id): ReportTable<ManifestLine> {
  return {
    id: 'manifest',
    title: { da: 'Enheder i partiet', en: 'Devices in the batch' },
    columns: [
      { ...device, label: { da: 'IMEI / enhed', en: 'IMEI / device' } },
      kind,
      model,
      { key: 'serial', label: { da: 'Serienummer', en: 'Serial' }, type: 'text' },
      { key: 'assetTag', label: { da: 'Stregkode', en: 'Asset tag' }, type: 'text' },
      { key: 'method', label: { da: 'Sletning (NIST 800-88)', en: 'Erasure (NIST 800-88)' }, type: 'text', values: erasureMethodLabels },
      { key: 'tool', label: { da: 'Værktøj', en: 'Tool' }, type: 'text' },
      { key: 'verifiedBy', label: { da: 'Kontrolleret af', en: 'Verified by' }, type: 'text' },
      { key: 'erasedOn', label: { da: 'Slettet', en: 'Erased' }, type: 'date' },
    ],
    rows: items.map((item) => ({
      device: item.imei ?? item.serial ?? item.deviceKey,
      kind: item.kind,
      model: item.model ? modelName(item.model) : null,
      serial: item.serial ?? null,
      assetTag: item.assetTag ?? null,
      method: item.erasure.method,
      tool: [item.erasure.tool, item.erasure.toolVersion].filter(Boolean).join(' '),
      verifiedBy: item.erasure.verified ? (item.erasure.verifiedBy ?? null) : null,
      erasedOn: item.erasure.date ?? null,
    })),
  };
}

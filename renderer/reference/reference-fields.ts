import { deviceKinds } from '../../shared/domain/device';
import type { ReferenceTable } from '../../shared/domain/reference';

/** How each reference table is shown and edited: its columns, and which are choices. */
export interface FieldSpec {
  name: string;
  type: 'text' | 'number' | 'select';
  /** Fixed options (translated under `optionsNamespace`) or `departments` for the department list. */
  options?: readonly string[] | 'departments';
  optionsNamespace?: string;
  required?: boolean;
}

export const referenceFields: Record<ReferenceTable, FieldSpec[]> = {
  departments: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'devicesJune2023', type: 'number' },
  ],
  employees: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'department', type: 'select', options: 'departments', required: true },
    { name: 'email', type: 'text' },
    { name: 'badge', type: 'text' },
  ],
  locations: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'type', type: 'select', options: ['warehouse', 'desk'], optionsNamespace: 'reference.locationTypes', required: true },
  ],
  models: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'kind', type: 'select', options: deviceKinds, optionsNamespace: 'kinds', required: true },
    { name: 'gtin', type: 'text' },
  ],
};

/** Form values (all strings) to a row for the schema: empty optional fields left out, numbers parsed. */
export function formToRow(fields: FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (!value) continue;
    row[field.name] = field.type === 'number' ? Number(value) : value;
  }
  return row;
}

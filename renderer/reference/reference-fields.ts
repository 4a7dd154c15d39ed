import { gtinAsPrinted } from '../../shared/scan/gs1';
import { accessoryKinds } from '../../shared/accessories/catalogue';
import { roles, type Action } from '../../shared/auth/roles';
import { deviceKinds } from '../../shared/domain/device';
import type { EditableTable } from '../../shared/domain/reference';
import { kronerForEditing, readPrice } from '../../shared/domain/money';

/** How each reference table is shown and edited: its columns, and which are choices. */
export interface FieldSpec {
  name: string;
  /**
   * `kroner`: an amount kept in øre, typed and shown in kroner (`4.599,00`); `pin`: typed in the
   * form only, never shown, and kept only as its hash (`pinHash`).
   */
  type: 'text' | 'number' | 'select' | 'kroner' | 'pin';
  /** Fixed options (translated under `optionsNamespace`) or `departments` for the department list. */
  options?: readonly string[] | 'departments';
  optionsNamespace?: string;
  required?: boolean;
  /** Edited only by a role that may do this as well (a model's price and tier: `prices.edit`). */
  action?: Action;
  /** The label's i18n key when `reference.fields.<name>` does not fit this table (an accessory's kind is no device kind). */
  label?: string;
}

export const referenceFields: Record<EditableTable, FieldSpec[]> = {
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
    { name: 'price', type: 'kroner', action: 'prices.edit' },
    { name: 'tier', type: 'select', options: ['standard', 'advanced'], optionsNamespace: 'reference.tiers', action: 'prices.edit' },
  ],
  accessories: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'kind', type: 'select', options: accessoryKinds, optionsNamespace: 'accessories.kinds', required: true, label: 'accessories.fields.kind' },
    { name: 'gtin', type: 'text' },
    { name: 'levels', type: 'text' },
  ],
  operators: [
    { name: 'id', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'role', type: 'select', options: roles, optionsNamespace: 'reference.roles', required: true },
    { name: 'badge', type: 'text' },
    { name: 'pin', type: 'pin' },
  ],
};

/** Form values (all strings) to a row for the schema: empty optional fields left out, numbers parsed. */
export function formToRow(fields: FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    // A PIN never goes into a row: the caller hashes it.
    if (!value || field.type === 'pin') continue;
    // A price that does not read as kroner stays text, and the schema says what is wrong.
    row[field.name] = field.type === 'number' ? Number(value) : field.type === 'kroner' ? (readPrice(value) ?? value) : value;
  }
  return row;
}

/** A row's value as the form shows it: øre as kroner with a decimal comma, as `readPrice` reads it back. */
export function fieldText(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'kroner' && typeof value === 'number') return kronerForEditing(value);
  // An accessory may have several box GTINs, separated by spaces.
  if (field.name === 'gtin' && typeof value === 'string') return value.split(' ').map(gtinAsPrinted).join(' ');
  return String(value);
}

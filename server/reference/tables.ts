import type { ReferenceTable } from '../../shared/domain/reference';

type SqlType = 'text' | 'integer' | 'boolean';

export interface ReferenceColumn {
  column: string;
  type: SqlType;
  required: boolean;
  /** A row written without the field keeps the value it had (an import never reactivates a row). */
  keepWhenAbsent?: boolean;
}

/** Deactivated instead of deleted while devices or events name the row (`shared/domain/reference-use.ts`); null is active. */
const active: ReferenceColumn = { column: 'active', type: 'boolean', required: false, keepWhenAbsent: true };

/**
 * How each reference table's fields (the zod schemas of `shared/domain/reference.ts`) map to
 * columns. The CSV headers are the field names. Table and column names come only from here,
 * never from input, so building SQL from them is safe.
 */
export const referenceColumns: Record<ReferenceTable, Record<string, ReferenceColumn>> = {
  departments: {
    id: { column: 'id', type: 'text', required: true },
    name: { column: 'name', type: 'text', required: true },
    devicesJune2023: { column: 'devices_june_2023', type: 'integer', required: false },
    active,
  },
  employees: {
    id: { column: 'id', type: 'text', required: true },
    name: { column: 'name', type: 'text', required: true },
    department: { column: 'department', type: 'text', required: true },
    email: { column: 'email', type: 'text', required: false },
    badge: { column: 'badge', type: 'text', required: false },
  },
  locations: {
    id: { column: 'id', type: 'text', required: true },
    name: { column: 'name', type: 'text', required: true },
    type: { column: 'type', type: 'text', required: true },
    active,
  },
  models: {
    id: { column: 'id', type: 'text', required: true },
    name: { column: 'name', type: 'text', required: true },
    kind: { column: 'kind', type: 'text', required: true },
    gtin: { column: 'gtin', type: 'text', required: false },
    price: { column: 'price', type: 'integer', required: false },
    tier: { column: 'tier', type: 'text', required: false },
    active,
  },
  accessories: {
    id: { column: 'id', type: 'text', required: true },
    name: { column: 'name', type: 'text', required: true },
    kind: { column: 'kind', type: 'text', required: true },
    gtin: { column: 'gtin', type: 'text', required: false },
    levels: { column: 'levels', type: 'text', required: false },
    active,
  },
};

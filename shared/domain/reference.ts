import { z } from 'zod';
import { roleSchema } from '../auth/roles';
import { accessorySchema } from '../accessories/catalogue';
import { deviceKindSchema } from './device';

/**
 * Whether a model, location or department may still be chosen for new records. One that devices
 * or events name is never deleted (their history would lose its name): it is deactivated, hidden
 * from every picker, and shown by name wherever a record names it. Absent means active: rows
 * written before the flag existed are active (`isActive`).
 */
const active = z.boolean().optional();

/** A forvaltning (department) that holds devices and pays the subscription. */
export const departmentSchema = z.object({
  id: z.string().min(1).max(16),
  name: z.string().min(1),
  active,
  /** Devices registered in June 2023 (seeds, table 1): a sanity figure for the reports. */
  devicesJune2023: z.number().int().nonnegative().optional(),
});
export type Department = z.infer<typeof departmentSchema>;

export const employeeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  department: z.string().min(1),
  email: z.string().optional(),
  /** The municipality's badge number on the employee's card, when it is not the id (`parseScan`'s badge rule). */
  badge: z.string().min(1).max(64).optional(),
});
export type Employee = z.infer<typeof employeeSchema>;

export const locationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(['warehouse', 'desk']),
  active,
});
export type Location = z.infer<typeof locationSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: deviceKindSchema,
  /**
   * The GTIN printed on the box, so scanning the box picks the model. Stored as 14 digits, as
   * `parseScan` gives it; an EAN-13, UPC-A or EAN-8 from a spreadsheet is padded with zeros.
   */
  gtin: z
    .string()
    .regex(/^(\d{8}|\d{12,14})$/, 'a GTIN has 8, 12, 13 or 14 digits')
    .transform((gtin) => gtin.padStart(14, '0'))
    .optional(),
  /** What one device of the model costs, in øre (a CSV says kroner: `4.599,00`). */
  price: z.number().int().nonnegative().optional(),
  /** Standard devices anyone may get; advanced ones need a reason (the subscription differs). */
  tier: z.enum(['standard', 'advanced']).optional(),
  active,
});
export type Model = z.infer<typeof modelSchema>;

/** `scrypt:N:r:p:salt:hash` (hex): a PIN as only a slow, salted hash (`shared/auth/pin.ts`). */
export const pinHashSchema = z
  .string()
  .max(300)
  .regex(/^scrypt:\d+:\d+:\d+:[0-9a-f]{32}:[0-9a-f]{64}$/, 'a PIN hash is scrypt:N:r:p:salt:hash (hex)');

/**
 * Who may sign in at a desk: reference data owned by the central inventory and synced to every
 * desk, so sign-in works offline (the PIN is checked against its hash on the desk).
 */
export const operatorSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  role: roleSchema,
  /** What the operator's badge scans as. */
  badge: z.string().min(1).max(64).optional(),
  pinHash: pinHashSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

export const referenceTables = ['departments', 'employees', 'locations', 'models', 'accessories'] as const;
export type ReferenceTable = (typeof referenceTables)[number];

export const referenceSchemas = {
  departments: departmentSchema,
  employees: employeeSchema,
  locations: locationSchema,
  models: modelSchema,
  /** Chargers, cables, covers: counted stock (`shared/accessories/`). */
  accessories: accessorySchema,
} as const satisfies Record<ReferenceTable, z.ZodType>;

/**
 * What a team lead edits from a desk (`PUT /v1/reference/<table>`): the reference tables and the
 * operators, whose PIN travels only as its hash (made on the desk, `shared/auth/pin.ts`).
 */
export const editableTables = [...referenceTables, 'operators'] as const;
export type EditableTable = (typeof editableTables)[number];
export const editableSchemas = { ...referenceSchemas, operators: operatorSchema } as const satisfies Record<EditableTable, z.ZodType>;

/**
 * The nine forvaltninger of the seeds' table 1 (devices registered in Intune, June 2023), the
 * starting point until the central inventory provides the list.
 */
export const seedDepartments: readonly Department[] = [
  { id: 'BIF', name: 'Beskæftigelses- og Integrationsforvaltningen', devicesJune2023: 2320 },
  { id: 'BR', name: 'Borgerrådgiveren', devicesJune2023: 17 },
  { id: 'BUF', name: 'Børne- og Ungdomsforvaltningen', devicesJune2023: 3984 },
  { id: 'KFF', name: 'Kultur- og Fritidsforvaltningen', devicesJune2023: 1437 },
  { id: 'SOF', name: 'Socialforvaltningen', devicesJune2023: 5995 },
  { id: 'SUF', name: 'Sundheds- og Omsorgsforvaltningen', devicesJune2023: 2256 },
  { id: 'TMF', name: 'Teknik- og Miljøforvaltningen', devicesJune2023: 2673 },
  { id: 'ØKF', name: 'Økonomiforvaltningen', devicesJune2023: 3330 },
  { id: 'IR', name: 'Intern Revision', devicesJune2023: 20 },
];

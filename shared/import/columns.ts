/**
 * Which column of a device file holds what. Files come from two places: the municipality's own
 * register export (our field names, or their Danish and English spellings) and Intune's "All
 * devices" export exactly as Intune writes it. Headers are matched by name, never by position.
 */

/** What the import reads from a row. Everything else in a file is ignored (and said so). */
export const importFields = [
  'imei',
  'imei2',
  'serial',
  'assetTag',
  'model',
  'manufacturer',
  'kind',
  'os',
  'status',
  'location',
  'holder',
  'holderEmail',
  'department',
  'purchaseDate',
  'purchasePrice',
  'condition',
  'ownership',
] as const;
export type ImportField = (typeof importFields)[number];

/** Lower-case header spellings (after `normalizeHeader`) of each field. */
const aliases: Record<ImportField, readonly string[]> = {
  imei: ['imei', 'imei 1', 'imei1'],
  imei2: ['imei 2', 'imei2'],
  serial: ['serial', 'serial number', 'serialnumber', 'serial no', 's/n', 'serienummer', 'serienr'],
  assetTag: ['asset tag', 'assettag', 'asset_tag', 'inventarnummer', 'aktivnummer'],
  model: ['model'],
  manufacturer: ['manufacturer', 'producent', 'fabrikant'],
  kind: ['kind', 'enhedstype', 'art', 'type'],
  os: ['os', 'operating system', 'styresystem'],
  status: ['status'],
  location: ['location', 'lokation', 'placering'],
  holder: ['holder', 'holder employee id', 'employee id', 'employee', 'medarbejder', 'medarbejder-id', 'medarbejdernummer'],
  // Intune: "Primary user UPN" and "Primary user email address"; both are the employee's address.
  holderEmail: ['primary user upn', 'primary user email address', 'user principal name', 'upn', 'email', 'e-mail'],
  department: ['department', 'forvaltning', 'afdeling'],
  purchaseDate: ['purchase date', 'købsdato', 'indkøbsdato'],
  purchasePrice: ['purchase price', 'price', 'pris', 'købspris', 'indkøbspris'],
  condition: ['condition', 'stand'],
  ownership: ['ownership', 'ejerskab'],
};

const byAlias = new Map<string, ImportField>(
  Object.entries(aliases).flatMap(([field, names]) => names.map((name) => [name, field as ImportField] as const)),
);

/**
 * One spelling per header: case, spacing and underscores do not matter, and Intune's renaming of
 * "Azure AD …" to "Microsoft Entra (ID) …" columns reads the same either way.
 */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .replace(/^(azure ad|azure active directory|microsoft entra id|microsoft entra|entra id) /, 'entra ');
}

export interface ColumnMap {
  /**
   * Field → the cells it is read from, first non-empty wins: Intune writes the holder's address
   * twice ("Primary user UPN", "Primary user email address") and either may be empty.
   */
  fields: Partial<Record<ImportField, number[]>>;
  /** Headers that name no field (Intune writes many), as they were written. */
  ignored: string[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = { fields: {}, ignored: [] };
  headers.forEach((header, index) => {
    const field = byAlias.get(normalizeHeader(header));
    if (field) map.fields[field] = [...(map.fields[field] ?? []), index];
    else if (header.trim() !== '') map.ignored.push(header.trim());
  });
  return map;
}

/**
 * Why an import row is refused. `code` is stable (tests assert it, a desk translates it); `value`
 * is what the file wrote that was wrong (a cell, or the other lines naming the same device), shown
 * beside the translation; the message is English, for the command line and the refused-rows file.
 */
export const importRefusalCodes = [
  'no_identifier',
  'imei_invalid',
  'serial_invalid',
  'asset_tag_invalid',
  'unknown_model',
  'unknown_kind',
  'unknown_location',
  'unknown_employee',
  'unknown_department',
  'invalid_status',
  'invalid_condition',
  'invalid_date',
  'invalid_price',
  'holder_without_handout',
  'personal_device',
  'cell_count',
  'duplicate',
  'needs_handout',
  'lifecycle',
  'invalid_event',
] as const;
export type ImportRefusalCode = (typeof importRefusalCodes)[number];

export interface ImportRefusal {
  code: ImportRefusalCode;
  message: string;
  value?: string;
}

export const refuse = (code: ImportRefusalCode, message: string, value?: string): ImportRefusal =>
  value === undefined || value === '' ? { code, message } : { code, message, value };

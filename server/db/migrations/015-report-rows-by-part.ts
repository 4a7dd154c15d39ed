import type { Migration } from './migration';

/**
 * The report rows of one part by their end, at every place: the monthly summary's shelf spans at
 * the month's end and its handouts, and the unused devices' open shelf spans, are asked at every
 * place at once, which `report_rows_by_end` (part, place, end_ms) can only answer by reading every
 * row of the part (a seq scan of the whole table at 100,000 devices: 260 ms where this takes 80).
 */
export const migration: Migration = {
  version: 15,
  name: 'report rows by part and end',
  async up(tx) {
    await tx.exec('CREATE INDEX report_rows_by_part_end ON report_rows (part, end_ms);');
  },
};

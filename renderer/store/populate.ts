import { seedDepartments, type Location } from '../../shared/domain/reference';
import type { KvikDb } from './db';
import { ROWS_VERSION, STATE_ID, type ReportRowsState } from './report-rows';

/**
 * What a brand-new desk starts with, until the central inventory provides reference data: the nine
 * forvaltninger of the seeds' table 1, the central warehouse and one service desk.
 */
export const defaultLocations: Location[] = [
  { id: 'LAGER', name: 'Centrallager', type: 'warehouse' },
  { id: 'KVIK-RH', name: 'Kvikskranke Rådhuset', type: 'desk' },
];

export function registerPopulate(db: KvikDb): void {
  db.on('populate', async (tx) => {
    await tx.table('departments').bulkAdd([...seedDepartments]);
    await tx.table('locations').bulkAdd(defaultLocations);
    // An empty log has all its report rows: kept with every write from here on, never rebuilt.
    const rows: ReportRowsState = { id: STATE_ID, version: ROWS_VERSION, ready: true };
    await tx.table('reportRows').put(rows);
  });
}

import { sqlMigration } from './migration';

/**
 * The device a correction left behind, kept with the correction. A correction is decided from the
 * server's log (an undo restores the state before the undone event, which only the log knows), so
 * desks take the result from the pull rather than deciding it again without that history.
 */
export const migration = sqlMigration(5, 'correction results', `ALTER TABLE events ADD COLUMN result jsonb;`);

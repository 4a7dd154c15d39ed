import { sqlMigration } from './migration';

/** The municipality's badge number of an employee, when it is not the id: a scanned badge finds them. */
export const migration = sqlMigration(9, 'employee badges', `ALTER TABLE employees ADD COLUMN badge text;`);

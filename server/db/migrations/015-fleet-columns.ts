import type { Migration } from './migration';

/**
 * The fields the fleet reports read of every device (`server/reports/fleet.ts`: model, holder,
 * purchase, identifiers) as columns PostgreSQL keeps from the projection itself, so the replacement
 * plan, the Intune reconciliation and the unused devices read 100,000 short rows instead of
 * decompressing and walking 100,000 documents per question. Generated: no writer can let them
 * drift from `device`. Text, as `->>` gives them: a cast that could fail would refuse the write.
 */
export const migration: Migration = {
  version: 15,
  name: 'fleet columns of the devices',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE devices
        ADD COLUMN fleet_model text GENERATED ALWAYS AS (device->>'model') STORED,
        ADD COLUMN fleet_employee text GENERATED ALWAYS AS (device->'holder'->>'employeeId') STORED,
        ADD COLUMN fleet_department text GENERATED ALWAYS AS (device->'holder'->>'department') STORED,
        ADD COLUMN fleet_purchase_date text GENERATED ALWAYS AS (device->>'purchaseDate') STORED,
        ADD COLUMN fleet_purchase_price text GENERATED ALWAYS AS (device->>'purchasePrice') STORED,
        ADD COLUMN fleet_imei text GENERATED ALWAYS AS (device->>'imei') STORED,
        ADD COLUMN fleet_imei2 text GENERATED ALWAYS AS (device->>'imei2') STORED,
        ADD COLUMN fleet_serial text GENERATED ALWAYS AS (device->>'serial') STORED;
    `);
  },
};

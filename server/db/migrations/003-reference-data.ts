import { sqlMigration } from './migration';

/**
 * Reference data the desks pull: departments, employees, locations, models. Imported from CSV
 * (`server -- import`); `reference_revision` grows with each import so desks can tell news.
 */
export const migration = sqlMigration(
  3,
  'reference data',
  `
  CREATE TABLE departments (
    id text PRIMARY KEY,
    name text NOT NULL,
    devices_june_2023 integer CHECK (devices_june_2023 >= 0)
  );
  CREATE TABLE employees (
    id text PRIMARY KEY,
    name text NOT NULL,
    department text NOT NULL,
    email text
  );
  CREATE TABLE locations (
    id text PRIMARY KEY,
    name text NOT NULL,
    type text NOT NULL CHECK (type IN ('warehouse', 'desk'))
  );
  CREATE TABLE models (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('phone', 'tablet', 'pc')),
    gtin text CHECK (gtin ~ '^[0-9]{14}$')
  );
  CREATE TABLE reference_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    revision integer NOT NULL
  );
  INSERT INTO reference_revision (revision) VALUES (0);
  `,
);

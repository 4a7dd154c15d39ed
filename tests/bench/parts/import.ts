import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { luhnCheckDigit } from '../../../shared/scan/check-digits';
import { openDatabase } from '../../../server/db/open';
import { importDevices } from '../../../server/import/devices';
import { importReferenceCsv } from '../../../server/reference/import-csv';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { figure, type BenchPart } from '../figures';

/**
 * The existing fleet into an empty central inventory on PostgreSQL: 62,000 rows of the
 * municipality's export (22,000 phones and tablets by IMEI, 40,000 PCs by serial, 60 % handed out
 * to one of 20,000 employees), read, checked, planned and stored as `imported` events with the
 * projection, in the import's one transaction. Baseline, same run, same database: `COPY` of the
 * same CSV into a bare table (no checks, no log, no projection). Also: the same file again
 * (every row unchanged, nothing written). Target: under a minute.
 */
const ROWS = 62_000;
const PHONES = 22_000;
const EMPLOYEES = 20_000;
const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const HEADER = 'imei;serial;asset tag;model;kind;status;location;holder;purchase date;purchase price';

function fleetCsv(): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const phone = i < PHONES;
    const body = `35${String(i).padStart(12, '0')}`;
    const imei = phone ? `${body}${luhnCheckDigit(body)}` : '';
    const serial = phone ? '' : `PF${String(i).padStart(8, '0')}`;
    const handedOut = i % 5 < 3;
    const status = handedOut ? 'udleveret' : i % 5 === 3 ? 'på lager' : 'klar';
    const holder = handedOut ? `E${i % EMPLOYEES}` : '';
    const location = handedOut ? '' : 'LAGER';
    lines.push([imei, serial, `KK${String(i).padStart(6, '0')}`, phone ? (i % 4 === 0 ? 'IPAD' : 'IP13') : 'T14', '', status, location, holder, '2023-06-14', '4.599,00'].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function employeesCsv(): string {
  const departments = ['BIF', 'BUF', 'KFF', 'SOF', 'SUF', 'TMF', 'ØKF'];
  const rows = Array.from({ length: EMPLOYEES }, (_, i) => `E${i};Medarbejder ${i};${departments[i % departments.length]}`);
  return `id;name;department\n${rows.join('\n')}\n`;
}

async function copyBaseline(csv: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_copy (imei text, serial text, asset_tag text, model text, kind text, status text, location text, holder text, purchase_date text, purchase_price text)`);
    const started = performance.now();
    await pipeline(Readable.from([csv]), client.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`)));
    const ms = performance.now() - started;
    const [row] = (await client.query('SELECT count(*)::int AS n FROM bench_copy')).rows as Array<{ n: number }>;
    if (row?.n !== ROWS) throw new Error(`COPY stored ${row?.n} rows`);
    return ms;
  } finally {
    await client.end();
  }
}

export const part: BenchPart = {
  name: 'import',
  async run() {
    const schema = freshSchemaName('bench_import');
    const db = await openDatabase({ kind: 'postgres', url: POSTGRES, schema });
    try {
      await importReferenceCsv(db, 'models', 'id,name,kind\nIP13,iPhone 13,phone\nIPAD,iPad 10,tablet\nT14,Lenovo ThinkPad T14,pc\n');
      await importReferenceCsv(db, 'locations', 'id,name,type\nLAGER,Centrallager,warehouse\n');
      const employees = await importReferenceCsv(db, 'employees', employeesCsv());
      if (!employees.ok) throw new Error(JSON.stringify(employees.problems.slice(0, 3)));
      const csv = fleetCsv();

      let started = performance.now();
      const result = await importDevices(db, csv, { source: 'fleet.csv' });
      const importMs = performance.now() - started;
      if (!result.written || result.plan.counts.create !== ROWS || result.conflicts > 0)
        throw new Error(`import did not create every device: ${JSON.stringify(result.plan.counts)}`);

      started = performance.now();
      const again = await importDevices(db, csv, { source: 'fleet.csv' });
      const againMs = performance.now() - started;
      if (again.plan.counts.unchanged !== ROWS) throw new Error(`re-import changed something: ${JSON.stringify(again.plan.counts)}`);

      const copyMs = await copyBaseline(csv, schema);
      return {
        'import.devices.postgres': figure(importMs / 1000, 's', copyMs / 1000,
          `${ROWS} rows checked, planned and stored as imported events + projection; baseline: plain COPY of the same CSV into a bare table; target < 60 s`),
        'import.devices.postgres.again': figure(againMs / 1000, 's', copyMs / 1000, `the same ${ROWS} rows again: every one unchanged, nothing written`),
      };
    } finally {
      await db.close();
      await dropSchema(POSTGRES, schema);
    }
  },
};

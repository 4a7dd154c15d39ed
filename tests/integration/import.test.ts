import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepartments } from '../../shared/domain/reference';
import type { Database } from '../../server/db/database';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { readReference } from '../../server/reference/read';
import { backends, type OpenedDatabase } from './support/backends';

describe.each(backends)('reference data import on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it('starts with the nine departments of the seeds', async () => {
    const reference = await readReference(db);
    expect(reference.departments).toHaveLength(9);
    expect(new Set(reference.departments)).toEqual(new Set(seedDepartments));
    expect(reference.revision).toBeGreaterThanOrEqual(1);
  });

  it('imports a spreadsheet export: BOM, semicolons, CRLF, quotes, blank lines', async () => {
    const before = (await readReference(db)).revision;
    const csv =
      '\uFEFFid;name;department;email\r\n' +
      'E1001;"Hansen, Mette";ØKF;mette@example.dk\r\n' +
      '\r\n' +
      'E1002;Lars Holm;SOF;\r\n' +
      'E1003;  Aisha Khan  ;BUF;aisha@example.dk\r\n';
    expect(await importReferenceCsv(db, 'employees', csv)).toEqual({ ok: true, rows: 3, revision: before + 1 });
    const reference = await readReference(db);
    expect(reference.revision).toBe(before + 1);
    expect(reference.employees).toEqual([
      { id: 'E1001', name: 'Hansen, Mette', department: 'ØKF', email: 'mette@example.dk' },
      { id: 'E1002', name: 'Lars Holm', department: 'SOF' },
      { id: 'E1003', name: 'Aisha Khan', department: 'BUF', email: 'aisha@example.dk' },
    ]);
  });

  it('updates rows by id and keeps rows the file does not mention', async () => {
    await importReferenceCsv(db, 'locations', 'id,name,type\nLAGER,Centrallager,warehouse\nKS1,Kvikskranke Rådhuset,desk\n');
    const result = await importReferenceCsv(db, 'locations', 'id,name,type\nKS1,Kvikskranke Rådhus,desk\n');
    expect(result.ok).toBe(true);
    expect((await readReference(db)).locations).toEqual([
      { id: 'KS1', name: 'Kvikskranke Rådhus', type: 'desk' },
      { id: 'LAGER', name: 'Centrallager', type: 'warehouse' },
    ]);
  });

  it('answers ?since= with only the rows changed after that revision; a row imported again unchanged is not news', async () => {
    await importReferenceCsv(db, 'models', 'id,name,kind,price,tier\nS1,iPhone 15,phone,"6.499,00",standard\nS2,ThinkPad X1,pc,14999,advanced\n');
    const held = (await readReference(db)).revision;
    const result = await importReferenceCsv(db, 'models', 'id,name,kind,price,tier\nS1,iPhone 15,phone,"5.999,00",standard\nS2,ThinkPad X1,pc,14999,advanced\n');
    const changes = await readReference(db, held);
    expect(changes).toMatchObject({ revision: result.ok ? result.revision : -1, full: false, departments: [], employees: [], locations: [], operators: [] });
    expect(changes.models).toEqual([{ id: 'S1', name: 'iPhone 15', kind: 'phone', price: 599900, tier: 'standard' }]);
    expect((await readReference(db)).models.filter((m) => m.id.startsWith('S'))).toHaveLength(2);
  });

  it('reports every bad row by its line and imports nothing', async () => {
    const before = await readReference(db);
    const csv = [
      'id,name,kind,gtin', //                                   line 1
      'M1,iPhone 13,phone,00194252707248', //                   line 2 ok
      'M2,"Galaxy Tab', //                                      line 3: a quoted name over two lines
      'A8",tablet,', //                                          line 4
      'M3,ThinkPad T14,laptop,', //                              line 5: kind
      'M4,,pc,', //                                              line 6: name
      'M1,iPhone 13 again,phone,', //                            line 7: duplicate id
      'M5,Elitebook,pc,12345', //                                line 8: gtin
      'M6,Surface,pc', //                                        line 9: too few cells
    ].join('\n');
    const result = await importReferenceCsv(db, 'models', csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([5, 6, 7, 8, 9]);
    expect(result.problems[0]?.message).toMatch(/kind/);
    expect(result.problems[1]?.message).toMatch(/name/);
    expect(result.problems[2]?.message).toMatch(/also on line 2/);
    expect(result.problems[3]?.message).toMatch(/gtin/);
    expect(await readReference(db)).toEqual(before);
  });

  it('refuses unknown or missing columns, and employees of unknown departments', async () => {
    const before = await readReference(db);
    const columns = await importReferenceCsv(db, 'employees', 'id,fornavn,department\nE1,Ole,SOF\n');
    expect(columns).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringMatching(/unknown column\(s\) fornavn/) }, { line: 1, message: expect.stringMatching(/missing column\(s\) name/) }] });
    const department = await importReferenceCsv(db, 'employees', 'id,name,department\nE2,Ole,SOF\nE3,Bo,XYZ\n');
    expect(department).toEqual({ ok: false, problems: [{ line: 3, message: 'unknown department XYZ' }] });
    expect(await importReferenceCsv(db, 'departments', '')).toMatchObject({ ok: false });
    expect(await importReferenceCsv(db, 'departments', 'id,name\n')).toMatchObject({ ok: false, problems: [{ message: 'no rows to import' }] });
    expect(await readReference(db)).toEqual(before);
  });

  it('reads numbers for numeric columns and refuses what is not one', async () => {
    const bad = await importReferenceCsv(db, 'departments', 'id,name,devicesJune2023\nNEW,Ny forvaltning,mange\n');
    expect(bad).toMatchObject({ ok: false, problems: [{ line: 2, message: expect.stringMatching(/devicesJune2023/) }] });
    const good = await importReferenceCsv(db, 'departments', 'id,name,devicesJune2023\nNEW,Ny forvaltning,12\n');
    expect(good.ok).toBe(true);
    expect((await readReference(db)).departments).toContainEqual({ id: 'NEW', name: 'Ny forvaltning', devicesJune2023: 12 });
  });
});

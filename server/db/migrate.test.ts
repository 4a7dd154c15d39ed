import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate } from './migrate';
import { migrations } from './migrations/index';
import { sqlMigration } from './migrations/migration';
import { openPglite } from './pglite';

describe('migrate', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration once and records it', async () => {
    expect(await migrate(db)).toEqual({ applied: migrations.map((m) => m.version), current: migrations.length });
    expect(await migrate(db)).toEqual({ applied: [], current: migrations.length });
    const rows = await db.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(await db.query('SELECT count(*)::int AS n FROM departments')).toEqual([{ n: 9 }]);
  });

  it('applies a new migration all or nothing', async () => {
    const broken = sqlMigration(migrations.length + 1, 'broken', 'CREATE TABLE half_done (x int); SELECT nonsense FROM nowhere;');
    await expect(migrate(db, [...migrations, broken])).rejects.toThrow();
    expect(await db.query("SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    const fixed = sqlMigration(migrations.length + 1, 'fixed', 'CREATE TABLE half_done (x int);');
    expect(await migrate(db, [...migrations, fixed])).toMatchObject({ applied: [migrations.length + 1] });
  });

  it('refuses a database newer than the code, and misnumbered migrations', async () => {
    await expect(migrate(db)).rejects.toThrow(/newer than this server/);
    await expect(migrate(db, migrations.slice(1))).rejects.toThrow(/expected 1/);
  });
});

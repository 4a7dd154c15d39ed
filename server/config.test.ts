import { describe, expect, it } from 'vitest';
import { describeDatabase, readConfig } from './config';

describe('readConfig', () => {
  it('defaults to PGlite in .data/pglite on port 8787', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ PORT: 8787, HOST: '0.0.0.0', database: { kind: 'pglite', dataDir: '.data/pglite' } });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and never shows its password', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://kvik:hemmeligt@db.internal:5433/inventory', DATABASE_SCHEMA: 'kvik', PORT: '9000' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://kvik:hemmeligt@db.internal:5433/inventory', schema: 'kvik' });
    expect(config.PORT).toBe(9000);
    expect(describeDatabase(config.database)).toBe('PostgreSQL db.internal:5433/inventory schema kvik');
  });

  it('stops on a bad value, naming it', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ DATABASE_SCHEMA: 'drop table;' })).toThrow(/DATABASE_SCHEMA/);
  });
});

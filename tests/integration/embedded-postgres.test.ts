import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/** What npm test relies on from the PostgreSQL that tests/support/embedded-postgres.ts starts. */
describe('the PostgreSQL of the integration run', () => {
  it('is there: DATABASE_URL given, or the embedded one started for this run', async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ encoding: string }>("SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()");
      expect(rows[0]?.encoding).toBe('UTF8');
    } finally {
      await client.end();
    }
  });

  it('leaves a failed run failed: loading embedded-postgres keeps the exit code', () => {
    const script = "import { loadEmbeddedPostgres } from './tests/support/embedded-postgres.ts'; await loadEmbeddedPostgres(); process.exitCode = 3;";
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectDir, encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});

import { startEmbeddedPostgres } from '../../support/embedded-postgres';

/**
 * Vitest globalSetup of the integration project: the suites run on PGlite and on real PostgreSQL
 * in every `npm test`. With DATABASE_URL set, that PostgreSQL is used; without it one is started
 * from npm for this run (once, before the test files; every file makes its own schema in it) and
 * stopped, its data deleted, afterwards. The workers inherit DATABASE_URL from here.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL) {
    console.log('[integration] PostgreSQL: DATABASE_URL as given');
    return undefined;
  }
  const started = performance.now();
  const postgres = await startEmbeddedPostgres();
  process.env.DATABASE_URL = postgres.url;
  console.log(`[integration] PostgreSQL: embedded, started in ${((performance.now() - started) / 1000).toFixed(1)} s at ${new URL(postgres.url).host}`);
  return async () => {
    delete process.env.DATABASE_URL;
    await postgres.stop();
  };
}

import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema, healthResponseSchema, syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import { freshSchemaName, openPostgresSchema, postgresUrl, type OpenedDatabase } from './support/backends';
import { apiClient } from './support/client';
import { batchFor } from './support/events';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

/**
 * PostgreSQL going away under a running server: requests answer 503 (nothing half-applied) and
 * the server recovers by itself when the database is back. PGlite lives inside the server
 * process, so it cannot go away on its own: this suite is PostgreSQL only.
 */
describe.skipIf(!postgresUrl)('the database unavailable (PostgreSQL behind a proxy)', () => {
  let proxy: TcpProxy;
  let opened: OpenedDatabase;
  let app: FastifyInstance;
  let direct: pg.Client;
  const schema = freshSchemaName('ito');

  const push = (events: unknown[]) =>
    app.inject({ method: 'POST', url: syncPaths.push, headers: { authorization: 'Bearer tokenA' }, payload: { events } });

  beforeAll(async () => {
    const url = new URL(postgresUrl ?? '');
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = new URL(url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    opened = await openPostgresSchema(viaProxy.toString(), schema);
    app = buildServer({ db: opened.db, devTokens: parseDeskTokens('deskA=tokenA') });
    await app.ready();
    direct = new pg.Client({ connectionString: postgresUrl, options: `-c search_path=${schema}` });
    await direct.connect();
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.restore().catch(() => undefined);
    await opened?.dispose();
    await direct?.end();
    await proxy?.close();
  });

  const head = async () => Number((await direct.query('SELECT seq FROM sync_head')).rows[0]?.seq);

  it('answers 503 with a JSON error while the database is away, and recovers when it is back', async () => {
    const before = batchFor('deskA', 10);
    expect((await push(before)).statusCode).toBe(200);
    const stored = await head();

    await proxy.cut();
    const during = batchFor('deskA', 10);
    for (const res of [
      await push(during),
      await app.inject({ url: syncPaths.pull, headers: { authorization: 'Bearer tokenA' } }),
      await app.inject({ url: syncPaths.health }),
    ]) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(errorResponseSchema.parse(res.json()).error.code).toBe('unavailable');
    }
    expect(await head()).toBe(stored);

    await proxy.restore();
    const health = await app.inject({ url: syncPaths.health });
    expect(health.statusCode).toBe(200);
    expect(healthResponseSchema.parse(health.json()).head).toBe(stored);
    const results = await apiClient(app, 'tokenA').push([...before, ...during]);
    expect(results.map((r) => r.status)).toEqual([...Array(10).fill('duplicate'), ...Array(10).fill('accepted')]);
    expect(await head()).toBe(stored + 10);
  });

  it('a push cut off inside its transaction leaves nothing behind, and its retry is stored whole', async () => {
    const start = await head();
    // Hold the log's head so the push stops inside its transaction, then pull the plug on it.
    await direct.query('BEGIN');
    await direct.query('SELECT seq FROM sync_head FOR UPDATE');
    const batch = batchFor('deskA', 50);
    const pending = push(batch);
    await waitForLockWaiter();
    await proxy.cut();
    const res = await pending;
    expect(res.statusCode).toBe(503);
    await direct.query('COMMIT');
    await proxy.restore();

    expect(await head()).toBe(start);
    const count = await direct.query('SELECT count(*)::int AS n FROM events WHERE id = ANY($1::uuid[])', [batch.map((e) => e.id)]);
    expect(count.rows[0]?.n).toBe(0);
    const retry = await apiClient(app, 'tokenA').push(batch);
    expect(retry.every((r) => r.status === 'accepted')).toBe(true);
    expect(await head()).toBe(start + 50);
  });

  /** Until a server connection waits for the head lock the test's own session holds. */
  async function waitForLockWaiter(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await direct.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kvikdesk-server' AND pg_backend_pid() = ANY(pg_blocking_pids(pid))",
      );
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the push never reached the head lock');
  }
});

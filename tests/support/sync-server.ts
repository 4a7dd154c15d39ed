import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { DatabaseUnavailableError, type Database, type Queryable } from '../../server/db/database';
import { openDatabase } from '../../server/db/open';
import type { FetchLike } from '../../renderer/sync/client';

/**
 * The real central inventory (`buildServer` on in-memory PGlite) for tests of the desk's sync
 * engine, reached through `app.inject` — the whole HTTP stack (routing, auth, body limits, error
 * mapping) without a socket. Any token `token-<deskId>` belongs to `<deskId>`, so a test makes as
 * many desks as it likes. `down(true)` makes the database unavailable (every request that needs
 * it answers 503), as when PostgreSQL restarts.
 */
export interface TestServer {
  app: FastifyInstance;
  db: Database;
  fetch: FetchLike;
  url: string;
  down(unavailable: boolean): void;
  /**
   * Faults inside the push transaction: with `rate` per statement the connection is lost there
   * (everything rolls back, the push answers 503), and with `rate` a committed push loses its
   * answer (503 although stored: the retry must find duplicates). Counted in `transactionFaults`.
   */
  faultTransactions(options: { random: () => number; rate: number } | null): void;
  transactionFaults: { midTransaction: number; afterCommit: number };
  /** Empties the event log and the projection: a fresh central inventory, without a restart. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const tokenFor = (deskId: string) => `token-${deskId}`;

export async function startTestServer(): Promise<TestServer> {
  const real = await openDatabase({ kind: 'pglite' });
  let unavailable = false;
  const guard = () => {
    if (unavailable) throw new DatabaseUnavailableError(new Error('the test took the database down'));
  };
  let faults: { random: () => number; rate: number } | null = null;
  const transactionFaults = { midTransaction: 0, afterCommit: 0 };
  const strike = (where: 'midTransaction' | 'afterCommit') => {
    if (!faults || faults.random() >= faults.rate) return;
    transactionFaults[where] += 1;
    throw new DatabaseUnavailableError(new Error(`injected: connection lost ${where === 'midTransaction' ? 'inside the transaction' : 'after COMMIT'}`));
  };
  const faultyTx = (tx: Queryable): Queryable => ({
    query: async (sql, params) => (strike('midTransaction'), tx.query(sql, params)),
    exec: async (sql) => (strike('midTransaction'), tx.exec(sql)),
  });
  const db: Database = {
    kind: real.kind,
    query: async (sql, params) => (guard(), real.query(sql, params)),
    exec: async (sql) => (guard(), real.exec(sql)),
    transaction: async (work) => {
      guard();
      const result = await real.transaction((tx) => work(faultyTx(tx)));
      strike('afterCommit');
      return result;
    },
    close: () => real.close(),
  };
  const app = buildServer({ db, auth: { deskFor: async (token) => /^token-(.+)$/.exec(token)?.[1] ?? null } });
  await app.ready();
  return {
    app,
    db,
    fetch: injectFetch(app),
    url: 'https://central.test',
    down: (value) => void (unavailable = value),
    faultTransactions: (options) => void (faults = options),
    transactionFaults,
    reset: () => real.exec('TRUNCATE events, devices; UPDATE sync_head SET seq = 0;'),
    async close() {
      await app.close();
      await real.close();
    },
  };
}

/** `fetch` over `app.inject`: what a browser's fetch would send and receive, minus the socket. */
export function injectFetch(app: FastifyInstance): FetchLike {
  return async (url, init) => {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => void (headers[name] = value));
    const reply = await app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST' | 'OPTIONS',
      url: `${target.pathname}${target.search}`,
      headers,
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(reply.headers))
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    const empty = reply.statusCode === 204 || reply.statusCode === 304;
    return new Response(empty ? null : reply.body, { status: reply.statusCode, headers: responseHeaders });
  };
}

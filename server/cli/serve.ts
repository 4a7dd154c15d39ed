import { readFile } from 'node:fs/promises';
import { buildServer } from '../app';
import { parseDeskTokens } from '../auth/tokens';
import { describeDatabase, type ServerConfig } from '../config';
import { openDatabase } from '../db/open';

/**
 * Runs the service until SIGINT/SIGTERM, then stops in order: stop accepting and finish the
 * requests in flight (Fastify), then close the database (and release the PGlite lock).
 */
export async function serve(config: ServerConfig): Promise<void> {
  const devTokens = parseDeskTokens(config.DESK_TOKENS);
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: await readFile(config.TLS_CERT_FILE), key: await readFile(config.TLS_KEY_FILE) }
      : undefined;
  const db = await openDatabase(config.database);
  const app = buildServer({
    db,
    devTokens,
    logger: { level: config.LOG_LEVEL },
    ...(tls ? { tls } : {}),
    ...(config.TRUST_PROXY !== undefined ? { trustProxy: config.TRUST_PROXY } : {}),
    ...(config.WEB_ROOT ? { webRoot: config.WEB_ROOT } : {}),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 10 s: exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await db.close();
    }
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await db.close();
    throw error;
  }
  if (devTokens.size > 0) app.log.warn({ desks: [...devTokens.values()] }, 'DESK_TOKENS is set: development tokens are accepted');
  app.log.info({ database: describeDatabase(config.database), https: tls !== undefined }, 'central inventory ready');
  if (!tls && config.TRUST_PROXY === undefined)
    app.log.warn('plain HTTP: desks on other machines send their token in clear; set TLS_CERT_FILE and TLS_KEY_FILE, or run behind an HTTPS proxy (TRUST_PROXY)');
}

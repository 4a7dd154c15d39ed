import { z } from 'zod';
import type { DatabaseConfig } from './db/open';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** All interfaces by default: desks reach the service over the network. */
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).optional(),
  /** A schema inside DATABASE_URL's database instead of `public` (tests, several instances). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  /** Where embedded PGlite keeps its data when there is no DATABASE_URL. */
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  DESK_TOKENS: z.string().optional(),
  /** PEM certificate (with its chain) and private key: the server then speaks HTTPS itself. */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /**
   * Behind a reverse proxy that terminates TLS: the proxy's address (or `true` for any), so the
   * client address in logs and the failed-token limit is the desk's, from `X-Forwarded-For`.
   */
  TRUST_PROXY: z
    .string()
    .min(1)
    .transform((value) => (value === 'true' ? true : value === 'false' ? false : value.split(',').map((part) => part.trim())))
    .optional(),
  /** The web build of the app to serve at `/` (`npm run build:web` writes `out/web`); unset: none. */
  WEB_ROOT: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = z.infer<typeof envSchema> & { database: DatabaseConfig };

/** The server's settings from the environment; a bad value stops the start with its name. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const config = parsed.data;
  if ((config.TLS_CERT_FILE === undefined) !== (config.TLS_KEY_FILE === undefined))
    throw new Error('bad environment: TLS_CERT_FILE and TLS_KEY_FILE go together (HTTPS needs both)');
  const database: DatabaseConfig = config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}) }
    : { kind: 'pglite', dataDir: config.PGLITE_DIR };
  return { ...config, database };
}

/** Where the data is, for logs: never the password in DATABASE_URL. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'pglite') return `PGlite in ${database.dataDir ?? 'memory'}`;
  try {
    const url = new URL(database.url);
    return `PostgreSQL ${url.host}${url.pathname}${database.schema ? ` schema ${database.schema}` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}

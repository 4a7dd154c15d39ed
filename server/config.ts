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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = z.infer<typeof envSchema> & { database: DatabaseConfig };

/** The server's settings from the environment; a bad value stops the start with its name. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const config = parsed.data;
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

import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { syncLimits } from '../shared/sync/protocol';
import { deskAuth, type DeskAuth } from './auth/desk-auth';
import type { Database } from './db/database';
import { allowDeskOrigins } from './http/cors';
import { registerErrorHandling } from './http/errors';
import { requireDesk, type AuthFailureLimit } from './http/authenticate';
import { redactUrl, refuseSecretsInQuery } from './http/query-secrets';
import { defaultTimeouts, serverFactory, type Timeouts, type TlsFiles } from './http/server-factory';
import { serveWebApp } from './http/web-app';
import { healthRoute } from './routes/health';
import { pullRoutes, type PageBudgets } from './routes/pull';
import { pushRoute } from './routes/push';
import { referenceRoute } from './routes/reference';
import { importRoute } from './routes/import';
import { reportsRoute } from './routes/reports';
import { accessoryRoutes } from './routes/accessories';

export interface ServerOptions {
  db: Database;
  /** Development tokens as token hash → desk id (`parseDeskTokens(process.env.DESK_TOKENS)`). */
  devTokens?: ReadonlyMap<string, string>;
  /** Who a token belongs to; defaults to `devTokens`, then the tokens issued into `db`. */
  auth?: DeskAuth;
  /** pino options (`level`, `stream`); `false` (the default) for silence in tests. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
  bodyLimit?: number;
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP without (behind a TLS proxy). */
  tls?: TlsFiles;
  timeouts?: Timeouts;
  /** Failed token checks per client address before `429`; tests make it small. */
  authFailures?: AuthFailureLimit;
  /** Byte budgets of pull and devices pages; the protocol's by default. */
  pageBudgets?: PageBudgets;
  /**
   * Whom to believe about the client's address (`X-Forwarded-For`) when behind a reverse proxy:
   * Fastify's `trustProxy` (`true`, an address, a list). Off by default: the socket's address counts.
   */
  trustProxy?: boolean | string | string[];
  /** The web build of the app (`out/web`) to serve at `/`; none when absent. */
  webRoot?: string;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The central inventory's HTTP API (SYNC.md), ready for `listen` or, in tests, `inject`.
 * The database is opened and migrated by the caller (`openDatabase`) and closed by it after
 * `app.close()`.
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const { db } = options;
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? syncLimits.bodyMaxBytes,
    serverFactory: serverFactory(options.tls, options.timeouts ?? defaultTimeouts),
    trustProxy: options.trustProxy ?? false,
    logger: options.logger
      ? {
          level: options.logger.level ?? 'info',
          ...(options.logger.stream ? { stream: options.logger.stream } : {}),
          // Belt and braces: the default serializers log no headers, and this keeps it so.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: {
            // The URL without the value of anything that looks like a token in its query string.
            req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }),
          },
        }
      : false,
    // A desk may send its own id to follow one push through both logs; anything odd is replaced.
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && requestIdPattern.test(sent) ? sent : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  allowDeskOrigins(app);
  refuseSecretsInQuery(app);
  registerErrorHandling(app);
  healthRoute(app, db);
  const auth = options.auth ?? deskAuth(db, options.devTokens);
  // Only where `requireDesk` asks it to: counting failed token checks, not ordinary requests.
  app.register(rateLimit, { global: false });
  app.register(async (scope) => {
    requireDesk(scope, auth, options.authFailures);
    pushRoute(scope, db);
    pullRoutes(scope, db, options.pageBudgets);
    referenceRoute(scope, db);
    importRoute(scope, db);
    reportsRoute(scope, db);
    accessoryRoutes(scope, db);
  });
  const { webRoot } = options;
  if (webRoot) app.register(async (scope) => serveWebApp(scope, webRoot));
  return app;
}

import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { syncLimits } from '../shared/sync/protocol';
import { deskAuth, type DeskAuth } from './auth/desk-auth';
import type { Database } from './db/database';
import { allowDeskOrigins } from './http/cors';
import { registerErrorHandling } from './http/errors';
import { requireDesk } from './http/authenticate';
import { healthRoute } from './routes/health';
import { pullRoutes } from './routes/pull';
import { pushRoute } from './routes/push';
import { referenceRoute } from './routes/reference';

export interface ServerOptions {
  db: Database;
  /** Development tokens as token hash → desk id (`parseDeskTokens(process.env.DESK_TOKENS)`). */
  devTokens?: ReadonlyMap<string, string>;
  /** Who a token belongs to; defaults to `devTokens`, then the tokens issued into `db`. */
  auth?: DeskAuth;
  /** pino options (`level`, `stream`); `false` (the default) for silence in tests. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
  bodyLimit?: number;
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
    logger: options.logger
      ? {
          level: options.logger.level ?? 'info',
          ...(options.logger.stream ? { stream: options.logger.stream } : {}),
          // Belt and braces: the default serializers log no headers, and this keeps it so.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
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
  registerErrorHandling(app);
  healthRoute(app, db);
  const auth = options.auth ?? deskAuth(db, options.devTokens);
  app.register(async (scope) => {
    requireDesk(scope, auth);
    pushRoute(scope, db);
    pullRoutes(scope, db);
    referenceRoute(scope, db);
  });
  return app;
}

import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode, ErrorResponse } from '../../shared/sync/protocol';
import { DatabaseUnavailableError } from '../db/database';

/** Seconds a desk is told to wait before retrying when the database is away. */
const RETRY_AFTER_SECONDS = 5;

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } } satisfies ErrorResponse);
}

function codeFor(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'bad_request';
}

/** Every error becomes `{ error: { code, message } }`; internals are logged, never sent. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DatabaseUnavailableError) {
      request.log.warn({ err: error.message }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendError(reply, 503, 'unavailable', 'the central database is unavailable; nothing was stored, retry later');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendError(reply, status, codeFor(status), error.message);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'internal', 'internal error; nothing was stored');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
  );
}

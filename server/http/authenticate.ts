import type { FastifyInstance } from 'fastify';
import type { DeskAuth } from '../auth/desk-auth';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The desk the bearer token belongs to; set by `requireDesk` before any body is read. */
    deskId: string;
  }
}

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** How many failed token checks one address may make in a window before it is answered `429`. */
export interface AuthFailureLimit {
  max: number;
  windowMs: number;
}

export const defaultAuthFailureLimit: AuthFailureLimit = { max: 20, windowMs: 60_000 };

/**
 * Every route registered in `scope` needs `Authorization: Bearer <desk token>`. Runs on
 * `onRequest`, before the body is read, so an unknown caller cannot make the server parse 4 MB.
 * The token never reaches a log: only the desk id is bound to the request's logger.
 *
 * Failed checks are counted per client address (`@fastify/rate-limit`, registered by
 * `buildServer`); past the limit, a failed check from that address is answered `429` with
 * `Retry-After` until the window ends. A desk with a good token is never held back, even behind
 * the same address (one NAT for a whole town hall): tokens are 256 random bits, so the limit is
 * not about guessing but about a broken or hostile client costing lookups and log lines.
 */
export function requireDesk(scope: FastifyInstance, auth: DeskAuth, limit: AuthFailureLimit = defaultAuthFailureLimit): void {
  const failures = scope.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (request) => request.ip });
  scope.addHook('onRequest', async (request, reply) => {
    const match = bearer.exec(request.headers.authorization ?? '');
    const deskId = match?.[1] ? await auth.deskFor(match[1]) : null;
    if (deskId === null) {
      const standing = await failures(request, { increment: false });
      if (!standing.isAllowed && standing.remaining === 0) {
        reply.header('retry-after', String(standing.ttlInSeconds));
        return sendError(reply, 429, 'too_many_requests', `too many failed token checks from this address; retry in ${standing.ttlInSeconds} s`);
      }
      await failures(request);
      request.log.warn('refused a request without a valid desk token');
      return sendError(reply, 401, 'unauthorized', 'a valid desk token is required (Authorization: Bearer <token>)');
    }
    request.deskId = deskId;
    request.log = request.log.child({ deskId });
    reply.log = request.log;
  });
}

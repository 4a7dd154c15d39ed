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

/**
 * Every route registered in `scope` needs `Authorization: Bearer <desk token>`. Runs on
 * `onRequest`, before the body is read, so an unknown caller cannot make the server parse 4 MB.
 * The token never reaches a log: only the desk id is bound to the request's logger.
 */
export function requireDesk(scope: FastifyInstance, auth: DeskAuth): void {
  scope.addHook('onRequest', async (request, reply) => {
    const match = bearer.exec(request.headers.authorization ?? '');
    const deskId = match?.[1] ? await auth.deskFor(match[1]) : null;
    if (deskId === null) return sendError(reply, 401, 'unauthorized', 'a valid desk token is required (Authorization: Bearer <token>)');
    request.deskId = deskId;
    request.log = request.log.child({ deskId });
    reply.log = request.log;
  });
}

import type { FastifyInstance } from 'fastify';

/**
 * Desks call the API from a page of their own origin (`kvikdesk://app` in Electron, the web
 * build's in Chromium), so every answer says any origin may read it, and a preflight is answered
 * before the token check (a browser sends no Authorization header with it). `*` is safe here:
 * a desk proves itself with a bearer token it sends on purpose, never with cookies, so another
 * site gains nothing from the browser.
 */
export function allowDeskOrigins(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'retry-after, x-request-id');
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined) return;
    reply.header('access-control-allow-methods', 'GET, POST, PUT');
    reply.header('access-control-allow-headers', 'authorization, content-type, x-request-id');
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });
}

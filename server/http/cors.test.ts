import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { allowDeskOrigins } from './cors';

function app() {
  const server = Fastify();
  allowDeskOrigins(server);
  server.register(async (scope) => {
    // As the real API: every route behind a bearer-token check.
    scope.addHook('onRequest', async (request, reply) => {
      if (request.headers.authorization !== 'Bearer ok') return reply.code(401).send({ error: { code: 'unauthorized', message: 'no' } });
    });
    scope.post('/v1/push', async () => ({ results: [] }));
  });
  return server;
}

describe('a desk page may call the API from its own origin', () => {
  it('answers the browser preflight before the token check', async () => {
    const reply = await app().inject({
      method: 'OPTIONS',
      url: '/v1/push',
      headers: { origin: 'kvikdesk://app', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(reply.statusCode).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-methods']).toContain('POST');
    expect(reply.headers['access-control-allow-headers']).toContain('authorization');
  });

  it('lets the page read answers, refusals and Retry-After too', async () => {
    const ok = await app().inject({ method: 'POST', url: '/v1/push', headers: { authorization: 'Bearer ok', origin: 'http://127.0.0.1:4444' }, payload: {} });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    const refused = await app().inject({ method: 'POST', url: '/v1/push', payload: {} });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.headers['access-control-expose-headers']).toContain('retry-after');
  });

  it('an OPTIONS that is not a preflight gets no preflight answer', async () => {
    const reply = await app().inject({ method: 'OPTIONS', url: '/v1/push' });
    expect(reply.statusCode).not.toBe(204);
    expect(reply.headers['access-control-allow-methods']).toBeUndefined();
  });
});

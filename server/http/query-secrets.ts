import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

/**
 * A token belongs in the `Authorization` header only (SYNC.md, "Trust"): a query string ends up in
 * access logs, proxies' logs and browser history. A request that carries one there is refused
 * before anything else looks at it, and the log never shows its value.
 */
const secretName = /^(access[_-]?token|token|auth|authorization|bearer|api[_-]?key|secret|password)$/i;

function queryOf(url: string): URLSearchParams | null {
  const at = url.indexOf('?');
  return at < 0 ? null : new URLSearchParams(url.slice(at + 1));
}

/** The names of query parameters in `url` that look like a secret. */
export function secretsInQuery(url: string): string[] {
  const query = queryOf(url);
  return query ? [...new Set([...query.keys()].filter((name) => secretName.test(name)))] : [];
}

/** `url` as a log may show it: the value of every secret-looking parameter replaced. */
export function redactUrl(url: string): string {
  const query = queryOf(url);
  if (!query || secretsInQuery(url).length === 0) return url;
  for (const name of [...query.keys()]) if (secretName.test(name)) query.set(name, '[redacted]');
  return `${url.slice(0, url.indexOf('?'))}?${query.toString()}`;
}

/** Every request: `400` when its query string carries a token, before the token check. */
export function refuseSecretsInQuery(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const names = secretsInQuery(request.url);
    if (names.length === 0) return;
    request.log.warn({ parameters: names }, 'refused a token in the query string');
    return sendError(reply, 400, 'bad_request', `send the token in the Authorization header, never in the query string (${names.join(', ')})`);
  });
}

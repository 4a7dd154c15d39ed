import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  devicesResponseSchema,
  errorResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  referenceResponseSchema,
  syncPaths,
} from '../../../shared/sync/protocol';

/**
 * Calls the API through `app.inject` (the whole Fastify stack, no socket) and parses each answer
 * with the protocol's own schemas: a response that drifts from the contract fails the test.
 */
export function apiClient(app: FastifyInstance, token: string) {
  const headers = { authorization: `Bearer ${token}` };

  async function get<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return schema.parse(res.json());
  }

  return {
    async push(events: readonly unknown[]) {
      const res = await app.inject({ method: 'POST', url: syncPaths.push, headers, payload: { events } });
      if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
      return pushResponseSchema.parse(res.json()).results;
    },
    pull: (after = 0, limit?: number) =>
      get(`${syncPaths.pull}?after=${after}${limit === undefined ? '' : `&limit=${limit}`}`, pullResponseSchema),
    devices: (after?: string, limit?: number) => {
      const query = new URLSearchParams();
      if (after !== undefined) query.set('after', after);
      if (limit !== undefined) query.set('limit', String(limit));
      return get(`${syncPaths.devices}?${query.toString()}`, devicesResponseSchema);
    },
    reference: (since?: number) => get(since === undefined ? syncPaths.reference : `${syncPaths.reference}?since=${since}`, referenceResponseSchema),
    /** Everything after `after`, page by page. */
    async pullAll(after = 0, limit = 1000) {
      const all = [];
      for (;;) {
        const page = await this.pull(after, limit);
        all.push(...page.events);
        after = page.last;
        if (!page.more) return all;
      }
    },
  };
}

export function errorOf(body: string) {
  return errorResponseSchema.parse(JSON.parse(body)).error;
}

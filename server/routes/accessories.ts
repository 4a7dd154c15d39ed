import type { FastifyInstance } from 'fastify';
import { accessoryPaths, accessoryPullQuerySchema, accessoryPushBodySchema } from '../../shared/accessories/protocol';
import { describeIssues } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { readAccessoryEvents, storeAccessoryPush } from '../accessories/push';

/** The accessories' stream: push and pull (`shared/accessories/protocol.ts`). */
export function accessoryRoutes(app: FastifyInstance, db: Database): void {
  app.post(accessoryPaths.push, async (request, reply) => {
    const body = accessoryPushBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad_request', `expected { events: [...] }: ${describeIssues(body.error)}`);
    const results = await storeAccessoryPush(db, request.deskId, body.data.events);
    request.log.info({ events: results.length, refused: results.filter((r) => r.status === 'invalid').length }, 'accessory push stored');
    return { results };
  });

  app.get(accessoryPaths.pull, async (request, reply) => {
    const query = accessoryPullQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    return readAccessoryEvents(db, query.data.after, query.data.limit);
  });
}

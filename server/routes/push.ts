import type { FastifyInstance } from 'fastify';
import { describeIssues, pushBodySchema, syncLimits, syncPaths, type PushResponse, type PushResultStatus } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { storePush } from '../sync/push';

export function pushRoute(app: FastifyInstance, db: Database): void {
  app.post(syncPaths.push, async (request, reply) => {
    const body = pushBodySchema.safeParse(request.body);
    if (!body.success)
      return sendError(reply, 400, 'bad_request', `expected { events: [...] } with 1–${syncLimits.pushMaxEvents} events: ${describeIssues(body.error)}`);
    const results = await storePush(db, request.deskId, body.data.events);
    const counts: Record<PushResultStatus, number> = { accepted: 0, duplicate: 0, conflict: 0, invalid: 0 };
    let lastSeq: number | undefined;
    for (const result of results) {
      counts[result.status] += 1;
      if ('seq' in result) lastSeq = Math.max(lastSeq ?? 0, result.seq);
    }
    request.log.info({ events: results.length, ...counts, lastSeq }, 'push stored');
    return { results } satisfies PushResponse;
  });
}

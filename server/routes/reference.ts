import type { FastifyInstance } from 'fastify';
import { describeIssues, referenceQuerySchema, syncPaths } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { readReference } from '../reference/read';

export function referenceRoute(app: FastifyInstance, db: Database): void {
  app.get(syncPaths.reference, async (request, reply) => {
    const query = referenceQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    return readReference(db, query.data.since);
  });
}

import type { FastifyInstance } from 'fastify';
import { syncPaths } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { readReference } from '../reference/read';

export function referenceRoute(app: FastifyInstance, db: Database): void {
  app.get(syncPaths.reference, async () => readReference(db));
}

import type { FastifyInstance } from 'fastify';
import { SYNC_API_VERSION, syncPaths, type HealthResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { readHead } from '../sync/read';

/** No token needed. Reads the head, so "ok" means the database answers too (503 otherwise). */
export function healthRoute(app: FastifyInstance, db: Database): void {
  app.get(syncPaths.health, async () => ({
    status: 'ok',
    apiVersion: SYNC_API_VERSION,
    head: await readHead(db),
  }) satisfies HealthResponse);
}

import type { FastifyInstance } from 'fastify';
import { describeIssues, devicesQuerySchema, pullQuerySchema, syncLimits, syncPaths } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { readDevices, readEvents } from '../sync/read';

/** Byte budgets of one page; the protocol's by default, smaller in tests. */
export interface PageBudgets {
  pullMaxBytes: number;
  devicesMaxBytes: number;
}

export function pullRoutes(app: FastifyInstance, db: Database, budgets: PageBudgets = syncLimits): void {
  app.get(syncPaths.pull, async (request, reply) => {
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    const page = await readEvents(db, query.data.after, query.data.limit, budgets.pullMaxBytes);
    request.log.info({ after: query.data.after, events: page.events.length, last: page.last, more: page.more }, 'pull');
    return page;
  });

  app.get(syncPaths.devices, async (request, reply) => {
    const query = devicesQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    const page = await readDevices(db, query.data.after, query.data.limit, budgets.devicesMaxBytes);
    request.log.info({ devices: page.devices.length, asOf: page.asOf, next: page.next }, 'devices snapshot');
    return page;
  });
}

import type { FastifyInstance } from 'fastify';
import { may } from '../../shared/auth/roles';
import { referenceSchemas, referenceTables, type ReferenceTable } from '../../shared/domain/reference';
import { describeIssues, referenceEditBodySchema, referenceQuerySchema, syncPaths } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { operatorRoles } from '../operators/operators';
import { readReference } from '../reference/read';
import { writeReferenceRows } from '../reference/write';

export function referenceRoute(app: FastifyInstance, db: Database): void {
  app.get(syncPaths.reference, async (request, reply) => {
    const query = referenceQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    return readReference(db, query.data.since);
  });

  // A team lead's edit from a desk. The same check as a pushed event's: once operators are set
  // up, only one whose role may edit reference data (prices are part of the models) is heard.
  app.put<{ Params: { table: string } }>(`${syncPaths.reference}/:table`, async (request, reply) => {
    const table = request.params.table as ReferenceTable;
    if (!referenceTables.includes(table)) return sendError(reply, 404, 'not_found', `no reference table ${request.params.table}`);
    const body = referenceEditBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad_request', describeIssues(body.error));
    const roles = await operatorRoles(db);
    const role = roles.get(body.data.operator);
    if (roles.size > 0 && (role === undefined || !may(role, 'reference.edit') || (table === 'models' && !may(role, 'prices.edit'))))
      return sendError(reply, 403, 'not_permitted', `operator ${body.data.operator} may not edit reference data`);
    const rows = [];
    for (const [i, raw] of body.data.rows.entries()) {
      const row = referenceSchemas[table].safeParse(raw);
      if (!row.success) return sendError(reply, 400, 'bad_request', `row ${i + 1}: ${describeIssues(row.error)}`);
      rows.push(row.data);
    }
    const revision = await writeReferenceRows(db, table, rows);
    request.log.info({ table, rows: rows.length, operator: body.data.operator, revision }, 'reference edited');
    return { revision };
  });
}

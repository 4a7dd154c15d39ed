import type { FastifyInstance } from 'fastify';
import type { LinePlan } from '../../shared/import/plan';
import { deviceImportBodySchema, describeIssues, syncLimits, syncPaths, type DeviceImportResponse, type ImportLine } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { importDevices } from '../import/devices';
import { operatorMay } from '../operators/operators';

/**
 * A team lead's device import from a desk: the same import as the command line's
 * (`import devices`), the file sent as text. The body may be as large as the whole fleet, and no
 * larger; the operator's role must allow `devices.import`.
 */
const importIdleMs = 5 * 60_000;

export function importRoute(app: FastifyInstance, db: Database): void {
  app.post(syncPaths.importDevices, { bodyLimit: syncLimits.importMaxBytes }, async (request, reply) => {
    const body = deviceImportBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad_request', describeIssues(body.error));
    const { operator, fileName, csv, dryRun, skipInvalid } = body.data;
    if (!(await operatorMay(db, operator, ['devices.import']))) return sendError(reply, 403, 'not_permitted', `operator ${operator} may not import devices`);
    // The whole fleet takes longer than the idle time a connection is otherwise given (no bytes
    // flow while the server plans and writes).
    // (`inject`'s stand-in socket has no timer.)
    if (typeof request.raw.socket?.setTimeout === 'function') request.raw.socket.setTimeout(importIdleMs);
    const result = await importDevices(db, csv, { source: fileName, dryRun, skipInvalid, operator });
    request.log.info({ operator, fileName, dryRun, counts: result.plan.counts, written: result.written }, 'device import');
    return {
      ...(result.file.problem ? { problem: result.file.problem } : {}),
      counts: result.plan.counts,
      ignored: result.file.columns.ignored,
      lines: result.plan.lines.map(toLine),
      written: result.written,
    } satisfies DeviceImportResponse;
  });
}

function toLine(plan: LinePlan): ImportLine {
  switch (plan.outcome) {
    case 'create':
      return { line: plan.line, outcome: 'create', key: plan.key, status: (plan.event.data as { status?: string }).status };
    case 'change':
      return { line: plan.line, outcome: 'change', key: plan.key, fields: plan.fields };
    case 'unchanged':
      return { line: plan.line, outcome: 'unchanged', key: plan.key };
    case 'refused':
      return { line: plan.line, outcome: 'refused', ...(plan.key ? { key: plan.key } : {}), code: plan.refusal.code, ...(plan.refusal.value ? { value: plan.refusal.value.slice(0, 200) } : {}), reason: plan.refusal.message.slice(0, 1000) };
  }
}

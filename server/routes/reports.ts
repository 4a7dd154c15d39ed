import type { FastifyInstance, FastifyRequest } from 'fastify';
import { lockoutRules } from '../../shared/auth/lockout';
import { verifyPin } from '../../shared/auth/pin';
import { localDayOf } from '../../shared/reports/calendar';
import { centralReport, centralReportNames, centralReportQuerySchema } from '../../shared/reports/central';
import { defaultReportSettings } from '../../shared/reports/settings';
import { tableToCsv } from '../../shared/reports/tables';
import { describeIssues } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { operatorMay } from '../operators/operators';
import { PinGuard } from '../operators/pin-guard';
import { readCentralReportData } from '../reports/read';

export const reportsPath = '/v1/reports';

/** The operator who asks, in headers (never the query string: a PIN in a URL ends up in logs). */
export const operatorHeaders = { operator: 'x-kvik-operator', pin: 'x-kvik-pin' } as const;

/**
 * Who may read the reports: a team lead, by operator id and PIN. A trial server without operators
 * answers any desk, as it takes any operator's events.
 */
async function readerRefusal(db: Database, request: FastifyRequest, guard: PinGuard): Promise<string | null> {
  const rows = await db.query('SELECT id, pin_hash FROM operators');
  if (rows.length === 0) return null;
  const id = request.headers[operatorHeaders.operator];
  const pin = request.headers[operatorHeaders.pin];
  const asked = `the reports need a team lead's operator id and PIN (${operatorHeaders.operator}, ${operatorHeaders.pin})`;
  if (typeof id !== 'string' || typeof pin !== 'string') return asked;
  if (guard.isLocked(id)) return `operator ${id} is locked for a while after ${lockoutRules.attempts} wrong PINs`;
  const row = rows.find((r) => String(r.id) === id);
  const right = row !== undefined && (await verifyPin(pin, String(row.pin_hash ?? '')));
  guard.record(id, right);
  if (!right) return asked;
  return (await operatorMay(db, id, ['reports.view'])) ? null : `operator ${id} may not read the reports`;
}

/**
 * `GET /v1/reports/<daily|trend|department|monthly|statement>?…`: a report as JSON, or one of its
 * tables as CSV (`format=csv&table=<id>`), computed from PostgreSQL with the desk's own functions
 * (`shared/reports/central.ts`).
 */
export function reportsRoute(app: FastifyInstance, db: Database, guard = new PinGuard()): void {
  app.get<{ Params: { report: string } }>(`${reportsPath}/:report`, async (request, reply) => {
    if (!(centralReportNames as readonly string[]).includes(request.params.report))
      return sendError(reply, 404, 'not_found', `no report ${request.params.report}; there are ${centralReportNames.join(', ')}`);
    const query = centralReportQuerySchema.safeParse({ ...(request.query as object), report: request.params.report });
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    const refusal = await readerRefusal(db, request, guard);
    if (refusal) return sendError(reply, 403, 'not_permitted', refusal);

    const settings = defaultReportSettings;
    const today = query.data.today ?? localDayOf(Date.now(), settings.timeZone);
    const data = await readCentralReportData(db, query.data, today, settings);
    const result = centralReport(query.data, data, today, settings);
    request.log.info({ report: query.data.report, devices: data.devices.length }, 'report');
    if (query.data.format === 'json') return result.report;

    const wanted = query.data.table;
    const table = wanted === undefined ? result.tables[0] : result.tables.find((t) => t.id === wanted);
    if (!table) return sendError(reply, 404, 'not_found', `no table ${wanted ?? ''}; there are ${result.tables.map((t) => t.id).join(', ')}`);
    // The finance export's Danish import headers whatever the language; the rest for people.
    const csv = tableToCsv(table, { language: query.data.lang, header: table.id === 'finance' ? 'key' : 'label' });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${result.name}-${table.id}.csv"`)
      .send(csv);
  });
}

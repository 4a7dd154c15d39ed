import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { reportFileLimits } from '../../shared/domain/limits';
import { lockoutRules } from '../../shared/auth/lockout';
import { verifyPin } from '../../shared/auth/pin';
import { localDayOf } from '../../shared/reports/calendar';
import { centralReport, centralReportNames, centralReportQuerySchema, reportsTakingIntuneFile } from '../../shared/reports/central';
import { defaultReportSettings } from '../../shared/reports/settings';
import { tableToCsv } from '../../shared/reports/tables';
import { describeIssues } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { operatorMay } from '../operators/operators';
import { PinGuard } from '../operators/pin-guard';
import { keepIntuneEvidence } from '../reports/intune-evidence';
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

/** The name an Intune export is known by (`?file=`) when the request does not give one. */
const postedFileName = z.string().trim().min(1).max(260).catch('intune.csv');

/**
 * `GET /v1/reports/<daily|trend|department|monthly|statement|replacement|unused>?…`: a report as
 * JSON, or one of its tables as CSV (`format=csv&table=<id>`), computed from PostgreSQL with the
 * desk's own functions (`shared/reports/central.ts`, `shared/fleet/central-fleet.ts`).
 * `POST /v1/reports/<intune|unused>?file=<name>` with an Intune "All devices" export as the body
 * (`text/csv`, at most `reportFileLimits.maxChars`): the reconciliation, and the unused devices with
 * the export as their evidence. The server keeps a posted export's evidence (`intune_evidence`):
 * `GET unused` and the monthly summary count the unused devices it showed until the next one.
 */
export function reportsRoute(app: FastifyInstance, db: Database, guard = new PinGuard()): void {
  // The export as text, whatever its size up to the limit; everything else stays JSON.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: reportFileLimits.maxChars }, (_request, body, done) => done(null, body));
  const answer = async (request: FastifyRequest<{ Params: { report: string } }>, reply: FastifyReply, intuneText?: string) => {
    if (!(centralReportNames as readonly string[]).includes(request.params.report))
      return sendError(reply, 404, 'not_found', `no report ${request.params.report}; there are ${centralReportNames.join(', ')}`);
    const query = centralReportQuerySchema.safeParse({ ...(request.query as object), report: request.params.report });
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    if (query.data.report === 'intune' && intuneText === undefined)
      return sendError(reply, 400, 'bad_request', `the Intune reconciliation needs the export: POST it to ${reportsPath}/intune as text/csv`);
    const refusal = await readerRefusal(db, request, guard);
    if (refusal) return sendError(reply, 403, 'not_permitted', refusal);

    const settings = defaultReportSettings;
    const today = query.data.today ?? localDayOf(Date.now(), settings.timeZone);
    const file = (request.query as { file?: unknown }).file;
    const intune = intuneText === undefined ? undefined : { name: postedFileName.parse(file), text: intuneText, at: Date.now() };
    const data = await readCentralReportData(db, query.data, today, settings, intune);
    const result = centralReport(query.data, data, today, settings);
    // A posted export is the unused devices' evidence from now on, as on the desk.
    if (result.evidence) await keepIntuneEvidence(db, result.evidence);
    request.log.info({ report: query.data.report, devices: data.fleet?.devices.length ?? data.devices.length }, 'report');
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
  };
  app.get<{ Params: { report: string } }>(`${reportsPath}/:report`, (request, reply) => answer(request, reply));
  app.post<{ Params: { report: string }; Body: unknown }>(`${reportsPath}/:report`, { bodyLimit: reportFileLimits.maxChars }, (request, reply) => {
    if (!reportsTakingIntuneFile.has(request.params.report)) return sendError(reply, 400, 'bad_request', `${request.params.report} is read with GET; only ${[...reportsTakingIntuneFile].join(' and ')} take an Intune export`);
    if (typeof request.body !== 'string' || request.body.length === 0) return sendError(reply, 400, 'bad_request', 'the body is the Intune export itself, as text/csv');
    return answer(request, reply, request.body);
  });
}

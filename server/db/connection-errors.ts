/** Socket errors that mean "the database is not there", not "the query was wrong". */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server that is going away or not accepting connections. */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres reports a lost connection by message only. */
const lostConnection = /connection terminated|connection error|not queryable|timeout exceeded when trying to connect|pool (is|was) (closed|ended)|cannot use a pool after calling end/i;

/** Whether `error` says the database is unreachable (retry later) rather than the request is wrong. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && (socketCodes.has(code) || unavailableStates.has(code) || code.startsWith('08'))) return true;
  if (error instanceof AggregateError && error.errors.some(isConnectionError)) return true;
  return lostConnection.test(error.message);
}

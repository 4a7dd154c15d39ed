/**
 * Errors that say "the database will not store this content" (a NUL or a broken surrogate in
 * jsonb, text it cannot convert, a value out of range or over a size limit), as opposed to "the
 * database is away" (`connection-errors.ts`) or a bug. SQLSTATE class 22 is "data exception",
 * 54 "program limit exceeded". Retrying the same content cannot help: it is answered per event.
 */
export function isContentError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return false;
  return error.code.startsWith('22') || error.code.startsWith('54');
}

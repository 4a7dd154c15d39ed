import { employeeCardId } from '../scan/parse';

/**
 * The barcode text of an employee card the desk prints (`KVIK:EMP:<id>`; `parseScan` reads it
 * back as `employee`), or `null` for an id a card cannot carry (spaces, letters outside ASCII).
 */
export function employeeCardCode(employeeId: string): string | null {
  return employeeCardId.test(employeeId) ? `KVIK:EMP:${employeeId}` : null;
}

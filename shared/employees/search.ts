import type { Employee } from '../domain/reference';

/** One employee as the search sees it: every text a person may type to find them, folded once. */
export interface SearchableEmployee {
  employee: Employee;
  departmentName: string;
  /** Name, id, e-mail, badge, department id and name, lower-case: a query matches any part of it. */
  text: string;
  name: string;
}

export interface EmployeeMatch {
  employee: Employee;
  departmentName: string;
  /**
   * Another match has the same name: the list must show department and e-mail, and nothing may be
   * chosen for the operator (two "Jens Hansen" are told apart only by those).
   */
  namesake: boolean;
}

const fold = (text: string) => text.toLocaleLowerCase('da').normalize('NFC');

/**
 * Builds the search's index once per change of the register (tens of thousands of employees), so
 * each keystroke only compares strings.
 */
export function searchableEmployees(employees: readonly Employee[], departmentNames: ReadonlyMap<string, string>): SearchableEmployee[] {
  return employees.map((employee) => {
    const departmentName = departmentNames.get(employee.department) ?? employee.department;
    const parts = [employee.name, employee.id, employee.email, employee.badge, employee.department, departmentName];
    return { employee, departmentName, text: fold(parts.filter(Boolean).join('\u0001')), name: fold(employee.name) };
  });
}

/**
 * The employees a query finds: every word of the query must occur somewhere in name, id, e-mail,
 * badge or department ("hans sof" finds Jens Hansen of Socialforvaltningen). Best first: the exact
 * id, then names starting with the query, then a word of the name starting with it, then the rest;
 * alphabetical within each.
 */
export function searchEmployees(index: readonly SearchableEmployee[], query: string, limit = 8): EmployeeMatch[] {
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const rank = (e: SearchableEmployee) =>
    fold(e.employee.id) === q ? 0 : e.name.startsWith(q) ? 1 : e.name.split(/\s+/).some((w) => w.startsWith(words[0] as string)) ? 2 : 3;
  const found = index
    .filter((e) => words.every((word) => e.text.includes(word)))
    .map((e) => ({ e, rank: rank(e) }))
    .sort((a, b) => a.rank - b.rank || a.e.name.localeCompare(b.e.name, 'da') || a.e.employee.id.localeCompare(b.e.employee.id))
    .slice(0, limit);
  const nameCount = new Map<string, number>();
  for (const { e } of found) nameCount.set(e.name, (nameCount.get(e.name) ?? 0) + 1);
  return found.map(({ e }) => ({ employee: e.employee, departmentName: e.departmentName, namesake: (nameCount.get(e.name) ?? 0) > 1 }));
}

/**
 * The employee Enter may choose without a click: the only match, or an exact id. With namesakes
 * or several matches nothing is chosen — Enter taking the first "Jens Hansen" books the device to
 * the wrong person.
 */
export function enterChoice(matches: readonly EmployeeMatch[], query: string): Employee | undefined {
  const exact = matches.find((m) => fold(m.employee.id) === fold(query.trim()));
  if (exact) return exact.employee;
  return matches.length === 1 ? matches[0]?.employee : undefined;
}

/**
 * The employee a scanned card or badge names: a `KVIK:EMP:` card by id, a badge by its badge
 * number, else by id (registers that use the badge number as the employee id). Case is ignored.
 */
export function employeeForScan(employees: readonly Employee[], scan: { value: string; via: 'card' | 'badge' }): Employee | undefined {
  const value = fold(scan.value);
  if (scan.via === 'badge') {
    const byBadge = employees.find((e) => e.badge !== undefined && fold(e.badge) === value);
    if (byBadge) return byBadge;
  }
  return employees.find((e) => fold(e.id) === value);
}

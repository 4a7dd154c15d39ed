import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/reference';
import { employeeCardCode } from './card';
import { employeeForScan, enterChoice, searchableEmployees, searchEmployees } from './search';
import { parseScan } from '../scan/parse';

const employees: Employee[] = [
  { id: 'JH1', name: 'Jens Hansen', department: 'SOF', email: 'jens.hansen@sof.kk.dk' },
  { id: 'JH2', name: 'Jens Hansen', department: 'TMF', email: 'jhan@tmf.kk.dk' },
  { id: 'MJ7', name: 'Mette Jørgensen', department: 'BUF', email: 'mette.j@buf.kk.dk', badge: '96385074' },
  { id: 'AH3', name: 'Anne Hansen-Berg', department: 'SOF' },
  { id: 'PO4', name: 'Peter Østergaard', department: 'KFF', email: 'peter.o@kff.kk.dk' },
];
const departments = new Map([
  ['SOF', 'Socialforvaltningen'],
  ['TMF', 'Teknik- og Miljøforvaltningen'],
  ['BUF', 'Børne- og Ungdomsforvaltningen'],
  ['KFF', 'Kultur- og Fritidsforvaltningen'],
]);
const index = searchableEmployees(employees, departments);
const ids = (query: string) => searchEmployees(index, query).map((m) => m.employee.id);

describe('the employee search', () => {
  it('finds by any part of name, id, e-mail or department', () => {
    expect(ids('hansen')).toEqual(['AH3', 'JH1', 'JH2']);
    expect(ids('østergaard')).toEqual(['PO4']);
    expect(ids('mj7')).toEqual(['MJ7']);
    expect(ids('jhan@')).toEqual(['JH2']);
    expect(ids('miljø')).toEqual(['JH2']);
    expect(ids('BUF')).toEqual(['MJ7']);
    expect(ids('96385074')).toEqual(['MJ7']);
  });

  it('needs every word of the query, wherever it is', () => {
    expect(ids('hansen social')).toEqual(['AH3', 'JH1']);
    expect(ids('jens tmf')).toEqual(['JH2']);
    expect(ids('jens buf')).toEqual([]);
  });

  it('puts the exact id first, then names that start with the query', () => {
    expect(ids('JH2')).toEqual(['JH2']);
    // "Anne …" starts with it; the Hansens only hold it inside a word.
    expect(ids('an')).toEqual(['AH3', 'JH1', 'JH2']);
    // A word of the name starting with it comes before a match inside a word or in the e-mail.
    expect(ids('hansen')[0]).toBe('AH3');
    expect(ids('ber')).toEqual(['AH3']);
  });

  it('marks people with the same name, and shows their department and e-mail', () => {
    const matches = searchEmployees(index, 'jens hansen');
    expect(matches.map((m) => [m.employee.id, m.namesake, m.departmentName, m.employee.email])).toEqual([
      ['JH1', true, 'Socialforvaltningen', 'jens.hansen@sof.kk.dk'],
      ['JH2', true, 'Teknik- og Miljøforvaltningen', 'jhan@tmf.kk.dk'],
    ]);
    expect(searchEmployees(index, 'mette')[0]?.namesake).toBe(false);
  });

  it('lets Enter choose only the one match or an exact id, never the first of two namesakes', () => {
    expect(enterChoice(searchEmployees(index, 'jens hansen'), 'jens hansen')).toBeUndefined();
    expect(enterChoice(searchEmployees(index, 'jens hansen tmf'), 'jens hansen tmf')?.id).toBe('JH2');
    expect(enterChoice(searchEmployees(index, 'jh1'), 'jh1')?.id).toBe('JH1');
    expect(enterChoice(searchEmployees(index, 'hansen'), 'hansen')).toBeUndefined();
  });

  it('finds nothing for an empty query, and stops at the limit', () => {
    expect(ids('  ')).toEqual([]);
    expect(searchEmployees(index, 'e', 2)).toHaveLength(2);
  });
});

describe('employee cards and badges', () => {
  it('prints a card that parseScan reads back as the same employee', () => {
    for (const employee of employees) {
      const code = employeeCardCode(employee.id);
      const scan = parseScan(code ?? '');
      expect(scan.kind).toBe('employee');
      if (scan.kind === 'employee') expect(employeeForScan(employees, scan)).toBe(employee);
    }
  });

  it('prints no card for an id a barcode card cannot carry', () => {
    expect(employeeCardCode('Jens Hansen')).toBeNull();
  });

  it('finds a badge by its badge number, else by id, ignoring case', () => {
    expect(employeeForScan(employees, { value: '96385074', via: 'badge' })?.id).toBe('MJ7');
    expect(employeeForScan(employees, { value: 'PO4', via: 'badge' })?.id).toBe('PO4');
    expect(employeeForScan(employees, { value: 'jh1', via: 'card' })?.id).toBe('JH1');
    expect(employeeForScan(employees, { value: '96385074', via: 'card' })).toBeUndefined();
  });
});

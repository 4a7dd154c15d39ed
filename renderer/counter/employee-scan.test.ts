import { describe, expect, it } from 'vitest';
import { msUntilIdle, workflowForEmployeeScan } from './employee-scan';

describe('the counter', () => {
  it('starts a handout from any workflow, a return in the return workflow', () => {
    for (const mode of ['receive', 'prepare', 'handout', 'repair', 'lookup']) expect(workflowForEmployeeScan(mode)).toBe('handout');
    expect(workflowForEmployeeScan('return')).toBe('return');
  });

  it('lets the employee go after the idle minutes since the last scan, not before', () => {
    const last = Date.parse('2026-12-01T09:00:00Z');
    expect(msUntilIdle(last, last + 3 * 60_000 - 1, 3)).toBe(1);
    expect(msUntilIdle(last, last + 3 * 60_000, 3)).toBe(0);
    expect(msUntilIdle(last, last + 60_000, 3)).toBe(120_000);
    expect(msUntilIdle(last, last + 10 * 60_000, 3)).toBe(0);
  });
});

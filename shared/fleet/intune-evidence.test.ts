import { describe, expect, it } from 'vitest';
import { evidenceOfExport } from './intune-evidence';

describe('the evidence of an Intune export', () => {
  it('is the unused devices, the file and the day of an export with lines read', () => {
    expect(evidenceOfExport({ lines: 2, unused: [{ key: 'imei:1' }] }, 'AllDevices.csv', '2026-12-02')).toEqual({ unused: ['imei:1'], file: 'AllDevices.csv', day: '2026-12-02' });
  });

  it('is none from a file of which no line was read, rather than every handed-out device unused', () => {
    expect(evidenceOfExport({ lines: 0, unused: [{ key: 'imei:1' }, { key: 'imei:2' }] }, 'afdelinger.csv', '2026-12-02')).toBeNull();
  });
});

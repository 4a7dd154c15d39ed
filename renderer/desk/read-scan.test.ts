import { describe, expect, it } from 'vitest';
import { readScan } from './read-scan';

const settings = { assetTagPattern: '^KK\\d{6}$' };

describe('readScan, the one way every screen reads a scan', () => {
  it('keeps the symbology a HID scanner or the camera reported apart: a GS1 label stays GS1', () => {
    const gs1 = { raw: '0105728657070492\u001d21F17ZK0QHN72J', symbology: ']C1' };
    expect(readScan(gs1, settings)).toEqual({ kind: 'serial', value: 'F17ZK0QHN72J', gtin: '05728657070492' });
    // Without it the same characters are not read as GS1 at all.
    expect(readScan({ raw: gs1.raw }, settings).kind).not.toBe('serial');
  });

  it("applies the desk's asset-tag pattern", () => {
    expect(readScan({ raw: 'kk123456' }, settings)).toEqual({ kind: 'asset_tag', value: 'KK123456' });
  });
});

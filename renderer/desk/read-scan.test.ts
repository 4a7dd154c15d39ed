import { describe, expect, it } from 'vitest';
import { readScan, scanFieldValue } from './read-scan';

const settings = { badgePattern: '', assetTagPattern: '^KK\\d{6}$' };

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

describe('scanFieldValue: what a scan fills into a focused form field', () => {
  it("gives a GTIN field the box label's GTIN as the box prints it, from an EAN-13 or from inside a GS1 label", () => {
    expect(scanFieldValue('gtin', { raw: '5728657070492' }, settings)).toBe('5728657070492');
    expect(scanFieldValue('gtin', { raw: '0105728657070492\u001d21F17ZK0QHN72J', symbology: ']C1' }, settings)).toBe('5728657070492');
  });

  it('gives anything else, and a label with no GTIN, as read', () => {
    expect(scanFieldValue('gtin', { raw: 'F17ZK0QHN72J' }, settings)).toBe('F17ZK0QHN72J');
    expect(scanFieldValue('text', { raw: '5728657070492' }, settings)).toBe('5728657070492');
  });
});

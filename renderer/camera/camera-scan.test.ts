import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/scan/parse';
import { scanText } from '../../shared/scan/scan-event';
import { cameraScan } from './camera-scan';

describe('cameraScan', () => {
  it('makes a camera ScanEvent that parses like any other scan', () => {
    const scan = cameraScan({ text: '354381079141772', format: 'Code128', symbology: ']C0' }, 'Logitech BRIO', 1_700_000_000_000);
    expect(scan).toEqual({ raw: '354381079141772', source: 'camera', scanner: 'Logitech BRIO', symbology: ']C0', format: 'Code128', at: 1_700_000_000_000 });
    expect(scan && parseScan(scanText(scan))).toMatchObject({ kind: 'imei', value: '354381079141772' });
  });

  it('keeps the GS1 identifier, so a GS1-128 serial label is read as GTIN + serial', () => {
    const scan = cameraScan({ text: '010950110102091721ABC123', format: 'Code128', symbology: ']C1' }, 'cam', 0);
    expect(scan && parseScan(scanText(scan))).toMatchObject({ kind: 'serial', value: 'ABC123' });
  });

  it('drops an identifier it does not know and a text too long to be a label', () => {
    expect(cameraScan({ text: 'ABC123', format: 'QRCode', symbology: '' }, '', 0)).toEqual({ raw: 'ABC123', source: 'camera', scanner: 'camera', format: 'QRCode', at: 0 });
    expect(cameraScan({ text: 'x'.repeat(5000), format: 'QRCode', symbology: ']Q1' }, 'cam', 0)).toBeNull();
  });
});

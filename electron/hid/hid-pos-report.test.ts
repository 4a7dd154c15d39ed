import { describe, expect, it } from 'vitest';
import { parseHidPosReport } from './hid-pos-report';
import { garbage, gs1Reports, imeiReport, imeiText, plainReport, plainText } from './testing/recorded-reports';

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('parseHidPosReport', () => {
  it('reads the Honeywell-style layout: length, AIM id, data, code id, continued flag', () => {
    const parsed = parseHidPosReport(imeiReport);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report).toMatchObject({ reportId: 2, layout: 'aim', symbology: ']C0', continued: false, vendorCode: 0x6a });
    expect(text(parsed.report.data)).toBe(imeiText);
  });

  it('reads the continued flag from bit 0 of the last byte', () => {
    const [first, last] = gs1Reports.map(parseHidPosReport);
    expect(first).toMatchObject({ ok: true, report: { symbology: ']d2', continued: true } });
    expect(last).toMatchObject({ ok: true, report: { symbology: ']d2', continued: false } });
    if (first?.ok) expect(first.report.data.length).toBe(56);
    if (last?.ok) expect(text(last.report.data)).toBe('A\u001d17261231');
  });

  it('reads the plain layout (no AIM id) from byte 2', () => {
    const parsed = parseHidPosReport(plainReport);
    expect(parsed).toMatchObject({ ok: true, report: { layout: 'plain', continued: false } });
    if (parsed.ok) {
      expect(text(parsed.report.data)).toBe(plainText);
      expect(parsed.report.symbology).toBeUndefined();
    }
  });

  it('reads an AIM-layout report with zeros where the AIM id goes, and a report shorter than 64 bytes', () => {
    const noAim = new Uint8Array(64);
    noAim.set([0x02, 4, 0, 0, 0, 0x41, 0x42, 0x43, 0x44]);
    expect(parseHidPosReport(noAim)).toMatchObject({ ok: true, report: { layout: 'aim', continued: false } });

    const short = new Uint8Array(32);
    short.set([0x02, 24, 0x5d, 0x45, 0x30, ...Array.from('590123412345', (c) => c.charCodeAt(0))]);
    short[31] = 1;
    const parsed = parseHidPosReport(short);
    expect(parsed).toMatchObject({ ok: true, report: { symbology: ']E0', continued: true } });
    // 32 bytes leave room for 24 data bytes in the AIM layout.
    expect(parseHidPosReport(Uint8Array.from(short, (b, i) => (i === 1 ? 25 : b)))).toMatchObject({ ok: false, problem: 'bad_length' });
  });

  it('refuses what is not a scanned-data report, saying why', () => {
    expect(parseHidPosReport(garbage.otherReportId)).toMatchObject({ ok: false, problem: 'unknown_report', detail: expect.stringContaining('0x01') });
    expect(parseHidPosReport(garbage.runt)).toMatchObject({ ok: false, problem: 'too_short' });
    expect(parseHidPosReport(garbage.impossibleLength)).toMatchObject({ ok: false, problem: 'bad_length', detail: expect.stringContaining('240') });
    expect(parseHidPosReport(new Uint8Array(0))).toMatchObject({ ok: false, problem: 'too_short' });
  });
});

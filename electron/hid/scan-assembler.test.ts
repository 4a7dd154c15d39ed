import { describe, expect, it } from 'vitest';
import { bytesToText, ScanAssembler } from './scan-assembler';
import { garbage, gs1Reports, gs1Text, imeiReport, imeiText, serialReport, serialText } from './testing/recorded-reports';

describe('ScanAssembler', () => {
  it('turns a one-report scan into a scan', () => {
    const events = new ScanAssembler().push(imeiReport, 1000);
    expect(events).toEqual([{ kind: 'scan', scan: { raw: imeiText, symbology: ']C0', reports: 1, startedAt: 1000, at: 1000 } }]);
  });

  it('joins a scan sent over two reports', () => {
    const assembler = new ScanAssembler();
    expect(assembler.push(gs1Reports[0], 1000)).toEqual([]);
    expect(assembler.hasPartialScan).toBe(true);
    expect(assembler.push(gs1Reports[1], 1004)).toEqual([{ kind: 'scan', scan: { raw: gs1Text, symbology: ']d2', reports: 2, startedAt: 1000, at: 1004 } }]);
    expect(assembler.hasPartialScan).toBe(false);
  });

  it('drops a partial scan whose next part never comes, and reads the next scan', () => {
    const assembler = new ScanAssembler({ partTimeoutMs: 500 });
    assembler.push(gs1Reports[0], 1000);
    expect(assembler.expire(1400)).toBeUndefined();
    const events = assembler.push(imeiReport, 2000);
    expect(events.map((e) => e.kind)).toEqual(['problem', 'scan']);
    expect(events[0]).toMatchObject({ problem: 'scan_timed_out', detail: expect.stringContaining('partial scan dropped (1 report(s), 56 bytes)') });
    expect(events[1]).toMatchObject({ scan: { raw: imeiText } });
  });

  it('drops a partial scan when a report of another symbology cuts in', () => {
    const assembler = new ScanAssembler();
    assembler.push(gs1Reports[0], 0);
    const events = assembler.push(serialReport, 5);
    expect(events).toEqual([
      { kind: 'problem', problem: 'scan_interrupted', detail: expect.stringContaining(']C0 report came in the middle of a ]d2 scan') },
      { kind: 'scan', scan: expect.objectContaining({ raw: serialText }) },
    ]);
  });

  it('reports garbage, skips it, and drops a scan it cut through', () => {
    const assembler = new ScanAssembler();
    expect(assembler.push(garbage.otherReportId, 0)).toEqual([{ kind: 'problem', problem: 'unknown_report', detail: expect.any(String) }]);
    assembler.push(gs1Reports[0], 1);
    const events = assembler.push(garbage.impossibleLength, 2);
    expect(events.map((e) => (e.kind === 'problem' ? e.problem : e.kind))).toEqual(['bad_length', 'scan_interrupted']);
    // The next scan reads normally.
    expect(assembler.push(imeiReport, 3)).toEqual([{ kind: 'scan', scan: expect.objectContaining({ raw: imeiText }) }]);
  });

  it('drops a scan longer than a ScanEvent may be', () => {
    const assembler = new ScanAssembler({ maxBytes: 100 });
    assembler.push(gs1Reports[0], 0);
    const events = assembler.push(gs1Reports[0], 1);
    expect(events).toEqual([{ kind: 'problem', problem: 'scan_too_long', detail: expect.stringContaining('more than 100 bytes') }]);
    expect(assembler.hasPartialScan).toBe(false);
  });

  it('abort() drops a partial scan and says so; nothing to say when there is none', () => {
    const assembler = new ScanAssembler();
    expect(assembler.abort('unplugged')).toBeUndefined();
    assembler.push(gs1Reports[0], 0);
    expect(assembler.abort('unplugged')).toEqual({ kind: 'problem', problem: 'scan_interrupted', detail: expect.stringContaining('unplugged') });
  });
});

describe('bytesToText', () => {
  it('reads UTF-8 where it is valid and Latin-1 where it is not', () => {
    expect(bytesToText(Uint8Array.from([0x41, 0xc3, 0xb8]))).toBe('Aø');
    expect(bytesToText(Uint8Array.from([0x41, 0xf8]))).toBe('Aø');
  });
});

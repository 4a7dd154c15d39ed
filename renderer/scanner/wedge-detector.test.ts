import { describe, expect, it } from 'vitest';
import { between, personKeys, scannerKeys, seeded } from './testing/keyboards';
import { WedgeDetector, type KeyVerdict, type WedgeKey, type WedgeOptions, type WedgeScan } from './wedge-detector';

interface Fed {
  verdicts: Array<{ key: WedgeKey; verdict: KeyVerdict }>;
  scans: WedgeScan[];
}

function feedAll(keys: WedgeKey[], options: Partial<WedgeOptions> = {}, detector = new WedgeDetector(options)): Fed {
  const verdicts = keys.map((key) => ({ key, verdict: detector.feed(key) }));
  const scans = verdicts.flatMap(({ verdict }) => (verdict.scan ? [verdict.scan] : []));
  return { verdicts, scans };
}

const swallowed = (fed: Fed) => fed.verdicts.filter((v) => v.verdict.swallow).map((v) => v.key.key);
const scannerGap = (seed: number) => {
  const random = seeded(seed);
  return () => between(random, 2, 20);
};

describe('WedgeDetector: scanners', () => {
  it('reads an IMEI sent with keys 2–20 ms apart and Enter, swallowing from the fourth key on', () => {
    const keys = scannerKeys('356938035643809', { start: 1000, gap: scannerGap(1), terminator: 'Enter' });
    const fed = feedAll(keys);
    expect(fed.scans).toHaveLength(1);
    expect(fed.scans[0]).toMatchObject({ raw: '356938035643809', ending: 'Enter', keys: 15, startedAt: 1000 });
    expect(fed.scans[0]?.corrected).toBeUndefined();
    // The first three keys reach the page (nobody can tell yet), the rest and the Enter do not.
    expect(fed.verdicts.slice(0, 3).map((v) => v.verdict.swallow)).toEqual([false, false, false]);
    expect(swallowed(fed)).toEqual([...'938035643809', 'Enter']);
    expect(fed.verdicts[0]?.verdict.startsRun).toBe(true);
  });

  it('keeps the first keys of a scan that arrived late on a busy PC (one gap up to endAfterMs)', () => {
    // The PC stalled 45 ms after the first key; the scanner itself is steady at 5 ms.
    const gaps = [45, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    let i = 0;
    const fed = feedAll(scannerKeys('352099009074390', { start: 0, gap: () => gaps[i++] ?? 5, terminator: 'Enter' }));
    expect(fed.scans.map((s) => s.raw)).toEqual(['352099009074390']);
    expect(fed.verdicts[0]?.verdict.startsRun).toBe(true);
    expect(fed.verdicts.slice(1).some((v) => v.verdict.startsRun)).toBe(false);
  });

  it('keeps reading over many random scanner timings', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const fed = feedAll(scannerKeys('C02XK1ABJG5H', { start: 0, gap: scannerGap(seed), terminator: 'Tab' }));
      expect(fed.scans.map((s) => [s.raw, s.ending])).toEqual([['C02XK1ABJG5H', 'Tab']]);
    }
  });

  it('reads upper case with the Shift keydowns a scanner sends between the characters', () => {
    const keys = scannerKeys('SN:AB-12', { start: 0, gap: () => 8, terminator: 'Enter' });
    expect(keys.filter((k) => k.key === 'Shift').length).toBe(5);
    expect(feedAll(keys).scans[0]?.raw).toBe('SN:AB-12');
  });

  it('ends a scan with no terminator after the silence, through silence(now) or through the next key', () => {
    const options = { expectTerminator: false };
    const detector = new WedgeDetector(options);
    feedAll(scannerKeys('ABC12345', { start: 0, gap: () => 10, terminator: null }), options, detector);
    expect(detector.silenceDueAt).toBe(70 + 60);
    // Silence is measured from the last key's own time, not from when the clock is asked.
    expect(detector.silence(129)).toEqual({});
    expect(detector.silence(130).scan).toMatchObject({ raw: 'ABC12345', ending: 'timeout', endedAt: 70 });
    expect(detector.silenceDueAt).toBeUndefined();

    const next = new WedgeDetector(options);
    feedAll(scannerKeys('ABC12345', { start: 0, gap: () => 10, terminator: null }), options, next);
    const verdict = next.feed({ key: 'x', code: 'KeyX', shiftKey: false, ctrlKey: false, altKey: false, time: 500 });
    expect(verdict).toMatchObject({ swallow: false, startsRun: true, scan: { raw: 'ABC12345', ending: 'timeout' } });
  });

  it('tolerates one slow key inside a proven scan rather than splitting it', () => {
    const gaps = [5, 5, 5, 5, 45, 5, 5, 5];
    let i = 0;
    const fed = feedAll(scannerKeys('123456789', { start: 0, gap: () => gaps[i++] ?? 5, terminator: 'Enter' }));
    expect(fed.scans.map((s) => s.raw)).toEqual(['123456789']);
  });

  it('keeps a scan whole when its first key lags behind (a slow first gap)', () => {
    const person = personKeys('ipad', 0, seeded(5));
    const last = person.at(-1)?.time ?? 0;
    const gaps = [40, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    let i = 0;
    const scanner = scannerKeys('356938035643809', { start: last + 95, gap: () => gaps[i++] ?? 5, terminator: 'Enter' });
    const fed = feedAll([...person, ...scanner]);
    expect(fed.scans).toMatchObject([{ raw: '356938035643809', startedAt: last + 95, keys: 15 }]);
    // The person's "ipad" is not taken in: it ended 95 ms before the scan.
    expect(swallowed(fed)).not.toContain('d');
  });

  it('takes in at most the keys just before a scan that are each within endAfterMs of the next', () => {
    const keys = scannerKeys('AB', { start: 0, gap: () => 50, terminator: null });
    const scan = scannerKeys('C0123456', { start: 150, gap: () => 5, terminator: 'Enter' });
    // "B" came 100 ms before the scan: a person's key, not the scanner's.
    expect(feedAll([...keys, ...scan]).scans.map((s) => s.raw)).toEqual(['C0123456']);
    const close = scannerKeys('C0123456', { start: 100, gap: () => 5, terminator: 'Enter' });
    expect(feedAll([...keys, ...close]).scans.map((s) => s.raw)).toEqual(['ABC0123456']);
  });

  it('uses only the terminators configured', () => {
    const options = { terminators: ['Tab'] as const };
    const byTab = feedAll(scannerKeys('ABCD1234', { start: 0, gap: () => 5, terminator: 'Tab' }), options);
    expect(byTab.scans.map((s) => [s.raw, s.ending])).toEqual([['ABCD1234', 'Tab']]);
    // A person's Enter goes through.
    const enter = new WedgeDetector(options).feed({ key: 'Enter', code: 'Enter', shiftKey: false, ctrlKey: false, altKey: false, time: 0 });
    expect(enter.swallow).toBe(false);
  });

  it('does not take a short fast burst (a 3-character code) for a scan', () => {
    const fed = feedAll(scannerKeys('ABC', { start: 0, gap: () => 5, terminator: 'Enter' }));
    expect(fed.scans).toEqual([]);
    expect(swallowed(fed)).toEqual([]);
  });
});

describe('WedgeDetector: the end of a scan, by the keys\' own timestamps', () => {
  const imei = '352906114004528';

  it('joins keys handled late to their scan, even after silence was asked in between', () => {
    const detector = new WedgeDetector();
    const keys = scannerKeys(imei, { start: 0, gap: () => 5, terminator: 'Enter' });
    feedAll(keys.slice(0, 8), {}, detector);
    // The clock says 300 ms have passed since the last key: a terminator may still come.
    expect(detector.silence(335)).toEqual({});
    expect(feedAll(keys.slice(8), {}, detector).scans.map((s) => s.raw)).toEqual([imei]);
  });

  it('reports a scan without its terminator as incomplete, not as a scan, and completes it when the rest comes', () => {
    const detector = new WedgeDetector();
    const keys = scannerKeys(imei, { start: 0, gap: () => 5, terminator: 'Enter' });
    feedAll(keys.slice(0, 8), {}, detector);
    expect(detector.silenceDueAt).toBe(35 + 1000);
    expect(detector.silence(1035)).toMatchObject({ incomplete: { raw: '35290611', ending: 'timeout' } });
    expect(detector.silenceDueAt).toBeUndefined();
    // The rest, handled later still, continues the scan by its timestamps.
    const rest = feedAll(keys.slice(8), {}, detector);
    expect(rest.scans).toMatchObject([{ raw: imei, ending: 'Enter', startedAt: 0, keys: 15 }]);
    expect(swallowed(rest)).toEqual([...'4004528', 'Enter']);
  });

  it('ends an incomplete scan at the next key that comes too late to continue it', () => {
    const detector = new WedgeDetector();
    feedAll(scannerKeys('35290611', { start: 0, gap: () => 5, terminator: null }), {}, detector);
    const next = feedAll(scannerKeys('C02XK1ABJG5H', { start: 500, gap: () => 5, terminator: 'Tab' }), {}, detector);
    expect(next.verdicts.find((v) => v.key.key === 'C')?.verdict).toMatchObject({ startsRun: true, incomplete: { raw: '35290611' } });
    expect(next.scans.map((s) => s.raw)).toEqual(['C02XK1ABJG5H']);
  });

  it('learns that the scanner sends no terminator from the same text read twice without one, and unlearns it from a terminator', () => {
    const detector = new WedgeDetector();
    const label = (text: string, start: number, terminator: 'Enter' | null) => {
      const fed = feedAll(scannerKeys(text, { start, gap: () => 5, terminator }), {}, detector);
      const ended = detector.silence(start + 5000);
      return [...fed.scans, ...(ended.scan ? [ended.scan] : [])].map((s) => s.raw).concat((ended.incomplete ? [`incomplete ${ended.incomplete.raw}`] : []));
    };
    expect(detector.expectTerminator).toBe(true);
    expect(label('C02XK1ABJG5H', 0, null)).toEqual(['incomplete C02XK1ABJG5H']);
    expect(label('C02XK1ABJG5H', 10_000, null)).toEqual(['C02XK1ABJG5H']);
    expect(detector.expectTerminator).toBe(false);
    expect(detector.silenceDueAt).toBeUndefined();
    expect(label('356938035643809', 20_000, null)).toEqual(['356938035643809']);
    expect(label('KVIK:DONE', 30_000, 'Enter')).toEqual(['KVIK:DONE']);
    expect(detector.expectTerminator).toBe(true);
    expect(label('356938035643809', 40_000, null)).toEqual(['incomplete 356938035643809']);
  });

  it('never waits for a terminator when none is configured', () => {
    const detector = new WedgeDetector({ terminators: [] });
    expect(detector.expectTerminator).toBe(false);
    feedAll(scannerKeys('ABCD1234', { start: 0, gap: () => 5, terminator: null }), {}, detector);
    expect(detector.silence(100).scan?.raw).toBe('ABCD1234');
  });

  it('reports the late rest of a scan already delivered by silence as incomplete, never as a scan of its own', () => {
    const options = { expectTerminator: false };
    const detector = new WedgeDetector(options);
    const keys = scannerKeys(imei, { start: 0, gap: () => 5, terminator: 'Enter' });
    feedAll(keys.slice(0, 8), options, detector);
    expect(detector.silence(200).scan?.raw).toBe('35290611');
    const rest = feedAll(keys.slice(8), options, detector);
    expect(rest.scans).toEqual([]);
    expect(rest.verdicts.at(-1)?.verdict.incomplete?.raw).toBe(imei);
    expect(swallowed(rest)).toEqual([...'4004528', 'Enter']);
    // Its Enter showed the scanner sends one: from now on a scan waits for it.
    expect(detector.expectTerminator).toBe(true);
  });

  it('swallows a terminator that comes late after a scan delivered by silence, and reports nothing more', () => {
    const options = { expectTerminator: false };
    const detector = new WedgeDetector(options);
    const keys = scannerKeys(imei, { start: 0, gap: () => 5, terminator: 'Enter' });
    feedAll(keys.slice(0, -1), options, detector);
    expect(detector.silence(200).scan?.raw).toBe(imei);
    const enter = feedAll(keys.slice(-1), options, detector);
    expect(enter.verdicts[0]?.verdict).toEqual({ swallow: true, startsRun: false });
    // A person's Enter later goes through.
    expect(detector.feed({ ...keys.at(-1)!, time: 2000 }).swallow).toBe(false);
  });

  it('never ends a person\'s run by silence: the first keys of a late scan are kept', () => {
    const detector = new WedgeDetector();
    const keys = scannerKeys(imei, { start: 0, gap: () => 5, terminator: 'Enter' });
    feedAll(keys.slice(0, 3), {}, detector);
    expect(detector.silenceDueAt).toBeUndefined();
    expect(detector.silence(10_000)).toEqual({});
    expect(feedAll(keys.slice(3), {}, detector).scans).toMatchObject([{ raw: imei, startedAt: 0 }]);
  });
});

describe('WedgeDetector: people', () => {
  const sentences = [
    'the quick brown fox jumps over the lazy dog\n',
    'iphone 13 returned with cracked screen\n',
    'search 3569 for the ipad in room 4.12\n',
    'Ok thanks, handed out to Mette at 10:30\n',
  ];

  it('never takes a fast typist (40–150 ms, rolls over 2–3 keys at 8–30 ms) for a scanner', () => {
    let keysTyped = 0;
    let shortGaps = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const text = sentences[seed % sentences.length] ?? '';
      const keys = personKeys(text, 0, random);
      const chars = keys.filter((k) => k.key !== 'Shift');
      chars.forEach((k, i) => {
        const prev = chars[i - 1];
        if (prev && k.time - prev.time <= 25) shortGaps += 1;
      });
      keysTyped += chars.length;
      const fed = feedAll(keys);
      expect(fed.scans).toEqual([]);
      expect(swallowed(fed)).toEqual([]);
    }
    // The typist really does roll keys under the scanner threshold now and then.
    expect(shortGaps).toBeGreaterThan(keysTyped * 0.05);
  });

  it('lets a person type and press Enter right after a scan', () => {
    const detector = new WedgeDetector();
    const scan = feedAll(scannerKeys('356938035643809', { start: 0, gap: () => 6, terminator: 'Enter' }), {}, detector);
    expect(scan.scans).toHaveLength(1);
    const person = feedAll(personKeys('note 1\n', 400, seeded(7)), {}, detector);
    expect(person.scans).toEqual([]);
    expect(swallowed(person)).toEqual([]);
  });

  it('separates a person typing from a scan that follows shortly after', () => {
    const detector = new WedgeDetector();
    const person = feedAll(personKeys('abc', 0, seeded(3)), {}, detector);
    const last = person.verdicts.at(-1)?.key.time ?? 0;
    const scan = feedAll(scannerKeys('SERIAL123', { start: last + 90, gap: () => 7, terminator: 'Enter' }), {}, detector);
    expect(scan.scans.map((s) => s.raw)).toEqual(['SERIAL123']);
    expect(scan.verdicts.find((v) => v.key.key === 'S')?.verdict.startsRun).toBe(true);
  });

  it('never takes a held key (auto-repeat ~30/s) for a scanner', () => {
    const keys: WedgeKey[] = Array.from({ length: 20 }, (_, i) => ({ key: 'j', code: 'KeyJ', shiftKey: false, ctrlKey: false, altKey: false, time: i * 20, repeat: i > 0 }));
    keys.push({ key: 'Enter', code: 'Enter', shiftKey: false, ctrlKey: false, altKey: false, time: 420 });
    const fed = feedAll(keys);
    expect(fed.scans).toEqual([]);
    expect(swallowed(fed)).toEqual([]);
  });

  it('breaks a run on a key that types nothing (Backspace, shortcuts)', () => {
    const detector = new WedgeDetector();
    const keys: WedgeKey[] = [
      { key: 'a', code: 'KeyA', shiftKey: false, ctrlKey: false, altKey: false, time: 0 },
      { key: 'b', code: 'KeyB', shiftKey: false, ctrlKey: false, altKey: false, time: 10 },
      { key: 'Backspace', code: 'Backspace', shiftKey: false, ctrlKey: false, altKey: false, time: 20 },
      { key: 'c', code: 'KeyC', shiftKey: false, ctrlKey: false, altKey: false, time: 30 },
      { key: 'v', code: 'KeyV', shiftKey: false, ctrlKey: true, altKey: false, time: 40 },
      { key: 'd', code: 'KeyD', shiftKey: false, ctrlKey: false, altKey: false, time: 50 },
    ];
    const fed = feedAll(keys, {}, detector);
    expect(swallowed(fed)).toEqual([]);
    expect(detector.silenceDueAt).toBeUndefined();
    expect(detector.silence(10_000)).toEqual({});
  });
});

describe('WedgeDetector: GS1 group separator', () => {
  const gs1 = '0104012345678901' + '21ABC123' + '\u001d' + '10LOT7';

  it('keeps GS sent as Ctrl+] as \\u001d (US PC)', () => {
    const fed = feedAll(scannerKeys(gs1, { start: 0, gap: () => 4, terminator: 'Enter' }));
    expect(fed.scans.map((s) => s.raw)).toEqual([gs1]);
  });

  it('keeps GS sent as Ctrl+] on a Danish PC, where that key is a dead key', () => {
    const fed = feedAll(scannerKeys(gs1, { start: 0, gap: () => 4, host: 'da', terminator: 'Enter' }));
    expect(fed.scans.map((s) => s.raw)).toEqual([gs1]);
  });

  it('keeps GS sent as another configured key', () => {
    const f8 = { key: 'F8', code: 'F8', shiftKey: false, ctrlKey: false, altKey: false };
    const keys = scannerKeys(gs1, { start: 0, gap: () => 4, terminator: 'Enter', groupSeparator: f8 });
    // Not configured, F8 is a key that types nothing: the scan falls apart at it, and its first
    // part, which has no terminator, is not taken for a scan.
    const unconfigured = feedAll(keys);
    expect(unconfigured.scans.map((s) => s.raw)).toEqual(['10LOT7']);
    expect(unconfigured.verdicts.flatMap((v) => v.verdict.incomplete?.raw ?? [])).toEqual(['010401234567890121ABC123']);
    const fed = feedAll(keys, { groupSeparatorKeys: [{ key: 'F8' }] });
    expect(fed.scans.map((s) => s.raw)).toEqual([gs1]);
  });
});

describe('WedgeDetector: keyboard layout mismatch', () => {
  it('corrects a US-layout scanner on a Danish PC and says so', () => {
    const keys = scannerKeys('S/N: ABC-123', { start: 0, gap: () => 5, scanner: 'us', host: 'da', terminator: 'Enter' });
    // What the Danish layout makes of the scanner's keys:
    expect(keys.filter((k) => k.key.length === 1).map((k) => k.key).join('')).toBe('S-NÆ ABC+123');
    const [scan] = feedAll(keys).scans;
    expect(scan).toMatchObject({ raw: 'S/N: ABC-123', corrected: { from: 'S-NÆ ABC+123', layout: 'us' } });
  });

  it('corrects through dead keys (= and ] are dead keys on a Danish PC)', () => {
    const keys = scannerKeys('KVIK:MODE=A]', { start: 0, gap: () => 5, scanner: 'us', host: 'da', terminator: 'Enter' });
    const [scan] = feedAll(keys).scans;
    expect(scan?.raw).toBe('KVIK:MODE=A]');
    expect(scan?.corrected?.from).toBe('KVIKÆMODE\ufffdA\ufffd');
  });

  it('leaves a US scanner on a US PC and a Danish scanner on a Danish PC alone', () => {
    const us = feedAll(scannerKeys('S/N: ABC-123', { start: 0, gap: () => 5, terminator: 'Enter' })).scans[0];
    expect(us).toMatchObject({ raw: 'S/N: ABC-123' });
    expect(us?.corrected).toBeUndefined();
    expect(us?.usReading).toBeUndefined();

    const da = feedAll(scannerKeys('S/N: AB-1@2', { start: 0, gap: () => 5, scanner: 'da', host: 'da', terminator: 'Enter' })).scans[0];
    expect(da?.raw).toBe('S/N: AB-1@2');
    expect(da?.corrected).toBeUndefined();
  });

  it('offers the US reading, without correcting, when both readings are plain ASCII', () => {
    // A US scanner on a Danish PC scanning "AB-12": the PC types "AB+12", which could be meant.
    const keys = scannerKeys('AB-12', { start: 0, gap: () => 5, scanner: 'us', host: 'da', terminator: 'Enter' });
    expect(feedAll(keys).scans[0]).toMatchObject({ raw: 'AB+12', usReading: 'AB-12' });
    expect(feedAll(keys).scans[0]?.corrected).toBeUndefined();
    // Told the scanners are set to US, it corrects.
    expect(feedAll(keys, { scannerLayout: 'us' }).scans[0]).toMatchObject({ raw: 'AB-12', corrected: { from: 'AB+12', layout: 'us' } });
    // Told to trust the PC's layout, it neither corrects nor hints.
    const host = feedAll(keys, { scannerLayout: 'host' }).scans[0];
    expect(host?.raw).toBe('AB+12');
    expect(host?.usReading).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ScanDedupe } from './dedupe';

/** Feeds frames `everyMs` apart and collects what counts as a scan. */
function run(frames: ReadonlyArray<readonly string[]>, everyMs = 100, start = 0): string[] {
  const dedupe = new ScanDedupe();
  return frames.flatMap((codes, i) => dedupe.accept(codes, start + i * everyMs));
}

const repeat = <T,>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('ScanDedupe', () => {
  it('counts a label held in view for a minute once', () => {
    expect(run(repeat(600, ['354381079141772']))).toEqual(['354381079141772']);
  });

  it('counts it once through unreadable frames shorter than the hold time', () => {
    const frames = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? ['A1'] : []));
    expect(run(frames)).toEqual(['A1']);
    // 1.9 s without a read, then the same code: still the same scan.
    expect(run([['A1'], ...repeat(19, []), ['A1']])).toEqual(['A1']);
  });

  it('counts the same code again after an empty stretch of the hold time', () => {
    expect(run([['A1'], ...repeat(20, []), ['A1']])).toEqual(['A1', 'A1']);
    expect(run([['A1'], ...repeat(25, []), ['A1'], ['A1']])).toEqual(['A1', 'A1']);
  });

  it('counts a code again when a different code came in between', () => {
    expect(run([...repeat(5, ['A1']), ...repeat(6, ['B2']), ...repeat(3, ['A1'])])).toEqual(['A1', 'B2', 'A1']);
  });

  it('does not count again what it lost sight of only briefly while another code was read', () => {
    // Two labels in view, the decoder reading one or the other or both.
    const frames = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? ['A1'] : i % 3 === 1 ? ['B2'] : ['A1', 'B2']));
    expect(run(frames)).toEqual(['A1', 'B2']);
  });

  it('counts each code once when one frame holds several, and a duplicate in one frame once', () => {
    expect(run([['A1', 'B2', 'A1'], ['B2', 'A1']])).toEqual(['A1', 'B2']);
  });

  it('forgets everything on reset', () => {
    const dedupe = new ScanDedupe();
    expect(dedupe.accept(['A1'], 0)).toEqual(['A1']);
    dedupe.reset();
    expect(dedupe.accept(['A1'], 100)).toEqual(['A1']);
  });

  it('takes its times from the options', () => {
    const dedupe = new ScanDedupe({ holdMs: 300, switchMs: 100 });
    expect(dedupe.accept(['A1'], 0)).toEqual(['A1']);
    expect(dedupe.accept([], 200)).toEqual([]);
    expect(dedupe.accept(['A1'], 299)).toEqual([]);
    expect(dedupe.accept([], 600)).toEqual([]);
    expect(dedupe.accept(['A1'], 601)).toEqual(['A1']);
  });
});

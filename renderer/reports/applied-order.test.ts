import { describe, expect, it } from 'vitest';
import { inAppliedOrder } from './applied-order';

const event = (id: string, seq?: number) => ({ id, ...(seq === undefined ? {} : { seq }) });

describe('inAppliedOrder', () => {
  it('puts sequenced events in server order before the pending ones, which keep the order they came in', () => {
    const list = [event('p1'), event('s3', 3), event('p2'), event('s1', 1), event('s2', 2), event('p3')];
    expect(inAppliedOrder(list).map((e) => e.id)).toEqual(['s1', 's2', 's3', 'p1', 'p2', 'p3']);
  });

  it('leaves a list already in order as it is (the same array)', () => {
    const list = [event('s1', 1), event('s2', 5), event('p1'), event('p2')];
    expect(inAppliedOrder(list)).toBe(list);
    expect(list.map((e) => e.id)).toEqual(['s1', 's2', 'p1', 'p2']);
  });

  it('handles the empty and the single list', () => {
    expect(inAppliedOrder([])).toEqual([]);
    expect(inAppliedOrder([event('p1')]).map((e) => e.id)).toEqual(['p1']);
  });
});

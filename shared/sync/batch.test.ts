import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/builders';
import { utf8Length } from '../domain/limits';
import { takePushBatch } from './batch';

const KEY = 'imei:354381079141772';

describe('takePushBatch', () => {
  const events = Array.from({ length: 1200 }, () => makeEvent('note', KEY));

  it('takes at most the event limit', () => {
    expect(takePushBatch(events)).toBe(500);
    expect(takePushBatch(events.slice(0, 3))).toBe(3);
    expect(takePushBatch([])).toBe(0);
  });

  it('stops before the body would exceed the byte limit, counting the exact JSON body', () => {
    const long = Array.from({ length: 10 }, () => makeEvent('note', KEY, { data: { text: 'æ'.repeat(2000) } }));
    const one = utf8Length(JSON.stringify(long[0]));
    const count = takePushBatch(long, { maxBytes: 3 * one + 40 });
    expect(count).toBe(3);
    const body = JSON.stringify({ events: long.slice(0, count) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(3 * one + 40);
    expect(Buffer.byteLength(JSON.stringify({ events: long.slice(0, count + 1) }))).toBeGreaterThan(3 * one + 40);
  });

  it('says 0 when the first event alone is too large', () => {
    expect(takePushBatch(events, { maxBytes: 50 })).toBe(0);
  });
});

describe('utf8Length', () => {
  it('agrees with Node for ASCII, Danish letters, CJK and emoji', () => {
    for (const text of ['', 'abc', 'Økonomiforvaltningen', '漢字', 'ok 📱 ok', '\ud800 lone surrogate'])
      expect(utf8Length(text)).toBe(Buffer.byteLength(text));
  });
});

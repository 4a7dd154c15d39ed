import { describe, expect, it } from 'vitest';
import { filterFromHash, registerHref } from './register-link';

describe('register link', () => {
  it('carries a filter through the address and back', () => {
    const filter = { statuses: ['ready' as const], models: ['IP13'], text: '4001136', title: 'Klar: iPhone 13 & co' };
    expect(filterFromHash(registerHref(filter))).toEqual(filter);
    expect(registerHref({})).toBe('#/enheder');
    expect(filterFromHash('#/enheder')).toEqual({});
  });

  it('opens the whole register for a broken or hostile filter, and nothing for another address', () => {
    expect(filterFromHash('#/enheder?f=%7Bnot json')).toEqual({});
    expect(filterFromHash(`#/enheder?f=${encodeURIComponent(JSON.stringify({ statuses: ['stolen'] }))}`)).toEqual({});
    expect(filterFromHash(`#/enheder?f=${encodeURIComponent(JSON.stringify({ text: 'x'.repeat(101) }))}`)).toEqual({});
    expect(filterFromHash('#/rapporter')).toBeNull();
    expect(filterFromHash('')).toBeNull();
  });
});

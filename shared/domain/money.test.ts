import { describe, expect, it } from 'vitest';
import { kronerForEditing, parseKroner, readPrice } from './money';

describe('parseKroner', () => {
  it('reads Danish amounts', () => {
    expect(parseKroner('400', 'da-DK')).toBe(40_000);
    expect(parseKroner('412,50', 'da-DK')).toBe(41_250);
    expect(parseKroner('1.250', 'da-DK')).toBe(125_000);
    expect(parseKroner(' 2.500,5 kr. ', 'da-DK')).toBe(250_050);
  });

  it('reads English amounts', () => {
    expect(parseKroner('412.50', 'en-GB')).toBe(41_250);
    expect(parseKroner('1,250', 'en-GB')).toBe(125_000);
    expect(parseKroner('DKK 400', 'en-GB')).toBe(40_000);
  });

  it('refuses what is not an amount in kroner and øre', () => {
    for (const text of ['', 'abc', '-400', '4,005', '400,', '1.25', '12.3.4']) expect(parseKroner(text, 'da-DK'), text).toBeNull();
  });
});

describe('readPrice', () => {
  it('reads a register\'s or a form\'s price cell, Danish first, as øre', () => {
    expect(['4599', '4.599,00', '4 599,50 kr.', '4599.5', '1.250', 'fire tusind', '1,250', ''].map(readPrice)).toEqual([
      459900, 459900, 459950, 459950, 125000, null, null, undefined,
    ]);
  });

  it('reads back what a form shows for editing', () => {
    for (const ore of [0, 5, 459950, 125000]) expect(readPrice(kronerForEditing(ore))).toBe(ore);
  });
});

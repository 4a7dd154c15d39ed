import { describe, expect, it } from 'vitest';
import { modelSchema } from '../domain/reference';
import { gtinAsPrinted } from './gs1';

describe('gtinAsPrinted', () => {
  it('shows a stored GTIN as its box prints it: EAN-13, EAN-8, or the 14 digits', () => {
    const stored = (gtin: string) => modelSchema.parse({ id: 'M', name: 'M', kind: 'phone', gtin }).gtin as string;
    expect(gtinAsPrinted(stored('0194253404675'))).toBe('0194253404675');
    expect(gtinAsPrinted(stored('5701234567899'))).toBe('5701234567899');
    // A UPC-A as an EAN-13 shows it: with its leading 0.
    expect(gtinAsPrinted(stored('012345678905'))).toBe('0012345678905');
    expect(gtinAsPrinted(stored('96385074'))).toBe('96385074');
    expect(gtinAsPrinted('15701234567896')).toBe('15701234567896');
    expect(gtinAsPrinted('not a gtin')).toBe('not a gtin');
  });
});

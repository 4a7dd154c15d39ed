import { describe, expect, it } from 'vitest';
import { addMonths, monthsElapsed, replacementDay, residualValue } from './depreciation';

describe('straight-line depreciation over 48 months', () => {
  const phone = { purchaseDate: '2024-03-15', purchasePrice: 480_000 };

  it('is the full price until the first month is complete, then loses a 48th a month', () => {
    expect(residualValue(phone, '2024-03-15')).toBe(480_000);
    expect(residualValue(phone, '2024-04-14')).toBe(480_000);
    expect(residualValue(phone, '2024-04-15')).toBe(470_000);
    expect(residualValue(phone, '2026-03-15')).toBe(240_000);
  });

  it('is worth nothing at four years, and never less than the floor', () => {
    expect(residualValue(phone, '2028-03-14')).toBe(10_000);
    expect(residualValue(phone, '2028-03-15')).toBe(0);
    expect(residualValue(phone, '2031-01-01')).toBe(0);
    expect(residualValue(phone, '2028-03-15', { residualFloorPercent: 10 })).toBe(48_000);
    expect(residualValue(phone, '2026-03-15', { residualFloorPercent: 10 })).toBe(240_000);
  });

  it('is the price before the purchase date and unknown without a date or price', () => {
    expect(residualValue(phone, '2023-01-01')).toBe(480_000);
    expect(residualValue({ purchasePrice: 100 }, '2026-01-01')).toBeUndefined();
    expect(residualValue({ purchaseDate: '2024-01-01' }, '2026-01-01')).toBeUndefined();
  });

  it('rounds to whole øre', () => {
    expect(residualValue({ purchaseDate: '2024-01-01', purchasePrice: 99_999 }, '2024-02-01')).toBe(97_916);
  });

  it('counts calendar months, the 31st ending on a short month’s last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(monthsElapsed('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsElapsed('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsElapsed('2024-05-10', '2024-05-09')).toBe(0);
    expect(replacementDay('2024-02-29')).toBe('2028-02-29');
    expect(replacementDay('2022-02-28')).toBe('2026-02-28');
  });
});

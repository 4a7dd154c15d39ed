import { describe, expect, it } from 'vitest';
import { assetTagSeriesSchema, assignSeriesTags, seriesTag } from './tag-series';

const series = assetTagSeriesSchema.parse({ prefix: 'kk', next: 123 });

describe('a desk’s asset-tag series', () => {
  it('writes the prefix and the number in its digits', () => {
    expect(seriesTag(series, 123)).toBe('KK000123');
    expect(seriesTag({ ...series, digits: 3 }, 1234)).toBe('KK1234');
  });

  it('gives the next tags to the devices without one, in order, each once, past tags already used', () => {
    const devices = [{ key: 'imei:1' }, { key: 'imei:2', assetTag: 'KK000001' }, { key: 'imei:3' }, { key: 'imei:1' }, { key: 'imei:4' }];
    const used = new Set(['KK000124']);
    expect(assignSeriesTags(devices, series, (tag) => used.has(tag))).toEqual({
      assignments: [
        { deviceKey: 'imei:1', assetTag: 'KK000123' },
        { deviceKey: 'imei:3', assetTag: 'KK000125' },
        { deviceKey: 'imei:4', assetTag: 'KK000126' },
      ],
      next: 127,
    });
  });

  it('refuses a prefix a barcode label cannot carry plainly', () => {
    expect(assetTagSeriesSchema.safeParse({ prefix: 'KK 1', next: 1 }).success).toBe(false);
    expect(assetTagSeriesSchema.safeParse({ prefix: '', next: 1 }).success).toBe(false);
  });
});

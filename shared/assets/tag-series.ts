import { z } from 'zod';

/**
 * A desk's series of asset tags: the prefix, how many digits the number has, and the next number
 * to give out (`KK` + 6 digits + 123 → `KK000123`). Each desk gives out its own series (its own
 * prefix or range): two desks on one series would print the same tag twice.
 */
export const assetTagSeriesSchema = z.object({
  prefix: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9-]+$/),
  digits: z.number().int().min(1).max(12).default(6),
  next: z.number().int().min(0).max(999_999_999_999),
});
export type AssetTagSeries = z.infer<typeof assetTagSeriesSchema>;

/** The tag of number `n` in the series, upper-cased as parseScan reads asset tags. */
export function seriesTag(series: AssetTagSeries, n: number): string {
  return `${series.prefix}${String(n).padStart(series.digits, '0')}`.toUpperCase();
}

export interface TagAssignment {
  deviceKey: string;
  assetTag: string;
}

/**
 * The next tags of the series for the devices that have none, in the order given, each device
 * once; a tag already on some device (`taken`) is skipped. Returns the tags and the series' next
 * number after them.
 */
export function assignSeriesTags(
  devices: ReadonlyArray<{ key: string; assetTag?: string | undefined }>,
  series: AssetTagSeries,
  taken: (tag: string) => boolean,
): { assignments: TagAssignment[]; next: number } {
  const assignments: TagAssignment[] = [];
  const seen = new Set<string>();
  let next = series.next;
  for (const device of devices) {
    if (device.assetTag || seen.has(device.key)) continue;
    seen.add(device.key);
    while (taken(seriesTag(series, next))) next++;
    assignments.push({ deviceKey: device.key, assetTag: seriesTag(series, next) });
    next++;
  }
  return { assignments, next };
}

/**
 * The id of a count or a disposal batch: a prefix, the location and the second it started
 * (`OT-LAGER-20261124T090512`): a person can read it aloud, it sorts by time, and a Code 128
 * label carries it. One desk starts at most one of each per location and second.
 */
export function warehouseId(prefix: 'OT' | 'BP', location: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${prefix}-${location}-${stamp}`;
}

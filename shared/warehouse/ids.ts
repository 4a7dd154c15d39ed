/**
 * The id of a count or a disposal batch: a prefix, the location and the millisecond it started
 * (`OT-LAGER-20261124T090512345`): a person can read it aloud, it sorts by time, and a Code 128
 * label carries it. Two started at the same location in the same millisecond would share it.
 */
export function warehouseId(prefix: 'OT' | 'BP', location: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').slice(0, 18);
  return `${prefix}-${location}-${stamp}`;
}

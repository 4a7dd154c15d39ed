import { assignSeriesTags } from '../../shared/assets/tag-series';
import { newEvent, type DeskContext } from '../desk/desk-context';
import type { KvikDb } from '../store/db';
import { recordEvent } from '../store/record';
import { loadSettings, saveSettings, type DeskSettings } from '../store/settings';

/**
 * Before labels are printed: each device without an asset tag gets the next tag of the desk's
 * series (a `tagged` event), so its label carries the tag. One transaction: the tags, their events
 * and the series' next number are written together, so a tag is never given out twice by this
 * desk, even after a crash. Returns the settings with the series moved on (unchanged without a
 * series, or when every device had a tag).
 */
export async function tagFromSeries(db: KvikDb, ctx: DeskContext, deviceKeys: readonly string[], now = new Date()): Promise<DeskSettings> {
  return db.transaction('rw', [db.devices, db.events, db.outbox, db.settings], async () => {
    const settings = await loadSettings(db);
    const series = settings.assetTagSeries;
    if (!series) return settings;
    const devices = (await db.devices.bulkGet([...new Set(deviceKeys)])).filter((d): d is NonNullable<typeof d> => d !== undefined && d.status !== 'disposed');
    const prefix = series.prefix.toUpperCase();
    const used = new Set((await db.devices.where('identifiers').startsWith(prefix).keys()).map(String));
    const { assignments, next } = assignSeriesTags(devices, series, (tag) => used.has(tag));
    if (assignments.length === 0) return settings;
    for (const { deviceKey, assetTag } of assignments) {
      const result = await recordEvent(db, newEvent(ctx, 'tagged', deviceKey, { assetTag, source: 'series' }, now));
      if (!result.ok) throw new Error(`${deviceKey}: ${result.refusal.code}`);
    }
    const moved = { ...settings, assetTagSeries: { ...series, next } };
    await saveSettings(db, moved);
    return moved;
  });
}

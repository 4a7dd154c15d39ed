import type { KvikDb } from '../store/db';
import { deviceLabelContent, type LabelContent } from './label-content';

/** The labels of these devices, in the order given (a batch's order), each once, with its model's name. */
export async function deviceLabels(db: KvikDb, deviceKeys: readonly string[], owner: string): Promise<LabelContent[]> {
  const keys = [...new Set(deviceKeys)];
  const devices = (await db.devices.bulkGet(keys)).filter((d) => d !== undefined);
  const models = new Map((await db.models.bulkGet([...new Set(devices.map((d) => d.model).filter((m) => m !== undefined))])).filter((m) => m !== undefined).map((m) => [m.id, m.name]));
  return devices.map((device) => deviceLabelContent(device, device.model ? (models.get(device.model) ?? device.model) : '', owner));
}

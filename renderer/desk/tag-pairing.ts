import type { Device } from '../../shared/domain/device';
import { deviceLabel } from './device-label';
import type { Message } from './workflows/workflow';

export type TagPairing =
  | { ok: true; deviceKey: string; data: { assetTag: string; source: 'preprinted' }; label: string }
  | { ok: false; message: Message };

/**
 * A pre-printed asset tag scanned in receive right after a device is linked to it (a `tagged`
 * event). `previous`: the device the batch's previous scan recorded; `holder`: a device that
 * already carries this tag, if any — a tag is never on two devices.
 */
export function tagPairing(previous: Device | undefined, assetTag: string, holder: Device | undefined): TagPairing {
  if (holder) return { ok: false, message: { key: 'feedback.tagInUse', params: { tag: assetTag, device: deviceLabel(holder) } } };
  if (!previous) return { ok: false, message: { key: 'feedback.tagNeedsDevice', params: { tag: assetTag } } };
  if (previous.assetTag) return { ok: false, message: { key: 'feedback.alreadyTagged', params: { tag: previous.assetTag, device: deviceLabel(previous) } } };
  return { ok: true, deviceKey: previous.key, data: { assetTag, source: 'preprinted' }, label: `${deviceLabel(previous)} · ${assetTag}` };
}

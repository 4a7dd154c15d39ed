import type { Device } from '../../shared/domain/device';
import { deviceLabel } from './device-label';
import type { Pairing } from './pairing';

export type TagPairing = Pairing<'tagged', { assetTag: string; source: 'preprinted' }>;

/**
 * A pre-printed asset tag scanned in receive right after a device is linked to it (a `tagged`
 * event). `previous`: the device the batch's previous scan recorded; `holder`: a device that
 * already carries this tag, if any — a tag is never on two devices.
 */
export function tagPairing(previous: Device | undefined, assetTag: string, holder: Device | undefined): TagPairing {
  if (holder) return { ok: false, tone: 'error', message: { key: 'feedback.tagInUse', params: { tag: assetTag, device: deviceLabel(holder) } } };
  if (!previous) return { ok: false, tone: 'error', message: { key: 'feedback.tagNeedsDevice', params: { tag: assetTag } } };
  if (previous.assetTag) return { ok: false, tone: 'error', message: { key: 'feedback.alreadyTagged', params: { tag: previous.assetTag, device: deviceLabel(previous) } } };
  return { ok: true, event: 'tagged', deviceKey: previous.key, data: { assetTag, source: 'preprinted' }, label: `${deviceLabel(previous)} · ${assetTag}` };
}

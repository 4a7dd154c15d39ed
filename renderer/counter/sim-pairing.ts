import type { Device } from '../../shared/domain/device';
import { deviceLabel } from '../desk/device-label';
import type { Pairing } from '../desk/pairing';

export type SimPairing = Pairing<'sim_paired', { iccid: string }>;

/**
 * A SIM card at the counter: its ICCID scanned in a handout right after the phone pairs it with
 * that phone (a `sim_paired` event; the lifecycle allows it only while the phone is handed out).
 * `phone`: the device the batch's previous scan recorded, if that scan recorded one.
 */
export function simPairing(phone: Device | undefined, iccid: string): SimPairing {
  if (!phone || phone.status !== 'assigned') return { ok: false, tone: 'error', message: { key: 'feedback.simNeedsPhone', params: { iccid } } };
  if (phone.sim === iccid) return { ok: false, tone: 'warning', message: { key: 'feedback.simAlreadyPaired', params: { iccid, device: deviceLabel(phone) } } };
  return { ok: true, event: 'sim_paired', deviceKey: phone.key, data: { iccid }, label: `${deviceLabel(phone)} · SIM ${iccid}` };
}

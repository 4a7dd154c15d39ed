import type { Device } from '../../shared/domain/device';
import { deviceLabel } from '../desk/device-label';
import type { Pairing } from '../desk/pairing';

export type SimPairing = Pairing<'sim_paired', { iccid: string }>;

/**
 * A SIM card at the counter: its ICCID scanned in a handout right after the phone pairs it with
 * that phone (a `sim_paired` event; the lifecycle allows it only while the phone is handed out).
 * `phone`: the device the batch's previous scan recorded, if that scan recorded one; `holder`: a
 * device this SIM was paired with before, if any. A SIM moving from a returned phone, or between
 * two phones of the same employee (an exchange), is fine; one in another employee's phone is a
 * wrong card in hand.
 */
export function simPairing(phone: Device | undefined, iccid: string, holder: Device | undefined): SimPairing {
  if (holder && holder.key !== phone?.key && holder.status === 'assigned' && holder.holder?.employeeId !== phone?.holder?.employeeId) return { ok: false, tone: 'error', message: { key: 'feedback.simInUse', params: { iccid, device: deviceLabel(holder) } } };
  if (!phone || phone.status !== 'assigned') return { ok: false, tone: 'error', message: { key: 'feedback.simNeedsPhone', params: { iccid } } };
  if (phone.sim === iccid) return { ok: false, tone: 'warning', message: { key: 'feedback.simAlreadyPaired', params: { iccid, device: deviceLabel(phone) } } };
  return { ok: true, event: 'sim_paired', deviceKey: phone.key, data: { iccid }, label: `${deviceLabel(phone)} · SIM ${iccid}` };
}

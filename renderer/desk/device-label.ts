import type { Device } from '../../shared/domain/device';

/** How the desk names a device in its messages: the identifier on its label. */
export function deviceLabel(device: Pick<Device, 'imei' | 'serial' | 'key'>): string {
  return device.imei ?? device.serial ?? device.key;
}

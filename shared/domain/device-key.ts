import type { DeviceKey } from './device';

/**
 * The deterministic key of a device, from its primary identifier: the IMEI for a device with a
 * modem, the serial number otherwise. Two desks that register the same device offline name it
 * the same way, so their events meet on one device.
 */
export function deviceKeyFor(ids: { imei?: string | undefined; serial?: string | undefined }): DeviceKey | null {
  if (ids.imei && /^\d{15}$/.test(ids.imei)) return `imei:${ids.imei}`;
  const serial = ids.serial?.trim().toUpperCase();
  if (serial && /^[\x20-\x7e]{1,64}$/.test(serial)) return `serial:${serial}`;
  return null;
}

/** What a person reads for a device: its IMEI or serial number as on its label, without the key's `imei:` / `serial:` prefix. */
export function identifierOf(key: string): string {
  const colon = key.indexOf(':');
  return key.startsWith('imei:') || key.startsWith('serial:') ? key.slice(colon + 1) : key;
}

import { deviceFilterSchema, type DeviceFilter } from '../../shared/register/device-filter';

/**
 * Where a report figure leads: the register's view of the devices behind it, as a `DeviceFilter`
 * (`shared/register/device-filter.ts`, the register screen's own filter) in the address, so the
 * register screen (`renderer/register/`) opens on exactly those devices. The filter is checked
 * both ways: what the address carries is another page's input.
 */
export const REGISTER_ROUTE = '#/register';

export function devicesHref(filter: DeviceFilter): string {
  return `${REGISTER_ROUTE}?filter=${encodeURIComponent(JSON.stringify(deviceFilterSchema.parse(filter)))}`;
}

/** The filter in an address made by `devicesHref`; null for anything else. */
export function filterOfHref(href: string): DeviceFilter | null {
  const prefix = `${REGISTER_ROUTE}?filter=`;
  const at = href.indexOf(prefix);
  if (at < 0) return null;
  try {
    const parsed = deviceFilterSchema.safeParse(JSON.parse(decodeURIComponent(href.slice(at + prefix.length))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

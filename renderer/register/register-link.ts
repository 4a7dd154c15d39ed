import { deviceFilterSchema, type DeviceFilter } from '../../shared/register/device-filter';

/**
 * The register's address: `#/enheder?f=<the filter as JSON>`. A report links "the devices behind
 * this figure" with it, the lookup and the desk open the register with a search, and the address
 * bar of a browser (or a bookmark) keeps a view. What comes in through an address is typed by
 * anyone: it is parsed with the filter's schema, and a broken one opens the whole register.
 */
const PATH = '#/enheder';

export function registerHref(filter: DeviceFilter = {}): string {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
  return Object.keys(clean).length === 0 ? PATH : `${PATH}?f=${encodeURIComponent(JSON.stringify(clean))}`;
}

/** The filter a `#/enheder…` address names; `null` when the address is not the register's. */
export function filterFromHash(hash: string): DeviceFilter | null {
  if (hash !== PATH && !hash.startsWith(`${PATH}?`)) return null;
  const encoded = new URLSearchParams(hash.slice(PATH.length + 1)).get('f');
  if (!encoded) return {};
  try {
    const parsed = deviceFilterSchema.safeParse(JSON.parse(encoded));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

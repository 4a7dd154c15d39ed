import { z } from 'zod';
import { hasValidGs1CheckDigit } from '../scan/check-digits';

/**
 * The accessory catalogue: chargers, cables, covers — counted, never serialised. Reference data
 * owned by the central inventory like the models (`PUT /v1/reference/accessories`, CSV import,
 * pulled at every sync). One row per accessory; its box GTINs and its low-stock level per
 * location are columns of the row (a "column set"), so the one reference machinery (Stamdata's
 * form and CSV import, the server's check and revisioned write, the desk's pull) carries it as is.
 */
export const accessoryKinds = ['charger', 'cable', 'cover', 'other'] as const;
export const accessoryKindSchema = z.enum(accessoryKinds);
export type AccessoryKind = z.infer<typeof accessoryKindSchema>;

/** Box GTINs per accessory (one product, several suppliers' boxes): enough, and a short cell. */
export const accessoryGtinsMax = 5;
/** Locations with a level of their own on one accessory (`*` for every other counts as one). */
export const accessoryLevelsMax = 100;
/** No level above this: a shelf of 100,000 chargers is a typing error. */
export const accessoryLevelMax = 100_000;

const gtinPattern = /^(\d{8}|\d{12,14})$/;

/**
 * The GTINs printed on the accessory's boxes, separated by spaces or commas; each kept as 14
 * digits, as `parseScan` gives it, so a box scan finds the accessory by plain comparison. The
 * check digit is checked: a GTIN that can never scan would only hide a typing error.
 */
export const accessoryGtinsSchema = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const gtins = text.split(/[\s,]+/).filter(Boolean);
    if (gtins.length === 0 || gtins.length > accessoryGtinsMax) {
      ctx.addIssue({ code: 'custom', message: `1–${accessoryGtinsMax} GTINs, separated by spaces or commas` });
      return z.NEVER;
    }
    for (const gtin of gtins)
      if (!gtinPattern.test(gtin) || !hasValidGs1CheckDigit(gtin)) {
        ctx.addIssue({ code: 'custom', message: `${gtin} is not a GTIN (8, 12, 13 or 14 digits with a right check digit)` });
        return z.NEVER;
      }
    return [...new Set(gtins.map((gtin) => gtin.padStart(14, '0')))].join(' ');
  });

/**
 * The low-stock level per location: `LOCATION:level` pairs separated by `;` or new lines, with
 * `*` for every location not named (`*:3; LAGER:40`). Stock at or below the level is low.
 * Written back in one canonical form (`*` first, then by location), so an edit that changes
 * nothing does not move the reference revision.
 */
export const accessoryLevelsSchema = z
  .string()
  .max(4000)
  .transform((text, ctx) => {
    const levels = new Map<string, number>();
    for (const part of text.split(/[;\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const match = /^(.+?)\s*[:=]\s*(\d{1,6})$/.exec(part);
      const location = match?.[1]?.trim();
      const level = Number(match?.[2]);
      if (!location || location.length > 64 || !Number.isInteger(level) || level > accessoryLevelMax) {
        ctx.addIssue({ code: 'custom', message: `"${part.slice(0, 80)}" is not LOCATION:level (a whole number up to ${accessoryLevelMax})` });
        return z.NEVER;
      }
      if (levels.has(location)) {
        ctx.addIssue({ code: 'custom', message: `location ${location} has two levels` });
        return z.NEVER;
      }
      levels.set(location, level);
    }
    if (levels.size > accessoryLevelsMax) {
      ctx.addIssue({ code: 'custom', message: `at most ${accessoryLevelsMax} locations` });
      return z.NEVER;
    }
    return formatLevels(levels);
  });

export const accessorySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  kind: accessoryKindSchema,
  gtin: accessoryGtinsSchema.optional(),
  levels: accessoryLevelsSchema.optional(),
  /** Deactivated: no longer scanned in (its GTIN is not recognised), still named where recorded. */
  active: z.boolean().optional(),
});
export type Accessory = z.infer<typeof accessorySchema>;

/** The levels as one canonical text: `*` first, then the locations in order. */
function formatLevels(levels: ReadonlyMap<string, number>): string {
  const keys = [...levels.keys()].sort((a, b) => (a === '*' ? -1 : b === '*' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => `${key}:${levels.get(key)}`).join('; ');
}

/** The accessory's GTINs as 14 digits each. */
export function gtinsOf(accessory: Pick<Accessory, 'gtin'>): string[] {
  return accessory.gtin ? accessory.gtin.split(' ') : [];
}

/**
 * The low-stock level of an accessory at a location: its own, else the `*` level, else none
 * (`undefined`: never low). Reads the canonical text the schema wrote.
 */
export function lowStockLevel(accessory: Pick<Accessory, 'levels'>, location: string): number | undefined {
  let fallback: number | undefined;
  for (const part of (accessory.levels ?? '').split('; ')) {
    const at = part.lastIndexOf(':');
    if (at <= 0) continue;
    const key = part.slice(0, at);
    const level = Number(part.slice(at + 1));
    if (key === location) return level;
    if (key === '*') fallback = level;
  }
  return fallback;
}

/** Stock at or below its level is low; an accessory with no level is never low. */
export function isLowStock(stock: number, level: number | undefined): boolean {
  return level !== undefined && stock <= level;
}

/**
 * Whose a scanned GTIN is: a device model's (the box of a phone: sets the model in receive), an
 * accessory's (counted stock), or both — a catalogue error the desk refuses rather than guess —,
 * or nobody's. Deactivated rows still answer (the desk says which is inactive); an active row
 * wins over a deactivated one with the same GTIN (a successor that took the GTIN over).
 */
export type GtinOwner<M, A> =
  | { kind: 'model'; model: M }
  | { kind: 'accessory'; accessory: A }
  | { kind: 'both'; model: M; accessory: A }
  | { kind: 'none' };

export function gtinOwner<M extends { gtin?: string | undefined; active?: boolean | undefined }, A extends Accessory>(
  gtin: string,
  models: readonly M[],
  accessories: readonly A[],
): GtinOwner<M, A> {
  const first = <T extends { active?: boolean | undefined }>(rows: readonly T[], has: (row: T) => boolean) =>
    rows.find((row) => has(row) && row.active !== false) ?? rows.find(has);
  const model = first(models, (m) => m.gtin === gtin);
  const accessory = first(accessories, (a) => gtinsOf(a).includes(gtin));
  if (model && accessory) {
    // A deactivated row gives way to an active one; two active rows are the catalogue's error.
    const modelActive = model.active !== false;
    const accessoryActive = accessory.active !== false;
    if (modelActive === accessoryActive) return { kind: 'both', model, accessory };
    return modelActive ? { kind: 'model', model } : { kind: 'accessory', accessory };
  }
  if (model) return { kind: 'model', model };
  if (accessory) return { kind: 'accessory', accessory };
  return { kind: 'none' };
}

import { z } from 'zod';
import { assetTagSeriesSchema } from '../../shared/assets/tag-series';
import { roleSchema } from '../../shared/auth/roles';
import type { ParseOptions } from '../../shared/scan/parse';
import { labelStockIds } from '../labels/stocks';
import type { KvikDb } from './db';

/** The desk's own settings, kept in its local store. */
export const deskSettingsSchema = z.object({
  deskId: z.string().trim().min(1).max(64),
  location: z.string().optional(),
  language: z.enum(['da', 'en']).default('da'),
  /** Regular expression source for the municipality's asset tags, e.g. `^KK\d{6}$`. */
  assetTagPattern: z.string().default(''),
  /**
   * Regular expression source for the municipality's employee badge numbers, e.g. `^KK-\d{7}$`:
   * a scan that matches is an employee (`parseScan`), found by badge number or id.
   */
  badgePattern: z.string().default(''),
  /**
   * The desk's own series of asset tags (`shared/assets/tag-series.ts`): when set, printing labels
   * gives each device without a tag the next one. Absent: devices keep the tags they came with.
   */
  assetTagSeries: assetTagSeriesSchema.optional(),
  /**
   * Minutes without a scan after which the employee of a handout or return is let go, so the next
   * person in the queue is never booked to the last one.
   */
  employeeIdleMinutes: z.number().int().min(1).max(240).default(3),
  /** The label stock this desk prints on (`renderer/labels/stocks.ts`). */
  labelStock: z.enum(labelStockIds).default('brother-62'),
  /** The terms of use printed on a handout receipt above the signature, in each language. */
  termsOfUse: z.object({ da: z.string().max(4000), en: z.string().max(4000) }).default({ da: '', en: '' }),
  sound: z.boolean().default(true),
  /** Days in stock after which a device counts as idle in the reports. */
  idleDays: z.number().int().min(1).max(3650).default(30),
  /**
   * How the keyboard wedge reads a scanner's keys (`renderer/scanner/wedge-detector.ts`): `auto`
   * re-reads a US-layout scanner on a Danish PC when that is provable, `us` always, `host` never.
   */
  scannerLayout: z.enum(['auto', 'us', 'host']).default('auto'),
  /** The camera panel on the desk screen is open (the decoder runs only then). */
  cameraOpen: z.boolean().default(false),
  /**
   * The camera the operator picked: its id, and its label to find it again when the browser hands
   * out new ids (site data cleared). Absent: the system's default camera.
   */
  cameraDeviceId: z.string().max(512).optional(),
  cameraLabel: z.string().max(256).optional(),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

/** Who is signed in at the desk; recorded on every event. Kept until sign-out, so a reload or a
 * power cut does not interrupt the queue. */
export const sessionSchema = z.object({
  operator: z.string().trim().min(1).max(64),
  location: z.string().min(1),
  since: z.string(),
  /** The operator's role, once operators come from the central inventory (`app/use-may.ts`). */
  role: roleSchema.optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const SETTINGS_KEY = 'desk';
export const SESSION_KEY = 'session';

export function defaultDeskId(random: () => number = Math.random): string {
  return `desk-${Math.floor(random() * 0xffff).toString(16).padStart(4, '0')}`;
}

export async function loadSettings(db: KvikDb): Promise<DeskSettings> {
  const row = await db.settings.get(SETTINGS_KEY);
  const parsed = deskSettingsSchema.safeParse(row?.value ?? {});
  if (parsed.success) return parsed.data;
  const fresh = deskSettingsSchema.parse({ deskId: defaultDeskId() });
  await db.settings.put({ key: SETTINGS_KEY, value: fresh });
  return fresh;
}

export async function saveSettings(db: KvikDb, settings: DeskSettings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: deskSettingsSchema.parse(settings) });
}

export async function loadSession(db: KvikDb): Promise<Session | null> {
  const row = await db.settings.get(SESSION_KEY);
  const parsed = sessionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveSession(db: KvikDb, session: Session | null): Promise<void> {
  if (session) await db.settings.put({ key: SESSION_KEY, value: sessionSchema.parse(session) });
  else await db.settings.delete(SESSION_KEY);
}

/** What `parseScan` needs from the settings: the desk's asset-tag and badge patterns. */
export function scanOptions(settings: Pick<DeskSettings, 'assetTagPattern' | 'badgePattern'>): ParseOptions {
  return { assetTagPattern: assetTagRegExp(settings.assetTagPattern), badgePattern: assetTagRegExp(settings.badgePattern) };
}

/** A pattern from the settings as a RegExp, or undefined when empty or not valid. */
export function assetTagRegExp(pattern: string): RegExp | undefined {
  if (!pattern.trim()) return undefined;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
}

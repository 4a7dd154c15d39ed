import { z } from 'zod';
import { defaultTimeZone, timeZoneSchema } from './calendar';

/** Øre per krone: amounts are whole øre (integers) until the moment they are shown or exported. */
export const ORE_PER_KRONE = 100;

const priceOre = z.number().int().nonnegative();

/** The makers' published lifecycle footprints behind the default CO₂e per reused device. */
export const DEFAULT_CO2E_SOURCE =
  'Producenternes livscyklusopgørelser: Apple Product Environmental Reports (iPhone ca. 60–70 kg CO₂e, iPad ca. 80–120 kg) og Dell/HP Product Carbon Footprints (bærbar erhvervs-pc ca. 300 kg CO₂e); ca. 80 % stammer fra fremstillingen.';

/**
 * What a team lead or the finance office may set for the reports; each has the default the issue
 * and the seeds name. Parsed at the edge (desk settings, server config), so the computations
 * receive complete, valid settings.
 */
export const reportSettingsSchema = z.object({
  timeZone: timeZoneSchema.default(defaultTimeZone),
  /** A device on the shelf for more days than this (in its current status) is reported idle. */
  idleDays: z.number().int().min(0).max(3650).default(30),
  /**
   * The yearly subscription per device, in øre, per kind. The seeds name about 400 kr per mobile
   * device and year (seed 002, table 1); PCs default to the same until finance sets their price.
   */
  pricePerYearOre: z
    .object({
      phone: priceOre.default(40_000),
      tablet: priceOre.default(40_000),
      pc: priceOre.default(40_000),
    })
    .default({ phone: 40_000, tablet: 40_000, pc: 40_000 }),
  /**
   * What a device is still worth once written off over four years, as a share of its price: the
   * straight-line depreciation stops there. Zero until finance decides otherwise (the seeds name
   * four years, no floor).
   */
  residualFloorPercent: z.number().int().min(0).max(100).default(0),
  /** A handed-out device Intune has not seen for more days than this is reported unused. */
  intuneCheckInDays: z.number().int().min(1).max(3650).default(90),
  /**
   * The CO₂e a reused device saves, in kg per kind: the lifecycle footprint a new one would have
   * cost, ~80 % of it from making it. Defaults from the makers' published product footprints
   * (`co2eSource`), which the monthly summary names on its page.
   */
  co2eKgPerReuse: z
    .object({
      phone: z.number().min(0).max(10_000).default(65),
      tablet: z.number().min(0).max(10_000).default(100),
      pc: z.number().min(0).max(10_000).default(300),
    })
    .default({ phone: 65, tablet: 100, pc: 300 }),
  /** Where the CO₂e figures come from, printed under them. */
  co2eSource: z.string().min(1).max(500).default(DEFAULT_CO2E_SOURCE),
  /**
   * The share of handouts that should be used devices: the seeds' goal of cutting purchases by
   * 8 % through reuse (seed 002), read as 8 % of the devices handed out being used ones.
   */
  reuseGoalPercent: z.number().min(0).max(100).default(8),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
export type ReportSettingsInput = z.input<typeof reportSettingsSchema>;

export const defaultReportSettings: ReportSettings = reportSettingsSchema.parse({});

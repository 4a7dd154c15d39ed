import type { FleetDevice } from './fleet-device';
import type { Model } from '../domain/reference';
import { addDays, quarterOf, quarterSpan, type LocalDate, type Quarter } from '../reports/calendar';
import { compareText } from '../reports/order';
import { replacementDay } from './depreciation';

/**
 * The replacement plan: which devices in service turn four years old in this quarter, the next
 * quarter and this calendar year (and which already have), by department and model, with what
 * replacing them costs at the model's current price.
 */

export const replacementWindows = ['overdue', 'this_quarter', 'next_quarter', 'this_year'] as const;
export type ReplacementWindowId = (typeof replacementWindows)[number];

export interface ReplacementGroup {
  /** The holder's department; `''` for a device not handed out (in stock, in repair, in transit). */
  department: string;
  /** The model id; `''` when the register knows none. */
  model: string;
  count: number;
  /** The model's price times the count, in øre (devices of an unpriced model add nothing). */
  budgetOre: number;
  /** How many of the devices have no model price, so the budget is short by them. */
  unpriced: number;
  keys: string[];
}

export interface ReplacementWindow {
  id: ReplacementWindowId;
  /** The first day of the window; none for `overdue` (every day before this quarter). */
  firstDay?: LocalDate;
  lastDay: LocalDate;
  groups: ReplacementGroup[];
  count: number;
  budgetOre: number;
  unpriced: number;
  keys: string[];
}

export interface ReplacementPlan {
  today: LocalDate;
  windows: ReplacementWindow[];
  /** Devices in service with no purchase date: they cannot be planned until one is recorded. */
  undated: string[];
}

/** A device that is still the municipality's to replace: not disposed of, not lost. */
export function inService(device: Pick<FleetDevice, 'status'>): boolean {
  return device.status !== 'disposed' && device.status !== 'lost';
}

const nextQuarter = ({ year, quarter }: Quarter): Quarter => (quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 });

function windowBounds(today: LocalDate): Array<{ id: ReplacementWindowId; firstDay?: LocalDate; lastDay: LocalDate }> {
  // Only the days matter here, so any zone gives the same local days.
  const thisQuarter = quarterSpan(quarterOf(today), 'UTC');
  const next = quarterSpan(nextQuarter(quarterOf(today)), 'UTC');
  const year = today.slice(0, 4);
  return [
    { id: 'overdue', lastDay: addDays(thisQuarter.firstDay, -1) },
    { id: 'this_quarter', firstDay: thisQuarter.firstDay, lastDay: thisQuarter.lastDay },
    { id: 'next_quarter', firstDay: next.firstDay, lastDay: next.lastDay },
    { id: 'this_year', firstDay: `${year}-01-01`, lastDay: `${year}-12-31` },
  ];
}

export function replacementPlan(devices: Iterable<FleetDevice>, models: readonly Model[], today: LocalDate): ReplacementPlan {
  const prices = new Map(models.map((model) => [model.id, model.price]));
  const bounds = windowBounds(today);
  const groups = bounds.map(() => new Map<string, ReplacementGroup>());
  const undated: string[] = [];
  for (const device of devices) {
    if (!inService(device)) continue;
    if (!device.purchaseDate) {
      undated.push(device.key);
      continue;
    }
    const due = replacementDay(device.purchaseDate);
    bounds.forEach((window, index) => {
      if (due > window.lastDay || (window.firstDay !== undefined && due < window.firstDay)) return;
      const department = device.holder?.department ?? '';
      const model = device.model ?? '';
      const id = `${department}\u0000${model}`;
      const group = groups[index]!.get(id) ?? { department, model, count: 0, budgetOre: 0, unpriced: 0, keys: [] };
      const price = prices.get(model);
      group.count += 1;
      group.keys.push(device.key);
      if (price === undefined) group.unpriced += 1;
      else group.budgetOre += price;
      groups[index]!.set(id, group);
    });
  }
  return {
    today,
    undated: undated.sort(compareText),
    windows: bounds.map((window, index) => {
      const rows = [...groups[index]!.values()].sort((a, b) => compareText(a.department, b.department) || compareText(a.model, b.model));
      for (const row of rows) row.keys.sort(compareText);
      return {
        ...window,
        groups: rows,
        count: rows.reduce((sum, row) => sum + row.count, 0),
        budgetOre: rows.reduce((sum, row) => sum + row.budgetOre, 0),
        unpriced: rows.reduce((sum, row) => sum + row.unpriced, 0),
        keys: rows.flatMap((row) => row.keys),
      };
    }),
  };
}

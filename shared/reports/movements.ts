import type { DeviceEvent, EventType } from '../domain/event';
import type { HistoryStep } from './history';
import { whereRecorded } from './history';

/**
 * What a team lead counts as the day's movements at a location: every event but notes, with a move
 * counted out at the location it left and in at the one it reached. An event undone before the
 * day ended did not happen that day and is not counted; the correction itself is (`corrected`), so
 * the lead sees it.
 */
export const movementTypes = [
  'received',
  'imported',
  'prepared',
  'handed_out',
  'returned',
  'sent_to_repair',
  'repaired',
  'disposed',
  'reported_lost',
  'found',
  'moved_in',
  'moved_out',
  'voided',
  'corrected',
] as const satisfies readonly (Exclude<EventType, Unmoving | 'moved' | TransferLeg> | 'moved_in' | 'moved_out')[];

/** Events that record without moving anything: a note, a count, a parcel found short. */
type Unmoving = 'note' | 'receipt' | 'sim_paired' | 'tagged' | 'counted' | 'transfer_missing';
/** A transfer is a move between locations: out where it was sent, in where it was received. */
type TransferLeg = 'transfer_sent' | 'transfer_received';
const unmoving: ReadonlySet<EventType> = new Set<Unmoving>(['note', 'receipt', 'sim_paired', 'tagged', 'counted', 'transfer_missing'])
export type MovementType = (typeof movementTypes)[number];

/**
 * Whether an event recorded at `where` touched `location`: recorded there, or moving a device there.
 * The daily report's reader leaves out a device none of whose events did (`read-store.ts`), and the
 * report names an incomplete device only where one did — the same rule on both sides.
 */
export function touchesLocation(event: DeviceEvent, where: string | undefined, location: string): boolean {
  return where === location || (event.type === 'moved' && event.data.to === location);
}

/** The movement a step makes at `location` (any location when undefined), or null; `undone`: see `undoneBefore`. */
export function movementAt(
  step: HistoryStep,
  location: string | undefined,
  undone: ReadonlySet<string>,
): MovementType | null {
  const { event } = step;
  if (unmoving.has(event.type) || undone.has(event.id)) return null;
  const where = whereRecorded(step);
  if (event.type === 'transfer_sent') return location === undefined || where === location ? 'moved_out' : null;
  if (event.type === 'transfer_received') return location === undefined || where === location ? 'moved_in' : null;
  if (event.type === 'moved') {
    if (where === event.data.to) return null;
    if (location === undefined) return 'moved_out';
    if (where === location) return 'moved_out';
    if (event.data.to === location) return 'moved_in';
    return null;
  }
  if (location !== undefined && where !== location) return null;
  return event.type as MovementType;
}

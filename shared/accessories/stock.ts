import { isLowStock } from './catalogue';

/**
 * What the desk says when an accessory goes out. Issuing is never refused for want of stock on
 * record: the charger is already in the employee's hand, and a record that refused it would be
 * wrong the other way (and teach staff to skip the scan). Instead the count is allowed below zero
 * and never silently: the scan answers amber ("lager viser 0 — tæl op"), the report flags the row,
 * and a team lead's count (`accessory_adjusted`) puts it right.
 */
export type IssueVerdict =
  | { kind: 'ok'; after: number }
  /** At or below the location's level after this one. */
  | { kind: 'low'; after: number; level: number }
  /** The record held fewer than went out: the shelf and the record disagree. */
  | { kind: 'empty'; before: number; after: number };

export function issueVerdict(before: number, count: number, level: number | undefined): IssueVerdict {
  const after = before - count;
  if (before < count) return { kind: 'empty', before, after };
  if (level !== undefined && isLowStock(after, level)) return { kind: 'low', after, level };
  return { kind: 'ok', after };
}

/**
 * A count correction as a change: what the shelf holds minus what the record says. Sent as a
 * change (not as "set to"), so a desk's correction and another desk's issue made meanwhile both
 * count, whichever reaches the centre first.
 */
export function adjustmentDelta(recorded: number, counted: number): number {
  return counted - recorded;
}

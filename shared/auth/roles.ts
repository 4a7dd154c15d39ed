import { z } from 'zod';

/**
 * Who works at a desk: desk staff (kvikskranke), warehouse staff, and team leads, who answer for
 * the register and may change what others recorded.
 */
export const roles = ['desk', 'warehouse', 'team_lead'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What only some roles may do. Everything else (scanning in any workflow) every operator may. */
export const actions = [
  'reference.edit',
  'prices.edit',
  'settings.edit',
  'conflicts.resolve',
  'events.correctOthers',
  'disposal.close',
  'devices.writeOff',
  'devices.import',
  'reports.view',
  /** A count correction of an accessory's stock (`accessory_adjusted`). */
  'accessories.adjust',
] as const;
export const actionSchema = z.enum(actions);
export type Action = z.infer<typeof actionSchema>;

/**
 * THE role check: the desk hides what a role may not do, the central inventory refuses it. Team
 * leads may do everything on the list; desk and warehouse staff nothing on it.
 */
const granted: Readonly<Record<Role, ReadonlySet<Action>>> = {
  desk: new Set(),
  warehouse: new Set(),
  team_lead: new Set(actions),
};

export function may(role: Role, action: Action): boolean {
  return granted[role].has(action);
}

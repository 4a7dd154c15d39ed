import { may, type Action, type Role } from '../../shared/auth/roles';
import type { Session } from '../store/settings';
import { useServices } from './services';

/**
 * The role of whoever is signed in. Until operators with roles come from the central inventory,
 * a session without a role is a team lead's (today's trust: whoever signs in may do everything):
 * this is the one line that changes when roles arrive.
 */
export function sessionRole(session: Session | null): Role | null {
  return session ? (session.role ?? 'team_lead') : null;
}

/** Whether the signed-in operator may `action`: the desk hides what they may not. */
export function useMay(action: Action): boolean {
  const role = sessionRole(useServices().session);
  return role !== null && may(role, action);
}

import { may, type Action, type Role } from '../../shared/auth/roles';
import type { Session } from '../store/settings';
import { useServices } from './services';

/**
 * The role of whoever is signed in: the operator's, from the central inventory (a trial desk's
 * sign-in sets team lead). A session from before roles has none and gets the least: desk staff.
 */
export function sessionRole(session: Session | null): Role | null {
  return session ? (session.role ?? 'desk') : null;
}

/** Whether the signed-in operator may `action`: the desk hides what they may not. */
export function useMay(action: Action): boolean {
  const role = sessionRole(useServices().session);
  return role !== null && may(role, action);
}

/**
 * Why the camera is not showing, as something the operator can act on. getUserMedia reports
 * failures as DOMExceptions whose `name` says what happened (and older Chromium names for the
 * same); anything else is `failed`, with its message kept for the log.
 */
export type CameraProblemKind =
  /** No camera is connected (or the one picked is gone and there is no other). */
  | 'no_camera'
  /** The operator, a policy or the app refused the camera. */
  | 'permission_denied'
  /** Another program (a video call) holds the camera, or the driver could not start it. */
  | 'busy'
  /** This window cannot use cameras at all (not a secure context, or no media devices API). */
  | 'unsupported'
  /** The camera stopped while in use (unplugged). */
  | 'ended'
  | 'failed';

export interface CameraProblem {
  kind: CameraProblemKind;
  detail?: string;
}

const byName: Record<string, CameraProblemKind> = {
  NotFoundError: 'no_camera',
  DevicesNotFoundError: 'no_camera',
  OverconstrainedError: 'no_camera',
  ConstraintNotSatisfiedError: 'no_camera',
  NotAllowedError: 'permission_denied',
  PermissionDeniedError: 'permission_denied',
  SecurityError: 'permission_denied',
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
  NotSupportedError: 'unsupported',
};

export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String(Reflect.get(error, 'message')) : String(error);
  const kind = byName[name] ?? 'failed';
  return { kind, detail: name ? `${name}: ${message}` : message };
}

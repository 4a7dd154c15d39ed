import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from './camera-problem';

const domError = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('cameraProblemOf', () => {
  it('tells no camera, refused and busy apart by the error name getUserMedia gives', () => {
    expect(cameraProblemOf(domError('NotFoundError', 'Requested device not found')).kind).toBe('no_camera');
    expect(cameraProblemOf(domError('OverconstrainedError')).kind).toBe('no_camera');
    expect(cameraProblemOf(domError('NotAllowedError', 'Permission denied')).kind).toBe('permission_denied');
    expect(cameraProblemOf(domError('PermissionDeniedError')).kind).toBe('permission_denied');
    expect(cameraProblemOf(domError('SecurityError')).kind).toBe('permission_denied');
    expect(cameraProblemOf(domError('NotReadableError', 'Could not start video source')).kind).toBe('busy');
    expect(cameraProblemOf(domError('TrackStartError')).kind).toBe('busy');
    expect(cameraProblemOf(domError('NotSupportedError')).kind).toBe('unsupported');
  });

  it('keeps the name and message, and calls anything else failed', () => {
    expect(cameraProblemOf(domError('NotReadableError', 'Could not start video source'))).toEqual({
      kind: 'busy',
      detail: 'NotReadableError: Could not start video source',
    });
    expect(cameraProblemOf(new TypeError('bad constraints'))).toEqual({ kind: 'failed', detail: 'TypeError: bad constraints' });
    expect(cameraProblemOf('weird')).toEqual({ kind: 'failed', detail: 'weird' });
    expect(cameraProblemOf({ name: 'NotAllowedError', message: 'from another realm' }).kind).toBe('permission_denied');
  });
});

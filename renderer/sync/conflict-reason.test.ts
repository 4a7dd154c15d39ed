import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { deviceIn, makeEvent } from '../../shared/testing/builders';
import { apply } from '../../shared/lifecycle/apply';
import { describeRefusal } from '../../shared/lifecycle/refusal';
import { initI18n } from '../i18n';
import { conflictReason, deviceLabelOf } from './conflict-reason';

let t: TFunction;
beforeAll(async () => {
  t = (await initI18n('da')).t;
});

/** The reason exactly as the server words it for this refusal. */
function serverReason(status: Parameters<typeof deviceIn>[0], type: Parameters<typeof makeEvent>[0]) {
  const { device } = deviceIn(status);
  const result = apply(device, makeEvent(type, device.key));
  if (result.ok) throw new Error('expected a refusal');
  return { status: 'conflict' as const, reason: describeRefusal(result.refusal), reasonCode: result.refusal.code };
}

describe('conflictReason', () => {
  it("translates the server's refusal with the desk's own texts", () => {
    expect(conflictReason(t, serverReason('disposed', 'handed_out'))).toBe('Enheden er bortskaffet.');
    expect(conflictReason(t, serverReason('assigned', 'received'))).toBe('Enheden er allerede registreret (status: Udleveret).');
    expect(conflictReason(t, serverReason('lost', 'moved'))).toBe('Enheden er meldt bortkommet. Registrér den som fundet først.');
  });

  it('explains invalid events, and falls back to the server sentence for a code it does not know', () => {
    expect(conflictReason(t, { status: 'invalid', reasonCode: 'wrong_desk', reason: 'x' })).toContain('andet skranke-id');
    expect(conflictReason(t, { status: 'invalid', reasonCode: 'invalid_event', reason: 'data.kind: Invalid option' })).toContain('data.kind: Invalid option');
    expect(conflictReason(t, { status: 'conflict', reasonCode: 'quarantined', reason: 'the device is in quarantine' })).toBe(
      'Serverens begrundelse: the device is in quarantine',
    );
  });

  it('names the device by its identifier', () => {
    expect(deviceLabelOf('imei:354381079141772')).toBe('354381079141772');
    expect(deviceLabelOf('serial:C02XK1ZZJGH5')).toBe('C02XK1ZZJGH5');
  });
});

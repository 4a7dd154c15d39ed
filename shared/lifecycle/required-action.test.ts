import { describe, expect, it } from 'vitest';
import { may, roles } from '../auth/roles';
import { deviceIn, makeEvent } from '../testing/builders';
import { requiredAction } from './required-action';

const KEY = 'imei:354381079141772';

describe('what an event needs beyond scanning', () => {
  it('asks nothing of an ordinary scan', () => {
    expect(requiredAction(makeEvent('handed_out', KEY), deviceIn('ready').device)).toBeUndefined();
  });

  it("a correction of an operator's own event needs nothing, of another's the team lead", () => {
    const named = (id: string) => (id === 'own' ? { operator: 'AB' } : { operator: 'CD' });
    const own = makeEvent('corrected', KEY, { operator: 'AB', data: { reason: 'x', corrects: 'own', set: { model: 'M' }, resolves: undefined } });
    const other = makeEvent('corrected', KEY, { operator: 'AB', data: { reason: 'x', corrects: 'other', set: { model: 'M' }, resolves: undefined } });
    expect(requiredAction(own, deviceIn('ready').device, named)).toBeUndefined();
    expect(requiredAction(other, deviceIn('ready').device, named)).toBe('events.correctOthers');
  });

  it('writing off a device on a shelf or in a parcel is a team lead’s; an employee’s lost phone is not', () => {
    expect(requiredAction(makeEvent('reported_lost', KEY), deviceIn('in_transit').device)).toBe('devices.writeOff');
    expect(requiredAction(makeEvent('reported_lost', KEY), deviceIn('ready').device)).toBe('devices.writeOff');
    expect(requiredAction(makeEvent('reported_lost', KEY), deviceIn('assigned').device)).toBeUndefined();
  });

  it('closing a disposal batch, voiding, importing and resolving conflicts are team-lead actions', () => {
    const device = deviceIn('returned').device;
    expect(requiredAction(makeEvent('disposed', KEY, { data: { batchId: 'B-1' } }), device)).toBe('disposal.close');
    expect(requiredAction(makeEvent('voided', KEY), device)).toBe('events.correctOthers');
    expect(requiredAction(makeEvent('imported', KEY), null)).toBe('devices.import');
    expect(requiredAction(makeEvent('corrected', KEY), device)).toBe('conflicts.resolve');
  });

  it('only team leads are granted team-lead actions', () => {
    expect(roles.filter((role) => may(role, 'events.correctOthers'))).toEqual(['team_lead']);
  });
});

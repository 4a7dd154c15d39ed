import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/builders';
import {
  checkPushedEvent,
  classifyStatus,
  devicesResponseSchema,
  isRefusalCode,
  pullQuerySchema,
  pullResponseSchema,
  pushBodySchema,
  pushResponseSchema,
  syncLimits,
} from './protocol';
import { deviceIn } from '../testing/builders';

const KEY = 'imei:354381079141772';

describe('push body', () => {
  it('takes 1 to 500 events of any shape, so each is judged on its own', () => {
    expect(pushBodySchema.safeParse({ events: [{ nonsense: true }] }).success).toBe(true);
    expect(pushBodySchema.safeParse({ events: [] }).success).toBe(false);
    expect(pushBodySchema.safeParse({ events: Array.from({ length: syncLimits.pushMaxEvents + 1 }, () => ({})) }).success).toBe(false);
    expect(pushBodySchema.safeParse([{}]).success).toBe(false);
    expect(pushBodySchema.safeParse({ event: [{}] }).success).toBe(false);
  });
});

describe('checkPushedEvent', () => {
  it('accepts a valid event of the token’s desk', () => {
    const event = makeEvent('received', KEY, { deskId: 'deskA' });
    expect(checkPushedEvent(event, 'deskA')).toEqual({ ok: true, event });
  });

  it('answers invalid with the failing field and keeps the id', () => {
    const event = { ...makeEvent('received', KEY), data: { kind: 'toaster', imei: '354381079141772' } };
    const checked = checkPushedEvent(event, 'desk-1');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.result).toMatchObject({ id: event.id, status: 'invalid', reasonCode: 'invalid_event' });
    expect(checked.result.reason).toContain('data.kind');
  });

  it('answers invalid with a null id when there is none to answer for', () => {
    expect(checkPushedEvent('not an event', 'desk-1')).toMatchObject({ ok: false, result: { id: null, status: 'invalid' } });
    expect(checkPushedEvent({ id: 42 }, 'desk-1')).toMatchObject({ ok: false, result: { id: null } });
  });

  it('refuses another desk’s event as wrong_desk', () => {
    const event = makeEvent('note', KEY, { deskId: 'deskB' });
    expect(checkPushedEvent(event, 'deskA')).toMatchObject({ ok: false, result: { id: event.id, reasonCode: 'wrong_desk' } });
  });
});

describe('responses', () => {
  it('parses every kind of push result and refuses a result without its seq', () => {
    const ok = pushResponseSchema.safeParse({
      results: [
        { id: 'a', status: 'accepted', seq: 1 },
        { id: 'b', status: 'conflict', seq: 2, reason: 'handed_out refused', reasonCode: 'device_disposed' },
        { id: 'a', status: 'duplicate', seq: 1, stored: 'accepted' },
        { id: null, status: 'invalid', reason: 'x', reasonCode: 'invalid_event' },
      ],
    });
    expect(ok.success).toBe(true);
    expect(pushResponseSchema.safeParse({ results: [{ id: 'a', status: 'accepted' }] }).success).toBe(false);
    expect(pushResponseSchema.safeParse({ results: [{ id: 'a', status: 'duplicate', seq: 1 }] }).success).toBe(false);
  });

  it('parses a pull page carrying real events', () => {
    const event = makeEvent('received', KEY);
    const page = { events: [{ seq: 7, status: 'accepted', event }], last: 7, more: false };
    expect(pullResponseSchema.parse(page).events[0]?.event).toEqual(event);
  });

  it('parses a devices page', () => {
    const { device } = deviceIn('assigned');
    expect(devicesResponseSchema.safeParse({ devices: [{ seq: 3, device }], asOf: 3, next: null }).success).toBe(true);
  });

  it('reads pull queries from strings with defaults and bounds', () => {
    expect(pullQuerySchema.parse({})).toEqual({ after: 0, limit: 1000 });
    expect(pullQuerySchema.parse({ after: '12', limit: '5' })).toEqual({ after: 12, limit: 5 });
    expect(pullQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ after: 'abc' }).success).toBe(false);
  });
});

describe('helpers for the desk', () => {
  it('knows the refusal codes it can translate', () => {
    expect(isRefusalCode('device_disposed')).toBe(true);
    expect(isRefusalCode('something_newer')).toBe(false);
  });

  it('tells retry from auth from rejected', () => {
    expect([503, 500, 429, 408].map(classifyStatus)).toEqual(['retry', 'retry', 'retry', 'retry']);
    expect([401, 403].map(classifyStatus)).toEqual(['auth', 'auth']);
    expect([400, 413, 404].map(classifyStatus)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});

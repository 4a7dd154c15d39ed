import { describe, expect, it } from 'vitest';
import { deviceIn } from '../testing/builders';
import { deviceFilterSchema, deviceMatcher } from './device-filter';

const names = { model: (id: string) => (id === 'IP13' ? 'iPhone 13' : undefined), employee: (id: string) => (id === 'E1001' ? 'Jens Hansen' : undefined) };
const now = Date.parse('2026-12-24T12:00:00Z');

describe('device filter', () => {
  it('finds a device by the last digits of its IMEI, by model name and by holder surname', () => {
    const { device } = deviceIn('assigned');
    const withModel = { ...device, model: 'IP13' };
    expect(deviceMatcher({ text: '9141772' }, now, names)(withModel)).toBe(true);
    expect(deviceMatcher({ text: 'iphone 13' }, now, names)(withModel)).toBe(true);
    expect(deviceMatcher({ text: 'Hansen' }, now, names)(withModel)).toBe(true);
    expect(deviceMatcher({ text: 'Jensen' }, now, names)(withModel)).toBe(false);
  });

  it('narrows by every field at once', () => {
    const { device } = deviceIn('assigned');
    expect(deviceMatcher({ statuses: ['assigned'], departments: ['ØKF'], holder: 'E1001' }, now, names)(device)).toBe(true);
    expect(deviceMatcher({ statuses: ['ready'] }, now, names)(device)).toBe(false);
    expect(deviceMatcher({ keys: ['imei:490154203237518'] }, now, names)(device)).toBe(false);
  });

  it('counts idle days only for devices in stock', () => {
    const { device } = deviceIn('ready');
    expect(deviceMatcher({ idleDaysAtLeast: 30 }, now, names)(device)).toBe(true);
    expect(deviceMatcher({ idleDaysAtLeast: 30 }, now, names)(deviceIn('assigned').device)).toBe(false);
  });

  it('refuses a hostile filter', () => {
    expect(deviceFilterSchema.safeParse({ text: 'x'.repeat(1000) }).success).toBe(false);
  });
});

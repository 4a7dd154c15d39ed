import { describe, expect, it } from 'vitest';
import { devicesHref, filterOfHref } from './device-link';

describe('links from a report figure to the devices behind it', () => {
  it('carries a register filter through the address and back', () => {
    const filter = { keys: ['imei:354381079141772'], locations: ['KVIK-RH'], title: 'I reparation · Kvikskranke Rådhuset' };
    const href = devicesHref(filter);
    expect(href.startsWith('#/register?filter=')).toBe(true);
    expect(filterOfHref(`https://desk.local/${href}`)).toEqual(filter);
  });

  it('refuses what is no filter', () => {
    expect(filterOfHref('#/register?filter=%7B%22keys%22%3A%5B%22nope%22%5D%7D')).toBeNull();
    expect(filterOfHref('#/register?filter=%7B')).toBeNull();
    expect(filterOfHref('#/desk')).toBeNull();
    expect(() => devicesHref({ keys: ['nope'] })).toThrow();
  });
});

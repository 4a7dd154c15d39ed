import { describe, expect, it } from 'vitest';
import { isAppUrl, productionEntryUrl, rendererLocation } from './app-url';

describe('rendererLocation', () => {
  it('serves the built renderer over the app scheme in production', () => {
    expect(rendererLocation(undefined, false)).toEqual({ entryUrl: productionEntryUrl, base: 'kvikdesk://app/', dev: false });
  });

  it('uses the dev server only when not packaged', () => {
    expect(rendererLocation('http://localhost:5173', false)).toEqual({
      entryUrl: 'http://localhost:5173/',
      base: 'http://localhost:5173/',
      dev: true,
    });
    // A packaged app ignores the variable: it must never load a page from the network.
    expect(rendererLocation('http://localhost:5173', true).dev).toBe(false);
  });
});

describe('isAppUrl', () => {
  const base = 'kvikdesk://app/';

  it('accepts any page and asset of the app', () => {
    expect(isAppUrl('kvikdesk://app/index.html', base)).toBe(true);
    expect(isAppUrl('kvikdesk://app/assets/decoder-1a2b.wasm?x=1#y', base)).toBe(true);
    expect(isAppUrl('kvikdesk://app', base)).toBe(true);
  });

  it('refuses other schemes, hosts, ports and look-alikes', () => {
    expect(isAppUrl('https://app/index.html', base)).toBe(false);
    expect(isAppUrl('file:///index.html', base)).toBe(false);
    expect(isAppUrl('kvikdesk://app.evil.example/index.html', base)).toBe(false);
    expect(isAppUrl('kvikdesk://evil/app/index.html', base)).toBe(false);
    expect(isAppUrl('kvikdesk://user:pw@app/index.html', base)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
  });

  it('refuses what is not a URL at all', () => {
    expect(isAppUrl('', base)).toBe(false);
    expect(isAppUrl(undefined, base)).toBe(false);
    expect(isAppUrl(null, base)).toBe(false);
    expect(isAppUrl('not a url', base)).toBe(false);
  });
});

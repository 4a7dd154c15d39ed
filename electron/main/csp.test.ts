import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCspHeader } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is exactly the production policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' http: https:; " +
        "worker-src 'self' blob:",
    );
  });

  it('never allows inline or eval scripts in production', () => {
    const script = directives(contentSecurityPolicy({ dev: false })).get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it('adds only what the Vite dev server needs in development', () => {
    const dev = directives(contentSecurityPolicy({ dev: true }));
    const prod = directives(contentSecurityPolicy({ dev: false }));
    expect(dev.get('script-src')).toEqual([...(prod.get('script-src') ?? []), "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual([...(prod.get('connect-src') ?? []), 'ws:']);
    expect(dev.get('default-src')).toEqual(prod.get('default-src'));
  });
});

describe('withCspHeader', () => {
  it('adds the policy to the dev server responses and keeps their headers', () => {
    expect(withCspHeader(true, { 'Content-Type': ['text/html'] }, 'P')).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['P'] });
    expect(withCspHeader(true, undefined, 'P')).toEqual({ 'Content-Security-Policy': ['P'] });
  });

  it('leaves responses from elsewhere alone', () => {
    expect(withCspHeader(false, { 'Content-Type': ['application/json'] }, 'P')).toBeNull();
  });
});

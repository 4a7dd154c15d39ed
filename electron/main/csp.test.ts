import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy as webPolicy, anyServer } from '../../shared/security/csp';
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
  it('is the web build’s policy with connect-src narrowed to the configured sync server', () => {
    const electron = directives(contentSecurityPolicy({ syncOrigin: 'https://inventory.example:8787' }));
    const web = directives(webPolicy({ connect: anyServer }));
    expect(electron.get('connect-src')).toEqual(["'self'", 'https://inventory.example:8787']);
    expect(web.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
    for (const [name, sources] of web) if (name !== 'connect-src') expect(electron.get(name), name).toEqual(sources);
  });

  it('closes objects, base-uri and form-action, and lets the page connect only to itself without a server', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
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

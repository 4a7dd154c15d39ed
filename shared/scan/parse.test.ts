import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedMissing, sharedPath } from '../../tests/support/shared-dir';
import { parseScan } from './parse';

interface Example {
  raw: string;
  kind: string;
  value?: string;
  svn?: string;
  gtin?: string;
  alternatives?: string[];
}

const examples: Example[] = hasShared
  ? readFileSync(sharedPath('fixtures/scans/public.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Example)
  : [];

describe.skipIf(!hasShared)('parseScan on ../shared/fixtures/scans/public.jsonl', () => {
  if (!hasShared) console.warn(sharedMissing);

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(30);
  });

  it.each(examples.map((e) => [JSON.stringify(e.raw), e] as const))('%s', (_name, example) => {
    const result = parseScan(example.raw);
    expect(result.kind).toBe(example.kind);
    if (example.value !== undefined) expect(result.value).toBe(example.value);
    for (const field of ['svn', 'gtin', 'alternatives'] as const) {
      if (example[field] !== undefined) expect(result).toHaveProperty(field, example[field]);
    }
  });
});

describe('parseScan beyond the fixtures', () => {
  it('names the check digit when an IMEI is mistyped', () => {
    const result = parseScan('354381079141775');
    expect(result).toMatchObject({ kind: 'invalid', reason: 'imei_check_digit', checkDigit: { got: '5', expected: 2 } });
    expect(result.kind === 'invalid' && result.message).toContain('should be 2');
  });

  it('keeps the IMEI slot of a label', () => {
    expect(parseScan('IMEI 2: 352099006317065')).toMatchObject({ kind: 'imei', slot: 2 });
  });

  it('treats a labelled serial as a serial even when it is all digits', () => {
    expect(parseScan('S/N: 354381079141775')).toEqual({ kind: 'serial', value: '354381079141775' });
  });

  it('refuses an IMEI label on something that is not an IMEI', () => {
    expect(parseScan('IMEI: 12345')).toMatchObject({ kind: 'invalid', reason: 'imei_length' });
  });

  it('reads a 13-digit number with a wrong GTIN check digit as a serial', () => {
    expect(parseScan('5728657070493')).toEqual({ kind: 'serial', value: '5728657070493' });
  });

  it('matches the desk asset-tag pattern before falling back to serial', () => {
    expect(parseScan('kk004711', { assetTagPattern: /^KK\d{6}$/i })).toEqual({ kind: 'asset_tag', value: 'KK004711' });
  });

  it('refuses GS1 data with a bad GTIN check digit', () => {
    expect(parseScan('(01)79032892184019(21)X1')).toMatchObject({ kind: 'invalid', reason: 'gtin_check_digit' });
  });

  it('never throws on arbitrary input', () => {
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: i % 70 }, (_, j) => String.fromCharCode((i * 31 + j * 17) % 140)).join('');
      expect(() => parseScan(s)).not.toThrow();
    }
  });
});

describe('rule 11, version 2: what a serial may look like', () => {
  it.each([
    ['hello world foo', 'not_an_identifier'],
    ['HELLOWORLD', 'no_digit'],
    ['4711', 'too_short'],
    ['ABCDEFGHIJ1234567890ABCDEFGHIJK', 'too_long'],
    ['ID#4711-A', 'not_an_identifier'],
  ])('refuses %s as %s', (raw, reason) => {
    expect(parseScan(raw)).toMatchObject({ kind: 'invalid', reason });
  });

  it('takes 5 to 30 letters, digits, "-", "." and "/" with a digit', () => {
    expect(parseScan('4004528')).toEqual({ kind: 'serial', value: '4004528' });
    expect(parseScan('a'.repeat(29) + '1')).toEqual({ kind: 'serial', value: 'A'.repeat(29) + '1' });
  });
});

describe('employees: the desk-printed card and the municipality badge', () => {
  it('reads a KVIK:EMP card as the employee it names, the id as printed, not as a command or device', () => {
    expect(parseScan('KVIK:EMP:jh1234')).toEqual({ kind: 'employee', value: 'jh1234', via: 'card' });
    expect(parseScan(']C0kvik:emp:AB-12.x@kk')).toEqual({ kind: 'employee', value: 'AB-12.x@kk', via: 'card' });
    expect(parseScan('KVIK:EMP:')).toMatchObject({ kind: 'invalid', reason: 'employee_card' });
    expect(parseScan('KVIK:MODE:HANDOUT')).toEqual({ kind: 'command', value: 'MODE:HANDOUT' });
  });

  it('takes a card id only of the characters a card can carry', () => {
    expect(parseScan('KVIK:EMP:jens hansen')).toMatchObject({ kind: 'invalid', reason: 'employee_card' });
    expect(parseScan(`KVIK:EMP:${'a'.repeat(65)}`)).toMatchObject({ kind: 'invalid', reason: 'employee_card' });
  });

  it('reads a badge number by the pattern in the settings, before the GTIN and serial rules', () => {
    const badgePattern = /^\d{8}$/;
    // 96385074 has a valid GS1 check digit: without the badge pattern it is an EAN-8 box label.
    expect(parseScan('96385074')).toEqual({ kind: 'gtin', value: '00000096385074' });
    expect(parseScan('96385074', { badgePattern })).toEqual({ kind: 'employee', value: '96385074', via: 'badge' });
    expect(parseScan('kk-1234567', { badgePattern: /^KK-\d{7}$/i })).toEqual({ kind: 'employee', value: 'KK-1234567', via: 'badge' });
  });

  it('never takes a labelled device identifier or an IMEI for a badge', () => {
    const badgePattern = /^\d{8}$/;
    expect(parseScan('S/N: 12345678', { badgePattern })).toEqual({ kind: 'serial', value: '12345678' });
    expect(parseScan('490154203237518', { badgePattern: /^\d{8}$/ })).toEqual({ kind: 'imei', value: '490154203237518' });
  });
});

describe('request numbers: a ServiceNow request item', () => {
  it('reads RITM and its digits as the request, upper-cased, not as a serial', () => {
    expect(parseScan('RITM0012345')).toEqual({ kind: 'request', value: 'RITM0012345' });
    expect(parseScan(' ritm001234567 \r')).toEqual({ kind: 'request', value: 'RITM001234567' });
    expect(parseScan(']C0RITM0012345')).toEqual({ kind: 'request', value: 'RITM0012345' });
  });

  it('takes only RITM with 7 to 12 digits; anything else is read by the other rules', () => {
    expect(parseScan('RITM12345')).toEqual({ kind: 'serial', value: 'RITM12345' });
    expect(parseScan('RITM0012345A')).toEqual({ kind: 'serial', value: 'RITM0012345A' });
    expect(parseScan('REQ0012345')).toEqual({ kind: 'serial', value: 'REQ0012345' });
    expect(parseScan('S/N: RITM0012345')).toEqual({ kind: 'serial', value: 'RITM0012345' });
  });

  it('comes before a badge pattern that would match it', () => {
    expect(parseScan('RITM0012345', { badgePattern: /^RITM\d+$/ })).toEqual({ kind: 'request', value: 'RITM0012345' });
  });
});

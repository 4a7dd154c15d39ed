import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * An operator's PIN, kept only as a salted scrypt hash: `scrypt:N:r:p:<salt hex>:<hash hex>`.
 * The desk checks a PIN offline against the hash it synced, so the hash travels to every desk;
 * scrypt's cost (N = 2^15: ~32 MiB and a noticeable fraction of a second per guess) and the
 * lockout after five wrong PINs (`lockout.ts`) are what keep a four-digit PIN from being guessed.
 * `@noble/hashes` (audited, no dependencies) computes the same in the desk's browser and on the
 * server. Salts come from the caller: shared/ has no randomness.
 */
const cost = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;

export const pinRules = { minLength: 4, maxLength: 12 } as const;

export function isAcceptablePin(pin: string): boolean {
  return /^\d+$/.test(pin) && pin.length >= pinRules.minLength && pin.length <= pinRules.maxLength;
}

export async function hashPin(pin: string, salt: Uint8Array): Promise<string> {
  if (salt.length !== 16) throw new Error('a PIN salt is 16 random bytes');
  const hash = await scryptAsync(utf8ToBytes(pin), salt, cost);
  return `scrypt:${cost.N}:${cost.r}:${cost.p}:${bytesToHex(salt)}:${bytesToHex(hash)}`;
}

/**
 * Whether a hash was made at this version's cost: a hash made elsewhere (a desk's, for a new
 * operator) with a cheaper cost would make the PIN cheap to guess, so the server takes no other.
 */
export function hasCurrentCost(stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split(':');
  return scheme === 'scrypt' && Number(n) === cost.N && Number(r) === cost.r && Number(p) === cost.p && salt?.length === 32 && hash?.length === cost.dkLen * 2;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const computed = await scryptAsync(utf8ToBytes(pin), hexToBytes(salt), { N: Number(n), r: Number(r), p: Number(p), dkLen: hash.length / 2 });
  // Compared in full whatever differs first: the time says nothing about the hash.
  const expected = hexToBytes(hash);
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= (expected[i] ?? 0) ^ (computed[i] ?? 0);
  return difference === 0 && computed.length === expected.length;
}

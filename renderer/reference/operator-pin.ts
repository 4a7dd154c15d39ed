import { hashPin, isAcceptablePin } from '../../shared/auth/pin';

export type PinHashOutcome = { ok: true; pinHash: string } | { ok: false; problem: 'pinRequired' | 'pinRules' };

/**
 * The PIN of an operator a team lead adds or changes on the desk, as the only form it leaves the
 * desk in: a salted scrypt hash, made here (the same `hashPin` as the server's `operator add`).
 * No PIN typed keeps the operator's hash; a new operator must have one.
 */
export async function operatorPinHash(typed: string | undefined, existing: unknown, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): Promise<PinHashOutcome> {
  const pin = (typed ?? '').trim();
  if (!pin) return typeof existing === 'string' ? { ok: true, pinHash: existing } : { ok: false, problem: 'pinRequired' };
  if (!isAcceptablePin(pin)) return { ok: false, problem: 'pinRules' };
  return { ok: true, pinHash: await hashPin(pin, random(new Uint8Array(16))) };
}

import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import type { StoredEvent } from '../store/db';
import { batchCount, batchKeys, undoneIds } from './batch';

const stored = (event: ReturnType<typeof makeEvent>): StoredEvent => ({ ...event, sync: 'pending' });

describe('the batch after an undo', () => {
  it('strikes the undone event, not the correction, and counts one device fewer', () => {
    const first = stored(makeEvent('received', 'imei:354381079141772'));
    const second = stored(makeEvent('received', 'imei:352099006317065', { data: { imei: '352099006317065' } }));
    const undo = stored(makeEvent('corrected', second.deviceKey, { data: { reason: 'KVIK:UNDO', undoes: second.id, resolves: undefined } }));
    expect(batchCount([second, first])).toBe(2);
    expect([...undoneIds([undo, second, first])]).toEqual([second.id]);
    expect(batchCount([undo, second, first])).toBe(1);
  });
});

describe('a SIM card paired in a handout', () => {
  const handout = stored(makeEvent('handed_out', 'imei:354381079141772'));
  const pairing = stored(makeEvent('sim_paired', handout.deviceKey, { data: { iccid: '8945102000001234561' } }));

  it('is not a device of its own', () => {
    expect(batchCount([pairing, handout])).toBe(1);
  });

  it('undone, leaves the phone handed out in the batch; the handout undone takes it out', () => {
    const undoPairing = stored(makeEvent('corrected', handout.deviceKey, { data: { reason: 'KVIK:UNDO', undoes: pairing.id, resolves: undefined } }));
    expect([...batchKeys([undoPairing, pairing, handout], 'handout')]).toEqual([handout.deviceKey]);
    const undoHandout = stored(makeEvent('corrected', handout.deviceKey, { data: { reason: 'KVIK:UNDO', undoes: handout.id, resolves: undefined } }));
    expect([...batchKeys([undoHandout, undoPairing, pairing, handout], 'handout')]).toEqual([]);
  });
});

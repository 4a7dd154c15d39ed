import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import type { StoredEvent } from '../store/db';
import { batchCount, undoneIds } from './batch';

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

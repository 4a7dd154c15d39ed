import { describe, expect, it } from 'vitest';
import { deviceIn, makeEvent } from '../../shared/testing/builders';
import { showDevice } from './replay';

const KEY = 'imei:354381079141772';

describe('showDevice: the confirmed state with pending events on top', () => {
  it('applies pending events in order', () => {
    const { device } = deviceIn('ready');
    const shown = showDevice(device, [makeEvent('handed_out', KEY), makeEvent('returned', KEY)]);
    expect(shown.device?.status).toBe('returned');
    expect(shown.skipped).toEqual([]);
  });

  it('leaves out what no longer applies and goes on with the rest', () => {
    const { device } = deviceIn('disposed');
    const handout = makeEvent('handed_out', KEY);
    const note = makeEvent('note', KEY, { data: { text: 'kasseret' } });
    const shown = showDevice(device, [handout, note]);
    expect(shown.skipped).toEqual([handout.id]);
    expect(shown.device).toMatchObject({ status: 'disposed', lastEventId: note.id });
  });

  it('creates a device from nothing and withdraws it with an undo', () => {
    const received = makeEvent('received', KEY);
    const undo = makeEvent('corrected', KEY, { data: { reason: 'fejl', undoes: received.id, resolves: undefined } });
    expect(showDevice(null, [received]).device?.key).toBe(KEY);
    expect(showDevice(null, [received, undo]).device).toBeNull();
  });
});

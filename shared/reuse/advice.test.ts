import { describe, expect, it } from 'vitest';
import type { Device } from '../domain/device';
import { reuseAdvice, reuseOutcome } from './advice';

const device = (key: string, over: Partial<Device> = {}): Device =>
  ({ key, kind: 'phone', status: 'ready', location: 'KVIK-1', model: 'IP13', handouts: 0, alternatives: [], updatedAt: '2026-12-01T09:00:00.000Z', ...over }) as Device;

describe('reuse first', () => {
  const fresh = device('imei:1');
  const used = [device('imei:2', { handouts: 1 }), device('imei:3', { handouts: 2 }), device('imei:4', { handouts: 1 })];

  it('advises the used devices of the same model ready at this location', () => {
    expect(reuseAdvice(fresh, 'KVIK-1', [fresh, ...used])).toEqual({ model: 'IP13', kind: 'phone', count: 3 });
  });

  it('counts only used, ready devices of that model here', () => {
    const others = [
      device('imei:5', { handouts: 1, model: 'IP15' }),
      device('imei:6', { handouts: 1, location: 'LAGER' }),
      device('imei:7', { handouts: 1, status: 'returned' }),
      device('imei:8', { handouts: 1, status: 'assigned' }),
      device('imei:9'),
    ];
    expect(reuseAdvice(fresh, 'KVIK-1', others)).toBeNull();
    expect(reuseAdvice(fresh, 'KVIK-1', [...others, used[0]!])).toMatchObject({ count: 1 });
  });

  it('compares kinds when the device has no model', () => {
    const noModel = device('serial:A1', { model: undefined });
    expect(reuseAdvice(noModel, 'KVIK-1', [device('serial:B', { handouts: 1, model: 'IP15' }), device('serial:C', { handouts: 1, kind: 'tablet' })])).toEqual({ kind: 'phone', count: 1 });
  });

  it('says nothing when the device going out is used itself', () => {
    expect(reuseAdvice(used[0]!, 'KVIK-1', used)).toBeNull();
  });

  it('records the advice followed when a used one of the model went out, declined otherwise', () => {
    const advised = reuseAdvice(fresh, 'KVIK-1', used)!;
    expect(reuseOutcome(advised, used[1]!)).toBe('followed');
    expect(reuseOutcome(advised, fresh)).toBe('declined');
    expect(reuseOutcome(advised, device('imei:10', { handouts: 3, model: 'IP15' }))).toBe('declined');
  });
});

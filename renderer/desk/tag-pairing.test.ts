import { describe, expect, it } from 'vitest';
import type { Device } from '../../shared/domain/device';
import { parseScan } from '../../shared/scan/parse';
import { deviceIn } from '../../shared/testing/builders';
import { decideScan } from './decide';
import { readBatchSettings } from './workflows';

const settings = readBatchSettings({});
const tagged = { ...deviceIn('ready', '352099001761481').device, assetTag: 'KK000123' };

describe('a pre-printed asset tag scanned right after a device in receive', () => {
  const received = deviceIn('received').device;
  const tagScan = (previous: Device | undefined, holder?: Device) =>
    decideScan({
      mode: 'receive',
      settings,
      place: { location: 'KVIK-1', today: '2026-12-01' },
      scan: parseScan('KK000123', { assetTagPattern: /^KK\d{6}$/ }),
      device: holder,
      batchKeys: new Set(),
      models: [],
      previous,
    });

  it('is linked to that device', () => {
    expect(tagScan(received)).toMatchObject({ kind: 'record', event: 'tagged', deviceKey: received.key, data: { assetTag: 'KK000123', source: 'preprinted' } });
  });

  it('is refused without a device before it, on a device already tagged, and when another device carries it', () => {
    expect(tagScan(undefined)).toMatchObject({ kind: 'error', message: { key: 'feedback.tagNeedsDevice' } });
    expect(tagScan({ ...received, assetTag: 'KK000001' })).toMatchObject({ kind: 'error', message: { key: 'feedback.alreadyTagged' } });
    expect(tagScan(received, tagged)).toMatchObject({ kind: 'error', message: { key: 'feedback.tagInUse' } });
  });
});

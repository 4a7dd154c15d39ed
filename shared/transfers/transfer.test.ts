import { describe, expect, it } from 'vitest';
import { replay } from '../lifecycle/apply';
import { deviceIn, makeEvent } from '../testing/builders';
import { parseScan } from '../scan/parse';
import type { Device } from '../domain/device';
import { newTransferId, openTransfers, transferBarcode, transferFromCommand } from './transfer';

function inTransit(imei: string, transferId: string, from: string, to: string, since: string, missingSince?: string): Device {
  const { device } = deviceIn('ready', imei);
  return { ...device, status: 'in_transit', transit: { transferId, from, to, since, stockStatus: 'ready', ...(missingSince ? { missingSince } : {}) } };
}

describe('transfers', () => {
  it('gets an id a KVIK command can carry, read back from its barcode by parseScan', () => {
    const id = newTransferId(new Date('2026-12-01T08:30:00Z'), () => 0.5);
    expect(id).toBe('T261201-HHHH');
    const scan = parseScan(transferBarcode(id));
    expect(scan).toEqual({ kind: 'command', value: `TRANSFER:${id}` });
    expect(scan.kind === 'command' && transferFromCommand(scan.value)).toBe(id);
  });

  it('reads no transfer from other commands or malformed ids', () => {
    expect(transferFromCommand('MODE:PACK')).toBeUndefined();
    expect(transferFromCommand('TRANSFER:DROP-TABLES')).toBeUndefined();
    expect(transferFromCommand('TRANSFER')).toBeUndefined();
  });

  it('lists the transfers to or from a location with devices in transit, counting the missing', () => {
    const devices = [
      inTransit('354381079141772', 'T261201-AAAA', 'LAGER', 'KVIK-NORD', '2026-12-01T08:00:00.000Z'),
      inTransit('490154203237518', 'T261201-AAAA', 'LAGER', 'KVIK-NORD', '2026-12-01T08:01:00.000Z', '2026-12-01T12:00:00.000Z'),
      inTransit('356938035643809', 'T261201-BBBB', 'KVIK-SYD', 'LAGER', '2026-12-01T09:00:00.000Z'),
      inTransit('352099001761481', 'T261201-CCCC', 'KVIK-SYD', 'KVIK-NORD', '2026-12-01T10:00:00.000Z'),
    ];
    expect(openTransfers(devices, 'LAGER')).toEqual([
      { id: 'T261201-BBBB', from: 'KVIK-SYD', to: 'LAGER', since: '2026-12-01T09:00:00.000Z', inTransit: 1, missing: 0 },
      { id: 'T261201-AAAA', from: 'LAGER', to: 'KVIK-NORD', since: '2026-12-01T08:00:00.000Z', inTransit: 2, missing: 1 },
    ]);
    expect(openTransfers(devices, 'KVIK-NORD').map((t) => t.id)).toEqual(['T261201-CCCC', 'T261201-AAAA']);
  });

  it('a device reported missing stays in transit in its transfer, marked missing since the close', () => {
    const key = 'imei:354381079141772';
    const result = replay([
      makeEvent('received', key, { data: { kind: 'phone', imei: '354381079141772' } }),
      makeEvent('transfer_sent', key, { data: { transferId: 'T261201-AAAA', from: 'LAGER', to: 'KVIK-NORD' }, at: '2026-12-01T08:00:00.000Z' }),
      makeEvent('transfer_missing', key, { data: { transferId: 'T261201-AAAA' }, at: '2026-12-01T12:00:00.000Z', location: 'KVIK-NORD' }),
    ]);
    expect(result.ok && result.device).toMatchObject({ status: 'in_transit', transit: { transferId: 'T261201-AAAA', missingSince: '2026-12-01T12:00:00.000Z' } });
  });
});

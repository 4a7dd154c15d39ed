import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/scan/parse';
import { receiveWarning } from './receive-checks';

const IMEI = '352906114004528';
const memory = { recentImeis: [IMEI], modelAsked: true };

describe('receive warnings', () => {
  it('asks to confirm the tail of an IMEI just scanned, and a serial of digits only', () => {
    expect(receiveWarning(parseScan('4004528'), 'IP15', memory)).toMatchObject({ message: { key: 'feedback.imeiTail', params: { imei: IMEI } }, confirm: '4004528' });
    expect(receiveWarning(parseScan('5290611'), 'IP15', memory)).toMatchObject({ message: { key: 'feedback.digitsOnlySerial' } });
    expect(receiveWarning(parseScan('4004528'), 'IP15', { ...memory, recentImeis: [] })?.message.key).toBe('feedback.digitsOnlySerial');
  });

  it('receives the same label scanned again, and ordinary serials and IMEIs without asking', () => {
    expect(receiveWarning(parseScan('4004528'), 'IP15', { ...memory, confirming: '4004528' })).toBeUndefined();
    expect(receiveWarning(parseScan('C02XL0GHJGH5'), 'IP15', memory)).toBeUndefined();
    expect(receiveWarning(parseScan(IMEI), 'IP15', memory)).toBeUndefined();
  });

  it('asks once per batch about receiving without a model', () => {
    const asked = receiveWarning(parseScan('C02XL0GHJGH5'), undefined, { ...memory, modelAsked: false });
    expect(asked).toMatchObject({ message: { key: 'feedback.noModel' }, confirm: 'C02XL0GHJGH5', asksModel: true });
    expect(receiveWarning(parseScan('C02XL0GHJGH5'), undefined, memory)).toBeUndefined();
  });
});

describe('the desk memory behind them', () => {
  it('waits for the warned label only on the next scan, forgets IMEIs after five minutes, asks about the model once per batch', async () => {
    const { RECENT_IMEI_MS } = await import('./receive-checks');
    const { ScanMemoryKeeper } = await import('./scan-memory');
    const keeper = new ScanMemoryKeeper();
    keeper.after({ kind: 'record', deviceKey: `imei:${IMEI}` }, 'batch-1', 0);
    expect(keeper.memory('batch-1', RECENT_IMEI_MS).recentImeis).toEqual([IMEI]);
    keeper.after({ kind: 'warning', confirm: '4004528', asksModel: true }, 'batch-1', 1);
    expect(keeper.memory('batch-1', 2)).toMatchObject({ confirming: '4004528', modelAsked: true });
    expect(keeper.memory('batch-2', 2).modelAsked).toBe(false);
    keeper.after({ kind: 'mode' }, 'batch-1', 3);
    expect(keeper.memory('batch-1', RECENT_IMEI_MS + 1)).toMatchObject({ confirming: undefined, recentImeis: [] });
  });
});

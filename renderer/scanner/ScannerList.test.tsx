// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../shared/ipc/contract';
import { udevRule, udevRuleFile } from '../../shared/scan/udev-rule';
import { ServicesContext, type Services } from '../app/services';
import { initI18n } from '../i18n';
import { createFakePlatform } from '../platform/fake';
import type { Platform } from '../platform/platform';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { deskSettingsSchema } from '../store/settings';
import { ScannerList } from './ScannerList';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const honeywell: ScannerStatus = { id: '/dev/hidraw3', name: 'Honeywell Xenon 1950g', transport: 'hid', state: 'open' };
const zebraDenied: ScannerStatus = {
  id: '/dev/hidraw4',
  name: 'Zebra DS2208',
  transport: 'hid',
  state: 'error',
  problem: 'permission_denied',
  detail: 'cannot open device with path /dev/hidraw4 (no read/write permission on /dev/hidraw4)',
};

/** The Electron platform as far as the list needs it: a first list, then pushed changes. */
function platformWith(first: ScannerStatus[]) {
  const fake = createFakePlatform({ capabilities: { hidScanners: true }, scanners: first });
  return { platform: fake.platform, push: (list: ScannerStatus[]) => act(() => fake.changeScanners(list)) };
}

describe('ScannerList', () => {
  let db: KvikDb;
  let root: Root;
  let container: HTMLDivElement;

  beforeAll(async () => {
    await initI18n('da');
  });
  beforeEach(async () => {
    db = await openDb('scanner-list-test');
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(async () => {
    act(() => root.unmount());
    container.remove();
    db.close();
    await db.delete();
  });

  async function show(platform: Platform) {
    const services: Services = {
      db,
      platform,
      settings: deskSettingsSchema.parse({ deskId: 'desk-1' }),
      session: null,
      updateSettings: async () => {},
      signIn: async () => {},
      signOut: async () => {},
    };
    await act(async () => {
      root.render(
        <ServicesContext.Provider value={services}>
          <ScannerList />
        </ServicesContext.Provider>,
      );
    });
  }

  const items = () => [...container.querySelectorAll('li')].map((li) => [li.dataset.state, li.textContent]);

  it('lists every scanner with its state, and follows plugging in and out', async () => {
    const { platform, push } = platformWith([honeywell]);
    await show(platform);
    expect(container.textContent).toContain('1 HID-scanner fundet');
    expect(items()).toEqual([['open', expect.stringContaining('Honeywell Xenon 1950g — Klar')]]);

    push([honeywell, { ...zebraDenied, state: 'open', problem: undefined, detail: undefined }]);
    expect(container.textContent).toContain('2 HID-scannere fundet');
    push([{ ...honeywell, state: 'disconnected', problem: 'scan_interrupted' }]);
    expect(items()).toEqual([['disconnected', expect.stringMatching(/Honeywell Xenon 1950g — Frakoblet · En scanning blev afbrudt undervejs/)]]);
    expect(container.querySelector('[data-testid="udev-rule"]')).toBeNull();
  });

  it('shows the udev rule and where it goes when a scanner may not be opened', async () => {
    const { platform } = platformWith([honeywell, zebraDenied]);
    await show(platform);
    expect(items()[1]).toEqual(['error', expect.stringContaining('Zebra DS2208 — Fejl · Ingen adgang til enheden (se udev-reglen nedenfor)')]);
    expect(items()[1]?.[1]).toContain('no read/write permission on /dev/hidraw4');
    const rule = container.querySelector('[data-testid="udev-rule"]');
    expect(rule?.textContent).toContain(udevRuleFile);
    expect(rule?.querySelector('pre')?.textContent).toBe(udevRule);
  });

  it('says when none are found', async () => {
    await show(platformWith([]).platform);
    expect(container.textContent).toContain('Ingen HID-scannere (point of sale) fundet.');
  });

  it('says where raw HID scanners are read on a platform that cannot read them', async () => {
    await show(createFakePlatform({ capabilities: { hidScanners: false } }).platform);
    expect(container.textContent).toContain('HID-scannere læses kun i skrivebordsprogrammet');
    expect(container.textContent).not.toContain('Ingen HID-scannere (point of sale) fundet.');
  });
});

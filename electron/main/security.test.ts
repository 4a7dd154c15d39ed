import { describe, expect, it } from 'vitest';
import {
  hardenContents,
  hardenSession,
  isNavigationAllowed,
  isPermissionCheckGranted,
  isPermissionRequestGranted,
  type HardenableContents,
  type HardenableSession,
} from './security';

const APP = 'kvikdesk://app/';
const quiet = (): undefined => undefined;

describe('isNavigationAllowed', () => {
  it('allows the app and nothing else', () => {
    expect(isNavigationAllowed('kvikdesk://app/index.html', APP)).toBe(true);
    expect(isNavigationAllowed('https://sync.kommune.dk/', APP)).toBe(false);
    expect(isNavigationAllowed('file:///C:/Windows/', APP)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', APP)).toBe(false);
    expect(isNavigationAllowed('data:text/html,<script>1</script>', APP)).toBe(false);
  });
});

describe('isPermissionRequestGranted', () => {
  const camera = { permission: 'media', mediaTypes: ['video'], requestingUrl: `${APP}index.html`, isMainFrame: true };

  it('grants the camera to the app', () => {
    expect(isPermissionRequestGranted(camera, APP)).toBe(true);
  });

  it('refuses the microphone, alone or with the camera', () => {
    expect(isPermissionRequestGranted({ ...camera, mediaTypes: ['audio'] }, APP)).toBe(false);
    expect(isPermissionRequestGranted({ ...camera, mediaTypes: ['video', 'audio'] }, APP)).toBe(false);
    expect(isPermissionRequestGranted({ ...camera, mediaTypes: [] }, APP)).toBe(false);
    expect(isPermissionRequestGranted({ ...camera, mediaTypes: undefined }, APP)).toBe(false);
  });

  it('refuses the camera to other pages and subframes', () => {
    expect(isPermissionRequestGranted({ ...camera, requestingUrl: 'https://evil.example/' }, APP)).toBe(false);
    expect(isPermissionRequestGranted({ ...camera, isMainFrame: false }, APP)).toBe(false);
  });

  it('refuses every other permission', () => {
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(isPermissionRequestGranted({ ...camera, permission }, APP)).toBe(false);
    }
  });
});

describe('isPermissionCheckGranted', () => {
  it('answers yes for video checks from the app only', () => {
    expect(isPermissionCheckGranted({ permission: 'media', mediaType: 'video', requestingOrigin: 'kvikdesk://app' }, APP)).toBe(true);
    expect(isPermissionCheckGranted({ permission: 'media', mediaType: 'audio', requestingOrigin: 'kvikdesk://app' }, APP)).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', mediaType: 'unknown', requestingOrigin: 'kvikdesk://app' }, APP)).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'media', mediaType: 'video', requestingOrigin: 'https://evil.example' }, APP)).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'hid', requestingOrigin: 'kvikdesk://app' }, APP)).toBe(false);
    expect(isPermissionCheckGranted({ permission: 'serial', requestingOrigin: 'kvikdesk://app' }, APP)).toBe(false);
  });
});

type Listener = (event: { url: string; preventDefault(): void }) => void;

class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does and tells whether a listener cancelled it. */
  emit(event: string, url = ''): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ url, preventDefault: () => void (prevented = true) });
    return prevented;
  }
}

describe('hardenContents', () => {
  it('cancels navigation away from the app and lets app navigation through', () => {
    const contents = new FakeContents();
    hardenContents(contents, APP, quiet);
    expect(contents.emit('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-frame-navigate', 'kvikdesk://app/index.html')).toBe(false);
  });

  it('blocks webviews and every new window', () => {
    const contents = new FakeContents();
    hardenContents(contents, APP, quiet);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'kvikdesk://app/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('installs the request, check and device handlers with the same rules', () => {
    let request: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;
    let device: (() => boolean) | null = null;
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler),
      setDevicePermissionHandler: (handler) => void (device = handler),
    };
    hardenSession(session, APP, quiet);

    const answers: boolean[] = [];
    request!(null, 'media', (granted) => answers.push(granted), { requestingUrl: `${APP}index.html`, isMainFrame: true, mediaTypes: ['video'] });
    request!(null, 'media', (granted) => answers.push(granted), { requestingUrl: `${APP}index.html`, isMainFrame: true, mediaTypes: ['audio'] });
    request!(null, 'geolocation', (granted) => answers.push(granted), { requestingUrl: `${APP}index.html`, isMainFrame: true });
    expect(answers).toEqual([true, false, false]);
    expect(check!(null, 'media', 'kvikdesk://app', { mediaType: 'video' })).toBe(true);
    expect(check!(null, 'usb', 'kvikdesk://app', {})).toBe(false);
    expect(device!()).toBe(false);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { loadSettings, saveSettings } from '../store/settings';
import { cameraConstraints, chooseCamera, rememberCamera, videoInputs } from './camera-devices';

const laptop = { deviceId: 'a1', label: 'Integrated Camera (04f2:b6dd)' };
const usb = { deviceId: 'b2', label: 'Logitech BRIO (046d:085e)' };

describe('the camera picker', () => {
  it('lists video inputs only', () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'm', label: 'Mic' },
      { kind: 'videoinput', ...laptop },
      { kind: 'audiooutput', deviceId: 's', label: 'Speaker' },
      { kind: 'videoinput', ...usb },
    ] as const;
    expect(videoInputs(devices)).toEqual([laptop, usb]);
  });

  it('opens the remembered camera, found by id or else by its name', () => {
    expect(chooseCamera([laptop, usb], { cameraDeviceId: 'b2', cameraLabel: usb.label })).toEqual(usb);
    // Site data cleared: new ids, same names.
    const renamed = [{ ...laptop, deviceId: 'x9' }, { ...usb, deviceId: 'y8' }];
    expect(chooseCamera(renamed, { cameraDeviceId: 'b2', cameraLabel: usb.label })).toEqual(renamed[1]);
  });

  it('leaves the choice to the browser when nothing is remembered, the camera is gone or ids are hidden', () => {
    expect(chooseCamera([laptop, usb], {})).toBeUndefined();
    expect(chooseCamera([laptop], { cameraDeviceId: 'b2', cameraLabel: usb.label })).toBeUndefined();
    expect(chooseCamera([{ deviceId: '', label: '' }], { cameraDeviceId: 'b2', cameraLabel: '' })).toBeUndefined();
  });

  it('asks for video only, and for the picked camera exactly', () => {
    expect(cameraConstraints(usb)).toEqual({ audio: false, video: { deviceId: { exact: 'b2' }, width: { ideal: 1280 }, height: { ideal: 720 } } });
    expect(cameraConstraints(undefined)).toEqual({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  });
});

describe('the pick in the desk settings', () => {
  let store: KvikDb;
  beforeEach(async () => {
    store = await openDb('camera-settings-test');
  });
  afterEach(async () => {
    store.close();
    await store.delete();
  });

  it('is kept across a restart, and a store from before the camera has defaults', async () => {
    await store.settings.put({ key: 'desk', value: { deskId: 'desk-1', language: 'da', assetTagPattern: '', sound: true, idleDays: 30 } });
    const old = await loadSettings(store);
    expect(old).toMatchObject({ deskId: 'desk-1', cameraOpen: false, scannerLayout: 'auto' });
    expect(old.cameraDeviceId).toBeUndefined();

    await saveSettings(store, { ...old, cameraOpen: true, ...rememberCamera(usb) });
    const again = await loadSettings(store);
    expect(again).toMatchObject({ deskId: 'desk-1', cameraOpen: true, cameraDeviceId: 'b2', cameraLabel: usb.label });
    expect(chooseCamera([laptop, usb], again)).toEqual(usb);
  });
});

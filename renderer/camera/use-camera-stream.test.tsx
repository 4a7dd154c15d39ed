// @vitest-environment jsdom
import { act, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraChoice } from './camera-devices';
import { useCameraStream, type CameraMedia, type CameraMediaStream, type CameraStream, type CameraTrack } from './use-camera-stream';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

class FakeTrack implements CameraTrack {
  stopped = false;
  private readonly ended = new Set<() => void>();
  constructor(
    readonly label: string,
    private readonly deviceId: string,
  ) {}
  getSettings() {
    return { deviceId: this.deviceId };
  }
  addEventListener(_type: 'ended', listener: () => void) {
    this.ended.add(listener);
  }
  stop() {
    this.stopped = true;
  }
  unplug() {
    this.ended.forEach((l) => l());
  }
}

class FakeStream implements CameraMediaStream {
  constructor(readonly track: FakeTrack) {}
  getTracks() {
    return [this.track];
  }
  getVideoTracks() {
    return [this.track];
  }
}

const named = (error: string) => Object.assign(new Error(error), { name: error });

/** Cameras that can be plugged in and out, refused or held by another program. */
class FakeMedia implements CameraMedia<FakeStream> {
  cameras = [
    { deviceId: 'a1', label: 'Integrated Camera' },
    { deviceId: 'b2', label: 'Logitech BRIO' },
  ];
  permitted = false;
  refuse: string | null = null;
  readonly opened: FakeStream[] = [];
  readonly asked: MediaStreamConstraints[] = [];
  private readonly changes = new Set<() => void>();

  async enumerateDevices() {
    // Before the permission the browser lists one nameless camera (if any).
    const listed = this.permitted ? this.cameras : this.cameras.slice(0, 1).map(() => ({ deviceId: '', label: '' }));
    return listed.map((c) => ({ kind: 'videoinput' as const, ...c }));
  }
  async getUserMedia(constraints: MediaStreamConstraints) {
    this.asked.push(constraints);
    if (this.refuse) throw named(this.refuse);
    if (this.cameras.length === 0) throw named('NotFoundError');
    this.permitted = true;
    const video = constraints.video;
    const wanted = typeof video === 'object' && typeof video.deviceId === 'object' && !Array.isArray(video.deviceId) ? video.deviceId.exact : undefined;
    const camera = this.cameras.find((c) => c.deviceId === wanted) ?? this.cameras[0];
    if (!camera) throw named('NotFoundError');
    const stream = new FakeStream(new FakeTrack(camera.label, camera.deviceId));
    this.opened.push(stream);
    return stream;
  }
  addEventListener(_type: 'devicechange', listener: () => void) {
    this.changes.add(listener);
  }
  removeEventListener(_type: 'devicechange', listener: () => void) {
    this.changes.delete(listener);
  }
  plug(cameras: FakeMedia['cameras']) {
    this.cameras = cameras;
    this.changes.forEach((l) => l());
  }
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useCameraStream', () => {
  let root: Root;
  let container: HTMLDivElement;
  let state: CameraStream<FakeStream> | undefined;
  let media: FakeMedia;

  function Probe({ choice }: { choice: CameraChoice }) {
    state = useCameraStream(choice, media);
    return null;
  }
  const show = async (choice: CameraChoice = {}) => {
    act(() =>
      root.render(
        <StrictMode>
          <Probe choice={choice} />
        </StrictMode>,
      ),
    );
    await settle();
  };
  const live = () => media.opened.filter((s) => !s.track.stopped);

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    media = new FakeMedia();
    state = undefined;
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('opens one camera (StrictMode mounts twice and leaks none), names it, and closes it on unmount', async () => {
    await show();
    expect(live()).toHaveLength(1);
    expect(state?.active).toEqual({ deviceId: 'a1', label: 'Integrated Camera' });
    expect(state?.cameras.map((c) => c.label)).toEqual(['Integrated Camera', 'Logitech BRIO']);
    expect(state?.problem).toBeNull();
    act(() => root.unmount());
    expect(live()).toHaveLength(0);
    root = createRoot(container);
  });

  it('opens the remembered camera, and switches when another is picked', async () => {
    media.permitted = true;
    await show({ cameraDeviceId: 'b2', cameraLabel: 'Logitech BRIO' });
    expect(state?.active?.label).toBe('Logitech BRIO');
    await show({ cameraDeviceId: 'a1', cameraLabel: 'Integrated Camera' });
    expect(state?.active?.label).toBe('Integrated Camera');
    expect(live().map((s) => s.track.label)).toEqual(['Integrated Camera']);
  });

  it('says why when the camera is refused or busy, and tries again on retry', async () => {
    media.refuse = 'NotAllowedError';
    await show();
    expect(state?.problem?.kind).toBe('permission_denied');
    expect(state?.stream).toBeNull();

    media.refuse = 'NotReadableError';
    act(() => state?.retry());
    await settle();
    expect(state?.problem?.kind).toBe('busy');

    media.refuse = null;
    act(() => state?.retry());
    await settle();
    expect(state?.problem).toBeNull();
    expect(live()).toHaveLength(1);
  });

  it('reports no camera without asking for one, and opens the camera plugged in later by itself', async () => {
    media.cameras = [];
    await show();
    expect(state?.problem?.kind).toBe('no_camera');
    expect(media.asked).toEqual([]);
    act(() => media.plug([{ deviceId: 'c3', label: 'USB Camera' }]));
    await settle();
    await settle();
    expect(state?.problem).toBeNull();
    expect(state?.active?.label).toBe('USB Camera');
  });

  it('tells the operator when the camera is unplugged while in use', async () => {
    await show();
    act(() => media.opened.at(-1)?.track.unplug());
    expect(state?.problem?.kind).toBe('ended');
    expect(state?.stream).toBeNull();
  });

  it('says unsupported where there are no media devices', async () => {
    act(() => root.render(<UnsupportedProbe />));
    await settle();
    expect(state?.problem?.kind).toBe('unsupported');
  });

  function UnsupportedProbe() {
    state = useCameraStream<FakeStream>({}, undefined);
    return null;
  }
});

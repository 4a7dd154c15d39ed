import { useCallback, useEffect, useState } from 'react';
import { cameraConstraints, chooseCamera, videoInputs, type CameraChoice, type CameraDevice } from './camera-devices';
import { cameraProblemOf, type CameraProblem } from './camera-problem';

/** What the hook needs of a track, a stream and `navigator.mediaDevices` (the real ones fit; tests pass fakes). */
export interface CameraTrack {
  readonly label: string;
  getSettings(): { deviceId?: string };
  addEventListener(type: 'ended', listener: () => void): void;
  stop(): void;
}
export interface CameraMediaStream {
  getTracks(): Array<{ stop(): void }>;
  getVideoTracks(): CameraTrack[];
}
export interface CameraMedia<S extends CameraMediaStream> {
  enumerateDevices(): Promise<ReadonlyArray<Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>>>;
  getUserMedia(constraints: MediaStreamConstraints): Promise<S>;
  addEventListener(type: 'devicechange', listener: () => void): void;
  removeEventListener(type: 'devicechange', listener: () => void): void;
}

export interface CameraStream<S extends CameraMediaStream = MediaStream> {
  stream: S | null;
  problem: CameraProblem | null;
  /** The cameras connected (labels only once the permission is granted). */
  cameras: CameraDevice[];
  /** The camera the stream comes from, for the picker and the scans' `scanner`. */
  active: CameraDevice | null;
  /** Try again (after the operator closed the program that held the camera, say). */
  retry(): void;
}

function stopTracks(stream: CameraMediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * Opens the chosen camera while mounted, and closes it on unmount or when the choice changes.
 * Plugging a camera in after "no camera" (or after it was unplugged) opens it without a click.
 */
export function useCameraStream<S extends CameraMediaStream>(choice: CameraChoice, media: CameraMedia<S> | undefined): CameraStream<S> {
  const [stream, setStream] = useState<S | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [cameras, setCameras] = useState<CameraDevice[]>([]);
  const [active, setActive] = useState<CameraDevice | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const { cameraDeviceId, cameraLabel } = choice;

  useEffect(() => {
    let cancelled = false;
    let opened: S | null = null;

    async function open(): Promise<void> {
      // Undefined outside a secure context (plain http on another host); the types say otherwise.
      if (!media || typeof media.getUserMedia !== 'function') throw Object.assign(new Error('navigator.mediaDevices is not available here'), { name: 'NotSupportedError' });
      const listed = videoInputs(await media.enumerateDevices());
      if (cancelled) return;
      setCameras(listed);
      if (listed.length === 0) throw Object.assign(new Error('no video input is connected'), { name: 'NotFoundError' });
      const next = await media.getUserMedia(cameraConstraints(chooseCamera(listed, { cameraDeviceId, cameraLabel })));
      if (cancelled) {
        stopTracks(next);
        return;
      }
      opened = next;
      const track = next.getVideoTracks()[0];
      track?.addEventListener('ended', () => {
        if (cancelled) return;
        setStream(null);
        setProblem({ kind: 'ended' });
      });
      setStream(next);
      setProblem(null);
      setActive(track ? { deviceId: track.getSettings().deviceId ?? '', label: track.label } : null);
      // With the permission granted, the list has ids and names.
      const labelled = videoInputs(await media.enumerateDevices());
      if (!cancelled) setCameras(labelled);
    }

    open().catch((error: unknown) => {
      if (cancelled) return;
      setStream(null);
      setActive(null);
      setProblem(cameraProblemOf(error));
    });
    return () => {
      cancelled = true;
      if (opened) stopTracks(opened);
    };
  }, [media, cameraDeviceId, cameraLabel, attempt]);

  // Hot-plug: keep the list current, and try again when a camera appears after none was there.
  useEffect(() => {
    if (!media || typeof media.addEventListener !== 'function') return;
    const onChange = () => {
      void media.enumerateDevices().then((devices) => {
        const listed = videoInputs(devices);
        setCameras(listed);
        if (listed.length > 0 && (problem?.kind === 'no_camera' || problem?.kind === 'ended')) retry();
      });
    };
    media.addEventListener('devicechange', onChange);
    return () => media.removeEventListener('devicechange', onChange);
  }, [media, problem, retry]);

  return { stream, problem, cameras, active, retry };
}

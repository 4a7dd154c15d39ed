/**
 * The cameras the browser lists, and which one to open: the one the operator picked (remembered
 * in the desk settings), else the system's default.
 */
export interface CameraDevice {
  /** Empty until the camera permission is granted (the browser hides ids and labels until then). */
  deviceId: string;
  label: string;
}

/** What the desk settings remember of the operator's pick. */
export interface CameraChoice {
  cameraDeviceId?: string | undefined;
  cameraLabel?: string | undefined;
}

export function videoInputs(devices: ReadonlyArray<Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>>): CameraDevice[] {
  return devices.filter((d) => d.kind === 'videoinput').map(({ deviceId, label }) => ({ deviceId, label }));
}

/**
 * The camera to open. By id first; by label when the id is unknown — browsers issue new ids when
 * site data is cleared, while a USB camera keeps its name. Undefined: let the browser pick its
 * default (nothing picked, the pick is not connected, or ids are still hidden).
 */
export function chooseCamera(cameras: readonly CameraDevice[], choice: CameraChoice): CameraDevice | undefined {
  const listed = cameras.filter((c) => c.deviceId !== '');
  return (
    (choice.cameraDeviceId ? listed.find((c) => c.deviceId === choice.cameraDeviceId) : undefined) ??
    (choice.cameraLabel ? listed.find((c) => c.label === choice.cameraLabel) : undefined)
  );
}

/** The settings change that remembers a pick. */
export function rememberCamera(camera: CameraDevice): Required<CameraChoice> {
  return { cameraDeviceId: camera.deviceId, cameraLabel: camera.label };
}

/**
 * Video only (the app is granted the camera and nothing else), HD where the camera has it: enough
 * pixels for a dense IMEI label at arm's length, few enough to decode several frames a second.
 */
export function cameraConstraints(camera: CameraDevice | undefined): MediaStreamConstraints {
  return {
    audio: false,
    video: {
      ...(camera ? { deviceId: { exact: camera.deviceId } } : {}),
      width: { ideal: 1280 },
      height: { ideal: 720 },
    },
  };
}

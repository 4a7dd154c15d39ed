import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { useServices } from '../app/services';
import { rememberCamera } from './camera-devices';
import { cameraScan } from './camera-scan';
import { defaultFrameBox } from './frame-box';
import { useCameraStream } from './use-camera-stream';
import { useFrameDecoding } from './use-frame-decoding';
import type { DecodedCode } from './worker-protocol';
import './camera.css';

/** How long the frame box shows green after a read. */
const readFlashMs = 700;

const boxStyle = {
  left: `${defaultFrameBox.x * 100}%`,
  top: `${defaultFrameBox.y * 100}%`,
  width: `${defaultFrameBox.width * 100}%`,
  height: `${defaultFrameBox.height * 100}%`,
};

/** Muted and inline, so no user gesture is needed; a failed play() shows as no picture. */
function showStream(video: HTMLVideoElement, stream: MediaStream | null): void {
  video.srcObject = stream;
  if (stream) void video.play().catch(() => undefined);
}

/**
 * The camera as a scanner: the live picture with the frame box to hold the label in, a picker
 * for the camera (remembered in the desk settings), and what went wrong when it cannot open.
 * Mounted only while the panel is open: unmounting closes the camera and ends the decoder.
 */
export function CameraPanel({ onScan }: { onScan: (scan: ScanEvent) => void }) {
  const { t } = useTranslation();
  const { settings, updateSettings } = useServices();
  // Undefined outside a secure context, whatever the DOM types say: the hook reports `unsupported`.
  const camera = useCameraStream<MediaStream>(settings, navigator.mediaDevices);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [aspect, setAspect] = useState(16 / 9);
  const [lastRead, setLastRead] = useState<{ text: string; at: number } | null>(null);
  const [flash, setFlash] = useState(false);

  useEffect(() => {
    if (video) showStream(video, camera.stream);
  }, [video, camera.stream]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(false), readFlashMs);
    return () => clearTimeout(timer);
  }, [flash, lastRead]);

  const scanner = camera.active?.label || camera.active?.deviceId || 'camera';
  const onCodes = useCallback(
    (codes: DecodedCode[]) => {
      for (const code of codes) {
        const at = Date.now();
        const scan = cameraScan(code, scanner, at);
        if (!scan) continue;
        setLastRead({ text: scan.raw, at });
        setFlash(true);
        onScan(scan);
      }
    },
    [scanner, onScan],
  );
  const decoding = useFrameDecoding(video, camera.stream, onCodes);

  const problem = camera.problem;
  const labelled = camera.cameras.filter((c) => c.deviceId !== '');
  return (
    <section className="camera-panel" aria-label={t('camera.title')} data-testid="camera-panel">
      <div className="camera-head">
        <label className="camera-picker">
          {t('camera.device')}
          <select
            value={camera.active?.deviceId ?? ''}
            disabled={labelled.length === 0}
            onChange={(e) => {
              const picked = labelled.find((c) => c.deviceId === e.target.value);
              if (picked) void updateSettings({ ...settings, ...rememberCamera(picked) });
            }}
          >
            {labelled.length === 0 && <option value="">{t('camera.defaultDevice')}</option>}
            {labelled.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label || t('camera.unnamed', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        {decoding.stats && (
          <span className="sub" data-testid="camera-stats" data-frames={decoding.stats.frames} data-fps={decoding.stats.fps.toFixed(1)}>
            {t('camera.rate', { fps: decoding.stats.fps.toFixed(1), ms: Math.round(decoding.stats.msPerFrame) })}
          </span>
        )}
      </div>
      {problem ? (
        <div className="notice error camera-problem" role="alert" data-problem={problem.kind}>
          <p>{t(`camera.problems.${problem.kind}`)}</p>
          <span>{t(`camera.fixes.${problem.kind}`)}</span>
          {problem.detail && <span className="sub mono"> ({problem.detail})</span>}
          <div>
            <button type="button" onClick={camera.retry}>
              {t('camera.retry')}
            </button>
          </div>
        </div>
      ) : (
        // Sized by the video's aspect ratio, so the frame box drawn in per cent covers exactly the
        // pixels the decoder reads first; never taller than 45 % of the window.
        <div className="camera-view" style={{ aspectRatio: aspect, width: `min(100%, calc(45vh * ${aspect}))` }}>
          <video
            ref={setVideo}
            muted
            playsInline
            autoPlay
            onLoadedMetadata={(e) => {
              const { videoWidth, videoHeight } = e.currentTarget;
              if (videoWidth > 0 && videoHeight > 0) setAspect(videoWidth / videoHeight);
            }}
          />
          <div className={`camera-box${flash ? ' read' : ''}`} style={boxStyle} aria-hidden />
          <p className="camera-box-hint">{camera.stream ? t('camera.holdHere') : t('camera.opening')}</p>
        </div>
      )}
      {decoding.error && (
        <p className="notice error" role="alert">
          {t('camera.decoderFailed', { detail: decoding.error })}
        </p>
      )}
      {lastRead && (
        <p className="camera-last" data-testid="camera-last">
          {t('camera.lastRead')} <span className="mono">{lastRead.text}</span>
        </p>
      )}
    </section>
  );
}

import goodUrl from '../../assets/sounds/good.wav';
import warningUrl from '../../assets/sounds/warning.wav';
import errorUrl from '../../assets/sounds/error.wav';
import type { Tone } from '../desk/perform-scan';

type Sound = Exclude<Tone, 'info'>;
const urls: Record<Sound, string> = { good: goodUrl, warning: warningUrl, error: errorUrl };

/**
 * The scan sounds through Web Audio: each file fetched and decoded once, so a scan's beep is one
 * buffer source started on the audio thread — no media element to rewind, no decoder, nothing
 * that holds up the result on screen (an `<audio>` element's `play()` cost the scan path most of
 * a millisecond). Each start is its own voice: two quick scans both beep.
 */
let context: AudioContext | null = null;
const loading = new Map<Sound, Promise<AudioBuffer | null>>();
const decoded = new Map<Sound, AudioBuffer>();

function audioContext(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') context = new AudioContext({ latencyHint: 'interactive' });
  return context;
}

function load(sound: Sound): Promise<AudioBuffer | null> {
  let buffer = loading.get(sound);
  const ctx = audioContext();
  if (!buffer && ctx) {
    buffer = fetch(urls[sound])
      .then((response) => response.arrayBuffer())
      .then((bytes) => ctx.decodeAudioData(bytes))
      .then((decodedBuffer) => {
        decoded.set(sound, decodedBuffer);
        return decodedBuffer;
      })
      // A sound that cannot load (no file, no audio stack) leaves the desk silent, never stuck:
      // the colour and the text still tell the result.
      .catch(() => null);
    loading.set(sound, buffer);
  }
  return buffer ?? Promise.resolve(null);
}

/** Loads the sounds ahead of the first scan. */
export function preloadSounds(): void {
  (Object.keys(urls) as Sound[]).forEach(load);
}

/**
 * Plays the scan sound for a result. A page that has had no user gesture yet keeps its audio
 * suspended (a browser's autoplay policy; Electron allows it): the scan's own key press is one, so
 * the context is resumed here. A scan before the sounds are decoded beeps once they are.
 */
export function playTone(tone: Tone, enabled = true): void {
  if (!enabled || tone === 'info') return;
  const ctx = audioContext();
  if (!ctx) return;
  if (ctx.state === 'suspended') ctx.resume().catch(() => {});
  const buffer = decoded.get(tone);
  if (buffer) start(ctx, buffer);
  else void load(tone).then((loaded) => loaded && start(ctx, loaded));
}

function start(ctx: AudioContext, buffer: AudioBuffer): void {
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(ctx.destination);
  source.start();
}

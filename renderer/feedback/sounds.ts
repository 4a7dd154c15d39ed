import goodUrl from '../../assets/sounds/good.wav';
import warningUrl from '../../assets/sounds/warning.wav';
import errorUrl from '../../assets/sounds/error.wav';
import type { Tone } from '../desk/perform-scan';

const urls: Record<Exclude<Tone, 'info'>, string> = { good: goodUrl, warning: warningUrl, error: errorUrl };
const cache = new Map<string, HTMLAudioElement>();

/**
 * Plays the scan sound for a result. A new element per play when one is still sounding, so two
 * quick scans both beep. Playback failures (no audio device, autoplay policy) are ignored: the
 * colour and the text still tell the result.
 */
export function playTone(tone: Tone, enabled = true): void {
  if (!enabled || tone === 'info') return;
  const url = urls[tone];
  let audio = cache.get(url);
  if (!audio || !audio.paused) {
    audio = new Audio(url);
    audio.dataset.tone = tone;
    cache.set(url, audio);
  } else {
    audio.currentTime = 0;
  }
  audio.play().catch(() => {});
}

import goodUrl from '../../assets/sounds/good.wav';
import warningUrl from '../../assets/sounds/warning.wav';
import errorUrl from '../../assets/sounds/error.wav';
import type { Tone } from '../desk/perform-scan';

type Sound = Exclude<Tone, 'info'>;
const urls: Record<Sound, string> = { good: goodUrl, warning: warningUrl, error: errorUrl };
/** A few players per sound, made once: two quick scans both beep, and no scan waits for a decoder. */
const PLAYERS = 3;
const pools = new Map<Sound, HTMLAudioElement[]>();

function pool(sound: Sound): HTMLAudioElement[] {
  let players = pools.get(sound);
  if (!players) {
    players = Array.from({ length: PLAYERS }, () => {
      const audio = new Audio(urls[sound]);
      audio.preload = 'auto';
      audio.dataset.tone = sound;
      return audio;
    });
    pools.set(sound, players);
  }
  return players;
}

/** Loads the sounds ahead of the first scan. */
export function preloadSounds(): void {
  (Object.keys(urls) as Sound[]).forEach(pool);
}

/**
 * Plays the scan sound for a result on a free player (or restarts the oldest). Playback failures
 * (no audio device, autoplay policy) are ignored: the colour and the text still tell the result.
 */
export function playTone(tone: Tone, enabled = true): void {
  if (!enabled || tone === 'info') return;
  const players = pool(tone);
  const audio = players.find((p) => p.paused) ?? (players[0] as HTMLAudioElement);
  audio.currentTime = 0;
  audio.play().catch(() => {});
}

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
      // Rewound as soon as it has played, not when the next scan wants it: a seek is the costly
      // part of starting a sound, and the scan's result should not wait for one.
      audio.addEventListener('ended', () => {
        audio.currentTime = 0;
      });
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
 * Plays the scan sound for a result on a free player, rewound already where one is (or restarts the oldest). Playback failures
 * (no audio device, autoplay policy) are ignored: the colour and the text still tell the result.
 */
export function playTone(tone: Tone, enabled = true): void {
  if (!enabled || tone === 'info') return;
  const players = pool(tone);
  const rewound = players.find((p) => p.paused && p.currentTime === 0);
  const audio = rewound ?? players.find((p) => p.paused) ?? (players[0] as HTMLAudioElement);
  if (!rewound) audio.currentTime = 0;
  audio.play().catch(() => {});
}

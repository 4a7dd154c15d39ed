// Generates the desk's scan sounds (assets/sounds/*.wav): short, distinct, loud enough for a busy
// desk. good = one high beep, warning = two mid beeps, error = a low buzz. Run: node scripts/make-sounds.mjs
import { writeFileSync, mkdirSync } from 'node:fs';

const rate = 22050;

function tone(freq, ms, { square = false, volume = 0.6 } = {}) {
  const n = Math.round((rate * ms) / 1000);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const phase = Math.sin((2 * Math.PI * freq * i) / rate);
    const fade = Math.min(1, i / (rate * 0.004), (n - i) / (rate * 0.004)); // no clicks
    out[i] = (square ? Math.sign(phase) * 0.5 : phase) * volume * fade;
  }
  return out;
}
const silence = (ms) => new Float32Array(Math.round((rate * ms) / 1000));
const concat = (...parts) => Float32Array.from(parts.flatMap((p) => [...p]));

function wav(samples) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const dir = new URL('../assets/sounds/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('good.wav', dir), wav(tone(1760, 90)));
writeFileSync(new URL('warning.wav', dir), wav(concat(tone(880, 90), silence(60), tone(880, 90))));
writeFileSync(new URL('error.wav', dir), wav(concat(tone(220, 180, { square: true }), silence(40), tone(196, 260, { square: true }))));
console.log('wrote assets/sounds/{good,warning,error}.wav');

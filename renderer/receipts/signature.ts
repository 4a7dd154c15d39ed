import { eventLimits } from '../../shared/domain/limits';

/** Sizes to try, largest first: the signature must fit the event with the terms and the devices. */
const SIZES = [
  { width: 480, height: 160 },
  { width: 360, height: 120 },
  { width: 240, height: 80 },
];

/**
 * The drawn signature as a flat black-on-white PNG, as small as the event needs. Only pixels leave
 * the pad: signature_pad's point data (times, pressure) is never read, so nothing of how the
 * employee wrote is kept — that would be biometric data (GDPR art. 9).
 */
export function* flatSignatures(pad: HTMLCanvasElement): Generator<string> {
  for (const { width, height } of SIZES) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    const scale = Math.min(width / pad.width, height / pad.height);
    const w = pad.width * scale;
    const h = pad.height * scale;
    context.drawImage(pad, (width - w) / 2, (height - h) / 2, w, h);
    // Two colours only: ink or paper. Antialiasing grey would cost bytes and says nothing.
    const image = context.getImageData(0, 0, width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      const ink = (image.data[i] ?? 255) + (image.data[i + 1] ?? 255) + (image.data[i + 2] ?? 255) < 384 ? 0 : 255;
      image.data[i] = image.data[i + 1] = image.data[i + 2] = ink;
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const url = canvas.toDataURL('image/png');
    if (url.length <= eventLimits.signatureMax) yield url;
  }
}

import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/** The project root (two folders up from here). */
export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

export type ElectronLaunch = { canLaunch: true; executablePath: string } | { canLaunch: false; reason: string };

/**
 * Whether the smoke test can start Electron here, and if not, why, in words for the log: the
 * binary (detected as `npm start` does) and, on Linux, a display to open the window on.
 */
export function electronLaunch(): ElectronLaunch {
  const binary = findElectronBinary(projectDir);
  if (!binary.found) return { canLaunch: false, reason: binary.reason };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { canLaunch: false, reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset); run under xvfb-run' };
  }
  return { canLaunch: true, executablePath: binary.path };
}

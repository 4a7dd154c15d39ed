import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (two folders up from here). */
export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

export type ElectronLaunch = { canLaunch: true; executablePath: string } | { canLaunch: false; reason: string };

/**
 * Whether the smoke test can start Electron here, and if not, why, in words for the log. Same
 * detection as `scripts/electron-binary.mjs` (which `npm start` uses): `require('electron')`
 * throws, or names a missing file, when the binary was never downloaded.
 */
export function electronLaunch(): ElectronLaunch {
  const require = createRequire(join(projectDir, 'package.json'));
  let executablePath: unknown;
  try {
    executablePath = require('electron');
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      canLaunch: false,
      reason: `no Electron binary: require('electron') threw "${detail}" (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)`,
    };
  }
  if (typeof executablePath !== 'string' || !existsSync(executablePath)) {
    return { canLaunch: false, reason: `no Electron binary at ${String(executablePath)}` };
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { canLaunch: false, reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset); run under xvfb-run' };
  }
  return { canLaunch: true, executablePath };
}

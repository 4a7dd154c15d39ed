// Whether this checkout can start Electron. Installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1
// (CI, machines without access to Electron's download host) have the npm package but no binary:
// then `require('electron')` throws, or names a file that is not there.
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * @param {string} projectDir
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(projectDir = process.cwd()) {
  const require = createRequire(join(projectDir, 'package.json'));
  let path;
  try {
    path = require('electron');
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      found: false,
      reason: `the electron package has no binary (require('electron') threw: ${detail}). Its install script downloads it from the internet, so npm install does not run it (package.json allowScripts); where the internet is reachable: node node_modules/electron/install.js`,
    };
  }
  if (typeof path !== 'string' || path === '') {
    return { found: false, reason: "require('electron') did not name a binary (not running under Node?)" };
  }
  if (!existsSync(path)) return { found: false, reason: `the Electron binary ${path} does not exist` };
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { found: false, reason: `the Electron binary ${path} is not executable` };
  }
  return { found: true, path };
}

/** The JavaScript file behind a package's command, run with this Node (works on every OS). */
export function packageBin(projectDir, packageName, command = packageName) {
  const require = createRequire(join(projectDir, 'package.json'));
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command];
  return join(manifestPath, '..', bin);
}

// The Electron smoke test: `node tests/electron/run.mjs` (extra arguments go to Playwright).
// Builds first when out/ lacks a bundle. The checks of the built bundles and of
// electron-builder.yml always run; the tests that start the app run where an Electron binary
// exists, and otherwise are skipped with the reason printed (the run still passes).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, packageBin } from '../../scripts/electron-binary.mjs';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const bundles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const missing = bundles.filter((bundle) => !existsSync(join(projectDir, bundle)));
if (missing.length > 0) {
  console.log(`[electron smoke] ${missing.join(', ')} missing: building with electron-vite first`);
  const status = run(process.execPath, [packageBin(projectDir, 'electron-vite'), 'build']);
  if (status !== 0) process.exit(status);
}

const binary = findElectronBinary(projectDir);
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const xvfb = needsDisplay && spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();

if (!binary.found) {
  console.log(
    [
      '',
      '[electron smoke] The Electron binary is not installed, so the tests that START the app are SKIPPED.',
      `[electron smoke] Why: ${binary.reason}`,
      '[electron smoke] Still run: the checks of the built preload/main bundles and of electron-builder.yml.',
      '[electron smoke] To run everything: fetch the Electron binary where the internet is reachable (node node_modules/electron/install.js).',
      '',
    ].join('\n'),
  );
} else if (needsDisplay && !xvfb) {
  console.log('\n[electron smoke] No display and no xvfb-run: the tests that start the app are SKIPPED.\n');
}

const playwright = [packageBin(projectDir, '@playwright/test', 'playwright'), 'test', '--config', 'tests/electron/playwright.config.ts', ...process.argv.slice(2)];
const status = binary.found && needsDisplay && xvfb ? run(xvfb, ['-a', process.execPath, ...playwright]) : run(process.execPath, playwright);
process.exit(status);

// `npm start`: build and start the desk app. With the Electron binary: `electron-vite preview`
// (builds main, preload and renderer, then starts Electron on them). Without it (npm install
// does not download it; see electron-binary.mjs): says so, builds the web version of the renderer
// and serves it for Chromium. `npm start -- --web` takes the web route even where Electron is installed.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, packageBin } from './electron-binary.mjs';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const forceWeb = process.argv.includes('--web');

/** Runs a package's command with this Node; resolves with its exit code. */
function run(packageName, args, { onOutput } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [packageBin(projectDir, packageName), ...args], {
      cwd: projectDir,
      stdio: onOutput ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    });
    if (onOutput) {
      child.stdout.on('data', (data) => {
        process.stdout.write(data);
        onOutput(String(data));
      });
    }
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Words wrapped at `width` columns. */
function wrap(line, width = 96) {
  const out = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...out, current];
}

function banner(paragraphs) {
  const lines = paragraphs.flatMap((paragraph) => wrap(paragraph));
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '='.repeat(width + 4);
  console.log(`\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n`);
}

async function startElectron() {
  process.exitCode = await run('electron-vite', ['preview']);
}

async function startWeb(reason) {
  banner([
    reason ? 'Electron cannot start on this machine:' : 'Web mode requested (--web).',
    ...(reason ? [reason] : []),
    'Serving the web build of the renderer instead (the same UI, with the web Platform).',
  ]);
  const buildCode = await run('vite', ['build', '--config', 'vite.web.config.ts']);
  if (buildCode !== 0) {
    process.exitCode = buildCode;
    return;
  }
  let announced = false;
  process.exitCode = await run('vite', ['preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', '4173'], {
    onOutput: (text) => {
      // Vite picks another port when 4173 is taken, so the URL is read from what it prints.
      const url = text.replace(/\u001b\[[0-9;]*m/g, '').match(/https?:\/\/[^\s]+/)?.[0];
      if (!url || announced) return;
      announced = true;
      banner([`Kvikdesk (web build) is at ${url}`, `Open it in Chromium, e.g.: chromium ${url}`, 'Stop with Ctrl+C.']);
    },
  });
}

const electron = findElectronBinary(projectDir);
if (!forceWeb && electron.found) await startElectron();
else await startWeb(forceWeb ? null : electron.reason);

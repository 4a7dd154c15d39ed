import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { extract } from 'tar';

/**
 * The Chromium that the end-to-end tests, the browser unit test and the benchmarks drive:
 * `CHROMIUM_PATH` when set; else the system's `/usr/bin/chromium` where installed (Debian's
 * package); else the Chromium that ships inside the npm package `@sparticuz/chromium`, unpacked once
 * into a folder of the temp directory named by its version. That build is headless-only and carries
 * the few libraries it needs (NSS) and a font (Open Sans, for Danish letters where the machine has
 * no fonts), which the launch environment points it at.
 */
export interface ChromiumForTests {
  executablePath: string;
  /** The environment to launch it with, where it needs one of its own. */
  env?: Record<string, string>;
  source: 'CHROMIUM_PATH' | '/usr/bin/chromium' | '@sparticuz/chromium';
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumForTests(): ChromiumForTests {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM };
  const dir = unpackNpmChromium();
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      ...inheritedEnv(),
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
    source: '@sparticuz/chromium',
  };
}

/** One line for a test log: which Chromium runs. */
export function describeChromium(chromium: ChromiumForTests): string {
  return `Chromium: ${chromium.executablePath} (${chromium.source})`;
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Unpacks `@sparticuz/chromium` (brotli-compressed binary and tarballs) into
 * `<tmp>/kvikdesk-chromium-<version>/` unless already there. Staged in a folder of its own and
 * renamed into place, so a process that finds the folder finds it whole, and two that unpack at
 * once both succeed. Synchronous, because Playwright's configuration is.
 */
export function unpackNpmChromium(): string {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Error(`No Chromium for the tests: @sparticuz/chromium is built for Linux x64/arm64 only. Set CHROMIUM_PATH to a Chromium or Chrome on this ${process.platform}/${process.arch} machine.`);
  }
  const require = createRequire(import.meta.url);
  const packageDir = join(dirname(require.resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `kvikdesk-chromium-${version}`);
  if (existsSync(join(target, 'chromium'))) return target;

  const bin = join(packageDir, 'bin');
  const staging = mkdtempSync(`${target}.partial-`);
  try {
    writeFileSync(join(staging, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
    // fonts/ (Open Sans), the software GL libraries beside the binary, and lib/ (NSS, expat).
    for (const archive of ['fonts.tar.br', 'swiftshader.tar.br', 'al2023.tar.br']) extract({ file: join(bin, archive), cwd: staging, sync: true, brotli: true });
    // The package's own fonts.conf names /tmp/fonts; this one names where the font is, and takes
    // the machine's fonts too where it has a fontconfig of its own.
    writeFileSync(
      join(staging, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${join(target, 'fonts')}</dir>`,
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <cachedir>${join(target, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process renamed its copy into place first: theirs is as good as ours.
    if (!existsSync(join(target, 'chromium'))) throw error;
  }
  return target;
}

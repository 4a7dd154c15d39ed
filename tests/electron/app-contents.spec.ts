import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { expect, test } from '@playwright/test';
import { build, Platform } from 'electron-builder';
import { projectDir } from './launch-blocker';

/**
 * What the desk installer carries: electron-builder itself packs the app (`--linux dir`, this
 * project's electron-builder.yml), and the test reads the app.asar it wrote. The desk needs at run
 * time only the built bundles and node-hid (a native addon the main process loads); a package of
 * the server or one the renderer bundle already holds must not be in it.
 *
 * Electron's binary cannot be downloaded here, and packaging only copies it: an empty stand-in
 * takes its place, and the fuses (flipped inside that binary) are left out of this build.
 */

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readPackage = async (path: string): Promise<PackageJson> => JSON.parse(await readFile(join(projectDir, path), 'utf8')) as PackageJson;

/** The npm packages in a list of archive paths (`/node_modules/<name>/…`, scoped names whole). */
function packagesIn(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (match?.[1]) names.add(match[1].replace('\\', '/'));
  }
  return [...names].sort();
}

test('the packaged desk holds its bundles and node-hid, and no server or renderer package', async () => {
  test.setTimeout(300_000);
  const work = await mkdtemp(join(tmpdir(), 'kvikdesk-pack-'));
  try {
    const electronDist = join(work, 'electron');
    await mkdir(electronDist);
    await writeFile(join(electronDist, 'electron'), '');
    await chmod(join(electronDist, 'electron'), 0o755);
    const output = join(work, 'dist');
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { electronDist, electronFuses: null, directories: { output } },
    });

    const resources = join(output, 'linux-unpacked', 'resources');
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    const packages = packagesIn(files);

    const root = await readPackage('package.json');
    const server = await readPackage('server/package.json');
    const forbidden = [...Object.keys(server.dependencies ?? {}), ...Object.keys(root.devDependencies ?? {})];
    expect(packages.filter((name) => forbidden.includes(name))).toEqual([]);
    expect(Object.keys(root.dependencies ?? {})).toEqual(['node-hid']);
    expect(packages).toContain('node-hid');

    // The app's own files are the three built bundles and package.json; no sources, no maps.
    const own = files.filter((f) => !f.includes('/node_modules/') && /\.[a-z]+$/i.test(f));
    expect(own.filter((f) => !/^\/(out\/(main|preload|renderer)\/|package\.json$)/.test(f))).toEqual([]);
    expect(own).toContain('/out/main/index.js');
    expect(own).toContain('/out/preload/index.cjs');
    expect(own).toContain('/out/renderer/index.html');
    expect(own.filter((f) => f.endsWith('.map'))).toEqual([]);
    // node-hid's native binary sits outside the archive, where the OS can load it.
    expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'node-hid'))).toBe(true);

    console.log(`[app contents] app.asar: ${files.length} entries; npm packages: ${packages.join(', ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

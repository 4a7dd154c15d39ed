// Types for electron-binary.mjs, so TypeScript tests use the same detection as `npm start`.
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };
export function findElectronBinary(projectDir?: string): ElectronBinary;
export function packageBin(projectDir: string, packageName: string, command?: string): string;

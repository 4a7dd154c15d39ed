import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** `../shared` beside the project: design docs, fixtures and seeds every checkout has. */
export const sharedDir = resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));

export const hasShared = existsSync(sharedDir);

export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}

/** Why a fixture-based test is skipped: said out loud, never silent. */
export const sharedMissing = `../shared is not beside the project (looked in ${sharedDir}); fixture tests skipped`;

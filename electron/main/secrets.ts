import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { secretNameSchema, type SecretName } from '../../shared/ipc/contract';
import type { InvokeHandlers } from './ipc';

/**
 * Desk secrets (the sync token), kept by the main process in one file in the user-data folder, so
 * a script injected into the page cannot read them from IndexedDB or localStorage. Encrypted with
 * the operating system's keychain through Electron's `safeStorage` where one is available; where
 * not, stored as plain text (file mode 0600) and reported as `encrypted: false`, so the settings
 * screen can tell the person.
 */

/** What `safeStorage` gives; `null` from `systemCipher` when there is no real keychain. */
export interface SecretCipher {
  encrypt(plainText: string): Uint8Array;
  decrypt(cipherText: Uint8Array): string;
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * The keychain cipher, or `null` when there is none. On Linux without a secret service Electron
 * falls back to `basic_text`, which "encrypts" with a password built into Chromium: that is
 * obfuscation, not protection, so it counts as unencrypted here and is reported as such.
 */
export function systemCipher(safeStorage: SafeStorageLike, platform: string): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(Buffer.from(cipherText)),
  };
}

const storedSecretSchema = z.object({
  encrypted: z.boolean(),
  /** Base64 of the cipher text when encrypted, else the secret itself. */
  value: z.string(),
});

const secretsFileSchema = z.object({
  version: z.literal(1),
  secrets: z.partialRecord(secretNameSchema, storedSecretSchema),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  /** An empty value forgets the secret. */
  set(name: SecretName, value: string): Promise<{ encrypted: boolean }>;
}

export interface SecretStoreOptions {
  filePath: string;
  /** Asked on every write and read: the keychain can come and go (a locked session, a new login). */
  cipher: () => SecretCipher | null;
}

export function createSecretStore(options: SecretStoreOptions): SecretStore {
  // Writes go one after another: two quick `set`s must not interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<SecretsFile> => {
    let text: string;
    try {
      text = await readFile(options.filePath, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { version: 1, secrets: {} };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`The secrets file ${options.filePath} is not valid JSON; set the desk token again to replace it`);
    }
    const parsed = secretsFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`The secrets file ${options.filePath} is not in the expected form; set the desk token again to replace it`);
    }
    return parsed.data;
  };

  const save = async (file: SecretsFile): Promise<void> => {
    await mkdir(dirname(options.filePath), { recursive: true });
    // Write then rename: a crash mid-write leaves the old file, never half a token.
    const temporary = `${options.filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, options.filePath);
  };

  return {
    get: (name) =>
      serially(async () => {
        const stored = (await load()).secrets[name];
        if (!stored) return null;
        if (!stored.encrypted) return stored.value;
        const cipher = options.cipher();
        if (cipher === null) {
          throw new Error('The desk token was encrypted with the system keychain, which is not available now');
        }
        return cipher.decrypt(Buffer.from(stored.value, 'base64'));
      }),
    set: (name, value) =>
      serially(async () => {
        let file: SecretsFile;
        try {
          file = await load();
        } catch {
          // A damaged file cannot be read anyway; setting the secret again is how it is repaired.
          file = { version: 1, secrets: {} };
        }
        const cipher = options.cipher();
        const secrets = { ...file.secrets };
        if (value === '') delete secrets[name];
        else if (cipher === null) secrets[name] = { encrypted: false, value };
        else secrets[name] = { encrypted: true, value: Buffer.from(cipher.encrypt(value)).toString('base64') };
        await save({ version: 1, secrets });
        return { encrypted: cipher !== null };
      }),
  };
}

export function secretHandlers(store: SecretStore): Pick<InvokeHandlers<unknown>, 'secrets:get' | 'secrets:set'> {
  return {
    'secrets:get': (name) => store.get(name),
    'secrets:set': ({ name, value }) => store.set(name, value),
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretStore, secretHandlers, systemCipher, type SafeStorageLike, type SecretCipher } from './secrets';

const TOKEN = 'kvk_desk7_3f9a2c1b8e';

/** A reversible stand-in for the keychain: the stored bytes must not contain the token. */
const xorCipher: SecretCipher = {
  encrypt: (plainText) => Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a),
  decrypt: (cipherText) => Buffer.from(cipherText.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kvikdesk-secrets-'));
  filePath = join(dir, 'nested', 'secrets.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secret store with a keychain', () => {
  it('stores the token encrypted and reads it back', async () => {
    const store = createSecretStore({ filePath, cipher: () => xorCipher });
    expect(await store.get('deskToken')).toBeNull();
    expect(await store.set('deskToken', TOKEN)).toEqual({ encrypted: true });
    const onDisk = await readFile(filePath, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, secrets: { deskToken: { encrypted: true } } });
    expect(await store.get('deskToken')).toBe(TOKEN);
    // A fresh store (the next start of the app) reads the same file.
    expect(await createSecretStore({ filePath, cipher: () => xorCipher }).get('deskToken')).toBe(TOKEN);
  });

  it('writes the file readable by its owner only', async () => {
    if (process.platform === 'win32') return; // Windows has no POSIX modes; the profile ACL applies
    await createSecretStore({ filePath, cipher: () => xorCipher }).set('deskToken', TOKEN);
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
  });

  it('forgets the token when set to empty', async () => {
    const store = createSecretStore({ filePath, cipher: () => xorCipher });
    await store.set('deskToken', TOKEN);
    await store.set('deskToken', '');
    expect(await store.get('deskToken')).toBeNull();
  });

  it('keeps the last of several quick writes', async () => {
    const store = createSecretStore({ filePath, cipher: () => xorCipher });
    await Promise.all(['a', 'b', 'c', 'd'].map((value) => store.set('deskToken', value)));
    expect(await store.get('deskToken')).toBe('d');
  });
});

describe('secret store without a keychain', () => {
  it('falls back to plain storage and says so', async () => {
    const store = createSecretStore({ filePath, cipher: () => null });
    expect(await store.set('deskToken', TOKEN)).toEqual({ encrypted: false });
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toEqual({
      version: 1,
      secrets: { deskToken: { encrypted: false, value: TOKEN } },
    });
    expect(await store.get('deskToken')).toBe(TOKEN);
  });

  it('refuses, with a reason, to read a token encrypted when the keychain was there', async () => {
    await createSecretStore({ filePath, cipher: () => xorCipher }).set('deskToken', TOKEN);
    await expect(createSecretStore({ filePath, cipher: () => null }).get('deskToken')).rejects.toThrow('keychain');
  });

  it('encrypts on the next write once a keychain appears', async () => {
    let cipher: SecretCipher | null = null;
    const store = createSecretStore({ filePath, cipher: () => cipher });
    expect(await store.set('deskToken', TOKEN)).toEqual({ encrypted: false });
    cipher = xorCipher;
    expect(await store.set('deskToken', TOKEN)).toEqual({ encrypted: true });
    expect(await readFile(filePath, 'utf8')).not.toContain(TOKEN);
  });
});

describe('a damaged secrets file', () => {
  it('is reported on read and replaced on the next write', async () => {
    const store = createSecretStore({ filePath: join(dir, 'secrets.json'), cipher: () => null });
    await writeFile(join(dir, 'secrets.json'), '{"version": 1, "secrets": {"deskToken": 42}}');
    await expect(store.get('deskToken')).rejects.toThrow('not in the expected form');
    await writeFile(join(dir, 'secrets.json'), '{not json');
    await expect(store.get('deskToken')).rejects.toThrow('not valid JSON');
    await store.set('deskToken', TOKEN);
    expect(await store.get('deskToken')).toBe(TOKEN);
  });
});

describe('systemCipher', () => {
  function safeStorage(available: boolean, backend: string): SafeStorageLike & { encrypted: string[] } {
    const encrypted: string[] = [];
    return {
      encrypted,
      isEncryptionAvailable: () => available,
      encryptString: (plainText) => (encrypted.push(plainText), xorCipher.encrypt(plainText)),
      decryptString: (cipherText) => xorCipher.decrypt(cipherText),
      getSelectedStorageBackend: () => backend,
    };
  }

  it('uses safeStorage when a real keychain backs it', () => {
    const storage = safeStorage(true, 'gnome_libsecret');
    const cipher = systemCipher(storage, 'linux');
    expect(cipher).not.toBeNull();
    expect(cipher?.decrypt(cipher.encrypt(TOKEN))).toBe(TOKEN);
    expect(storage.encrypted).toEqual([TOKEN]);
    expect(systemCipher(safeStorage(true, 'unknown'), 'win32')).not.toBeNull();
  });

  it('is null when encryption is unavailable or only Linux basic_text obfuscation is', () => {
    expect(systemCipher(safeStorage(false, 'gnome_libsecret'), 'linux')).toBeNull();
    expect(systemCipher(safeStorage(true, 'basic_text'), 'linux')).toBeNull();
  });
});

describe('secretHandlers', () => {
  it('wires secrets:get and secrets:set to the store', async () => {
    const handlers = secretHandlers(createSecretStore({ filePath, cipher: () => xorCipher }));
    expect(await handlers['secrets:set']({ name: 'deskToken', value: TOKEN }, null)).toEqual({ encrypted: true });
    expect(await handlers['secrets:get']('deskToken', null)).toBe(TOKEN);
  });
});

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { keepSoundsAsFiles } from './vite.web.config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The three Electron bundles. The renderer is the same app the web build (vite.web.config.ts)
// serves to plain Chromium; only the Platform implementation differs, picked at start-up.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle the main process's npm dependencies (zod) so the packaged app needs none in
      // node_modules at run time except node-hid: a native addon, which must stay a runtime
      // require, never bundled.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') }, external: ['node-hid'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron` (and a few built-ins): bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      assetsInlineLimit: keepSoundsAsFiles,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});

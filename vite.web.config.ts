import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { anyServer, contentSecurityPolicy as policyFor } from './shared/security/csp';

/**
 * The web build's Content Security Policy, as a meta tag (in Electron the main process sends it as
 * a header, naming the configured sync server). Only in the build: the dev server's hot reload
 * needs inline scripts. One list for both: `shared/security/csp.ts`.
 */
const csp = policyFor({ connect: anyServer });

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kvikdesk-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
  };
}

/**
 * Sounds stay files: an inlined `data:` URL would be refused by `media-src` in the CSP, and the
 * desk would go silent. Shared with the Electron build (electron.vite.config.ts).
 */
export const keepSoundsAsFiles = (file: string): boolean | undefined => (/\.(wav|mp3|ogg)$/.test(file) ? false : undefined);

// The renderer as a plain web app: how it runs in Chromium for end-to-end tests and development.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir: '../out/web', emptyOutDir: true, assetsInlineLimit: keepSoundsAsFiles },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer as a plain web app: how it runs in Chromium for end-to-end tests and development.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true },
  server: { port: 5173, strictPort: false },
});

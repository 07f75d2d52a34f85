/**
 * Builds every screen as its own page into dist/public, served by the hall server:
 * display/ (board, window screen, kiosk, visitor pages) and counter/ (clerk, pad, manager).
 * `npm run dev` runs `vite build --watch` beside the server.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const pages = (dir: string) =>
  existsSync(resolve(root, dir))
    ? Object.fromEntries(
        readdirSync(resolve(root, dir))
          .filter((f) => f.endsWith('.html'))
          .map((f) => [`${dir}/${f.replace(/\.html$/, '')}`, resolve(root, dir, f)]),
      )
    : {};

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      input: { index: resolve(root, 'index.html'), ...pages('display'), ...pages('counter') },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});

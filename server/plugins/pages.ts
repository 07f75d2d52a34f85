/**
 * Serves the built screens (Vite output in dist/public) with friendly paths:
 * /board, /window-screen, /kiosk, /t/<code> (a visitor's ticket), /h/<hall> (扫码取号),
 * /h/<hall>/book and /b/<code> (预约), /clerk, /pad, /manager.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Friendly path → built HTML file. Each screen is its own Vite page. */
export const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/board': 'display/board.html',
  '/window-screen': 'display/window.html',
  '/kiosk': 'display/kiosk.html',
  '/t/:code': 'display/ticket.html',
  '/h/:hallCode': 'display/take.html',
  '/h/:hallCode/book': 'display/book.html',
  '/b/:code': 'display/book.html',
  '/clerk': 'counter/clerk.html',
  '/pad': 'counter/pad.html',
  '/manager': 'counter/manager.html',
};

export default fp<{ publicDir: string }>(
  async function pagesPlugin(app: FastifyInstance, opts) {
    if (!existsSync(opts.publicDir)) {
      app.log.warn({ publicDir: opts.publicDir }, 'screens are not built: run `npm run build`');
      return;
    }
    await app.register(fastifyStatic, {
      root: opts.publicDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies (scripts/compress-public.mjs): a phone on a weak
      // connection gets the ticket page in about a third of the bytes.
      preCompressed: true,
      // Hashed assets never change; pages must always be fresh so screens pick up new builds.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    for (const [path, file] of Object.entries(PAGES)) {
      if (!existsSync(join(opts.publicDir, file))) continue;
      app.get(path, { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile(file));
    }
  },
  { name: 'pages' },
);

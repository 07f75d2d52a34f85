#!/usr/bin/env node
/**
 * `npm run dev`: rebuilds the screens on change (vite build --watch) and restarts the server on
 * change (tsx watch), both on the same port as `npm start`.
 */
import { spawn } from 'node:child_process';

const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit', env: process.env });
const children = [run('npx', ['vite', 'build', '--watch']), run('npx', ['tsx', 'watch', 'server/main.ts'])];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

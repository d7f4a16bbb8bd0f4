/**
 * `npm start`: builds the web app when its sources are newer than the build, then runs the platform
 * (`da06 serve`) on the embedded database, or on PostgreSQL when DATABASE_URL is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../server/src/cli.ts';

const WEB = path.resolve(import.meta.dirname, '..', 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (!fs.existsSync(BUILT) || fs.statSync(BUILT).mtimeMs < newestSource(WEB)) {
  process.stderr.write('Đang dựng giao diện web / building the web app…\n');
  // Vite sets process.env.NODE_ENV to "production" while it builds: keep the caller's value for the server.
  const nodeEnv = process.env.NODE_ENV;
  const { build } = await import('vite');
  await build({ root: WEB, logLevel: 'warn', configFile: path.join(WEB, 'vite.config.ts') });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}

const code = await runCli(['serve', ...process.argv.slice(2)]);
if (code >= 0) process.exit(code);

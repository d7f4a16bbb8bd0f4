import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

describe('one process owns an embedded data directory', () => {
  it('refuses a second owner while the first is alive, naming the lock and the owner', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-lock-'));
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${new URL('./data-dir-lock.ts', import.meta.url).pathname}').then(m => { m.lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      assert.throws(
        () => lockDataDir(dir),
        (error: unknown) => {
          assert.ok(error instanceof DataDirLockedError);
          assert.equal(error.ownerPid, holder.pid);
          assert.match(error.message, new RegExp(`${holder.pid}`));
          assert.match(error.message, /da06\.lock/);
          return true;
        },
      );
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // The holder died without releasing: its lock is stale and is taken over.
    const lock = lockDataDir(dir);
    assert.ok(fs.existsSync(lock.file));
    lock.release();
    assert.ok(!fs.existsSync(lock.file));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

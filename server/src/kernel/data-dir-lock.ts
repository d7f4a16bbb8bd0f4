/**
 * One process owns an embedded database directory.
 *
 * PGlite has no shared-memory coordination between processes: two processes opening the same data directory lose
 * rows and can corrupt the catalog (seen on this kind of machine). The first process writes a lock file with its pid;
 * a second process finds the owner alive and refuses to start, naming the lock file and the owner. A lock left by a
 * process that died (its pid no longer runs on this host) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `Thư mục dữ liệu đang được tiến trình ${ownerPid} sử dụng (khóa ${lockFile}); chỉ một tiến trình được mở cơ sở dữ liệu nhúng. ` +
        `Dừng tiến trình kia, hoặc đặt DATABASE_URL để dùng PostgreSQL cho nhiều tiến trình.\n` +
        `The data directory is in use by process ${ownerPid} (lock ${lockFile}); only one process may open the embedded database. ` +
        `Stop that process, or set DATABASE_URL to use PostgreSQL with several processes.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'da06.lock');
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
      return makeLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.pid !== process.pid && owner.host === os.hostname() && isAlive(owner.pid)) {
        throw new DataDirLockedError(file, owner.pid);
      }
      // A stale lock (its owner has died) or one we cannot read: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

function makeLock(file: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const owner = readOwner(file);
    if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { file, release };
}

function readOwner(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as LockContent) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `npm test`: every test of the project with node's test runner.
 *
 *   npm test                     all sizes: *.test.ts, *.db.test.ts, *.http.test.ts, then browser journeys (e2e/)
 *   npm test -- <filter>...      only files whose path contains one of the filters
 *   TEST_DATABASE_URL=postgres://…  run the database tests on PostgreSQL instead of PGlite
 *
 * The migrated template database is built once here, before the files run in parallel.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanStaleTestDatabases, prepareTestTemplate, REPO_ROOT } from '../server/test/support.ts';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'data', '.cache', 'artifacts']);

function findFiles(dir: string, pattern: RegExp, found: string[] = []): string[] {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, pattern, found);
    else if (pattern.test(entry.name)) found.push(path.relative(REPO_ROOT, full));
  }
  return found;
}

const filters = process.argv.slice(2);
const matches = (file: string) => filters.length === 0 || filters.some((filter) => file.includes(filter));

const unitAndIntegration = [...findFiles(path.join(REPO_ROOT, 'server'), /\.test\.ts$/), ...findFiles(path.join(REPO_ROOT, 'examples'), /\.test\.ts$/)]
  .filter(matches)
  .sort();
// DA06_TEST_BROWSER=0 leaves the browser journeys out (CI runs them once, in the PGlite pass).
const browser = process.env.DA06_TEST_BROWSER === '0' ? [] : findFiles(path.join(REPO_ROOT, 'e2e'), /\.e2e\.ts$/).filter(matches).sort();

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
process.stdout.write(`DA06 tests on ${engine}: ${unitAndIntegration.length} files, ${browser.length} browser journeys\n`);

await cleanStaleTestDatabases();
await prepareTestTemplate();

function runNodeTests(files: string[], concurrency: number): number {
  if (files.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
  );
  return result.status ?? 1;
}

let status = runNodeTests(unitAndIntegration, 2);
if (browser.length > 0) {
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    process.stderr.write('\n!! Chromium is not installed (apt-get install -y chromium): browser journeys NOT run.\n');
    status ||= process.env.CI ? 1 : 0;
  } else {
    status = runNodeTests(browser, 1) || status;
  }
}
process.exit(status);

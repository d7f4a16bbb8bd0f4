/**
 * Module boundaries (DESIGN.md §2), checked in CI by `npm run lint`:
 * 1. code outside a module imports it only through its index.ts (no deep imports);
 * 2. the kernel imports no module (modules depend on the kernel, never the reverse);
 * 3. no cycles between modules.
 * The composition root (app.ts, modules.ts, platform.ts, cli.ts) and tests may import any module's index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_SRC = path.join(ROOT, 'server', 'src');
const MODULES = path.join(SERVER_SRC, 'modules');
const SCAN_DIRS = [path.join(ROOT, 'server'), path.join(ROOT, 'bench'), path.join(ROOT, 'scripts'), path.join(ROOT, 'e2e'), path.join(ROOT, 'examples')];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function tsFiles(dir: string, found: string[] = []): string[] {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tsFiles(full, found);
    else if (/\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** The module a file belongs to, or undefined for code outside server/src/modules. */
function moduleOf(file: string): string | undefined {
  const relative = path.relative(MODULES, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
}

const problems: string[] = [];
const edges = new Map<string, Set<string>>();

for (const file of SCAN_DIRS.flatMap((dir) => tsFiles(dir))) {
  const source = fs.readFileSync(file, 'utf8');
  const fromModule = moduleOf(file);
  const inKernel = !path.relative(path.join(SERVER_SRC, 'kernel'), file).startsWith('..');
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier || !specifier.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), specifier);
    const toModule = moduleOf(target);
    if (!toModule || toModule === fromModule) continue;
    const where = `${path.relative(ROOT, file)} → ${specifier}`;
    if (inKernel) problems.push(`the kernel must not import a module: ${where}`);
    if (path.relative(path.join(MODULES, toModule), target) !== 'index.ts') {
      problems.push(`deep import into module "${toModule}" (use its index.ts): ${where}`);
    }
    if (fromModule) {
      if (!edges.has(fromModule)) edges.set(fromModule, new Set());
      edges.get(fromModule)!.add(toModule);
    }
  }
}

// Cycles: depth-first search over the module graph.
const state = new Map<string, 'visiting' | 'done'>();
function visit(module: string, trail: string[]) {
  if (state.get(module) === 'done') return;
  if (state.get(module) === 'visiting') {
    problems.push(`cycle between modules: ${[...trail.slice(trail.indexOf(module)), module].join(' → ')}`);
    return;
  }
  state.set(module, 'visiting');
  for (const next of edges.get(module) ?? []) visit(next, [...trail, module]);
  state.set(module, 'done');
}
for (const module of edges.keys()) visit(module, []);

if (problems.length > 0) {
  process.stderr.write(`Module boundary check failed:\n  - ${problems.join('\n  - ')}\n`);
  process.exit(1);
}
process.stdout.write(`Module boundaries OK (${edges.size} modules with dependencies).\n`);

/**
 * `npm run bench -- <name> [options]`: runs bench/<name>.bench.ts.
 * Each benchmark prints its figures as readable lines, then ends with one line holding a JSON object of the same
 * figures. Benchmarks run on PostgreSQL (BENCH_DATABASE_URL, default the local server's `postgres` database), each in a
 * fresh database that is dropped afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';

const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const bench = (await import(path.join(import.meta.dirname, `${name}.bench.ts`))) as { run(args: string[]): Promise<Record<string, unknown>> };
const figures = await bench.run(args);
process.stdout.write(`${JSON.stringify({ bench: name, ...figures })}\n`);
process.exit(0);

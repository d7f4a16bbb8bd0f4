/**
 * Every string of the web app exists in Vietnamese and in English: web/src/i18n/vi.json and en.json have the same
 * keys, and every key the code asks for (t('…')) is in both. A key built at run time (t(`purposes.${code}`)) is checked
 * up to its last fixed part. Runs with the browser journeys (no browser needed).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../server/test/support.ts';

const I18N = path.join(REPO_ROOT, 'web', 'src', 'i18n');
const SOURCES = path.join(REPO_ROOT, 'web', 'src');
/** i18next plural forms: a key `x` may exist only as `x_one` / `x_other`. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}

function read(language: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(I18N, `${language}.json`), 'utf8')) as Tree;
}

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

describe('web app strings: Vietnamese and English', () => {
  const vi = read('vi');
  const en = read('en');
  const viKeys = new Set(leaves(vi));
  const enKeys = new Set(leaves(en));

  it('vi.json and en.json have the same keys', () => {
    assert.deepEqual([...viKeys].filter((key) => !enKeys.has(key)), [], 'in vi.json only');
    assert.deepEqual([...enKeys].filter((key) => !viKeys.has(key)), [], 'in en.json only');
  });

  it('no string is empty, and English strings are not left in Vietnamese', () => {
    const flat = (tree: Tree) => new Map(leaves(tree).map((key) => [key, key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string]));
    const viText = flat(vi);
    const enText = flat(en);
    for (const [key, text] of viText) assert.ok(text.trim() !== '', `vi.json ${key} is empty`);
    for (const [key, text] of enText) assert.ok(text.trim() !== '', `en.json ${key} is empty`);
    // Vietnamese-only letters in an English string mean an untranslated one (proper names and legal citations aside).
    const untranslated = [...enText].filter(([key, text]) => /[ảẩẫậằẳẵặẻẽẹềểễệỉịỏọồổỗộờởỡợủụừửữựỳỷỹỵ]/i.test(text.replace(/“[^”]*”|\([^)]*\)|Căn cước|Nghị định|Luật|\{\{[^}]+\}\}/g, '')) && !key.startsWith('roles.'));
    assert.deepEqual(untranslated.map(([key]) => key), [], 'English strings with Vietnamese words');
  });

  it('every key the code uses is in both files', () => {
    const missing: string[] = [];
    const objects = new Set<string>();
    const addObjects = (tree: Tree, prefix = '') => {
      for (const [key, value] of Object.entries(tree)) {
        if (typeof value !== 'string') {
          objects.add(`${prefix}${key}`);
          addObjects(value, `${prefix}${key}.`);
        }
      }
    };
    addObjects(vi);
    const exists = (keys: Set<string>, key: string) => keys.has(key) || [...keys].some((candidate) => PLURAL.test(candidate) && candidate.replace(PLURAL, '') === key);
    for (const file of sourceFiles(SOURCES)) {
      const source = fs.readFileSync(file, 'utf8');
      // A screen with its own namespace (useTranslation('plan')) keeps its strings in that namespace's files.
      if (/useTranslation\(\s*['"]/.test(source)) continue;
      const where = path.relative(REPO_ROOT, file);
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = match[1]!;
        if (!key.includes('.')) continue;
        if (!exists(viKeys, key) || !exists(enKeys, key)) missing.push(`${where}: ${key}`);
      }
      for (const match of source.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
        if (!objects.has(match[1]!)) missing.push(`${where}: ${match[1]}.*`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

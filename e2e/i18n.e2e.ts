/**
 * Every string of the web app exists in Vietnamese and in English: each pair of files in web/src/i18n (vi.json and
 * en.json for the shell's namespace, <namespace>.vi.json and <namespace>.en.json for a feature's) has the same keys,
 * and every key the shell's code asks for (t('…')) is in both. A key built at run time (t(`purposes.${code}`)) is
 * checked up to its last fixed part. Runs with the browser journeys (no browser needed).
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

function read(file: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Tree;
}

/** The namespaces: '' for vi.json/en.json, 'plan' for plan.vi.json/plan.en.json, … */
function namespaces(): string[] {
  return fs
    .readdirSync(I18N)
    .map((file) => /^(?:(.+)\.)?vi\.json$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => match[1] ?? '');
}

const fileOf = (namespace: string, language: 'vi' | 'en') => (namespace ? `${namespace}.${language}.json` : `${language}.json`);

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

describe('web app strings: Vietnamese and English', () => {
  const vi = read('vi.json');
  const en = read('en.json');
  const viKeys = new Set(leaves(vi));
  const enKeys = new Set(leaves(en));

  for (const namespace of namespaces()) {
    const viFile = fileOf(namespace, 'vi');
    const enFile = fileOf(namespace, 'en');

    it(`${viFile} and ${enFile} have the same keys`, () => {
      assert.ok(fs.existsSync(path.join(I18N, enFile)), `${enFile} exists`);
      // Plural forms differ by language (Vietnamese has none: `x`; English `x_one`, `x_other`): compare the base keys.
      const viLeaves = new Set(leaves(read(viFile)).map((key) => key.replace(PLURAL, '')));
      const enLeaves = new Set(leaves(read(enFile)).map((key) => key.replace(PLURAL, '')));
      assert.deepEqual([...viLeaves].filter((key) => !enLeaves.has(key)), [], `in ${viFile} only`);
      assert.deepEqual([...enLeaves].filter((key) => !viLeaves.has(key)), [], `in ${enFile} only`);
    });

    it(`${viFile} and ${enFile}: no string is empty`, () => {
      for (const file of [viFile, enFile]) {
        const tree = read(file);
        for (const key of leaves(tree)) {
          const text = key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
          assert.ok(text.trim() !== '', `${file} ${key} is empty`);
        }
      }
    });
  }

  it('the shell’s English strings are not left in Vietnamese', () => {
    const text = (key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, en) as string;
    // Vietnamese-only letters in an English string mean an untranslated one (proper names and legal citations aside).
    const untranslated = [...enKeys].filter((key) => /[ảẩẫậằẳẵặẻẽẹềểễệỉịỏọồổỗộờởỡợủụừửữựỳỷỹỵ]/i.test(text(key).replace(/“[^”]*”|\([^)]*\)|Căn cước|Nghị định|Luật|\{\{[^}]+\}\}/g, '')) && !key.startsWith('roles.'));
    assert.deepEqual(untranslated, [], 'English strings with Vietnamese words');
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

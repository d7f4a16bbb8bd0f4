/**
 * Vietnamese personal names (họ và tên): how they are stored, compared and checked.
 *
 * Rules:
 * - Names are stored in Unicode NFC. Card scanners and some phones emit NFD ("Nữ" as u + horn + tilde); without
 *   normalisation the same name would be two different strings in the database.
 * - Invisible format characters (zero-width space, BOM, bidi overrides) are dropped and any run of whitespace or
 *   control characters becomes one space: they carry no meaning in a name and make look-alike duplicates.
 * - Search ignores case, tone and vowel marks, and treats đ/Đ as d: people type "Nguyen Van An" for "Nguyễn Văn An".
 * - Name order is Họ + đệm + tên, family name first (FACTS §9): "Nguyễn Thị Hương" is family Nguyễn, middle Thị,
 *   given Hương.
 */

/** Format characters (Cf: ZWSP, ZWJ, BOM, bidi controls, soft hyphen) and lone surrogates (Cs). */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu;
/** Runs of whitespace, separators or control characters. */
const SPACING = /[\s\p{Z}\p{Cc}]+/gu;

/** NFC, invisible characters removed, whitespace and control characters collapsed to single spaces, trimmed. */
export function normalizeName(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFC').replace(SPACING, ' ').trim();
}

/**
 * The key under which a name is searched and compared: lower case, marks removed, đ → d, single spaces.
 * "Nguyễn Văn An" → "nguyen van an", "ĐẶNG" → "dang". The Icelandic eth (Ð/ð), which legacy fonts and OCR
 * sometimes produce for Đ/đ, is treated the same way.
 */
export function searchKey(s: string): string {
  return normalizeName(s)
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Whether two names are the same apart from case, diacritics and spacing. Empty names never match. */
export function namesMatch(a: string, b: string): boolean {
  const key = searchKey(a);
  return key !== '' && key === searchKey(b);
}

export interface NameParts {
  /** Họ, the first word. Empty for a one-word name (its family name is unknown). */
  family: string;
  /** Tên đệm, the words between; may be empty or several words ("Thị Thu"). */
  middle: string;
  /** Tên, the last word. */
  given: string;
}

/**
 * Splits a full name in Vietnamese order (Họ + đệm + tên). A compound family name (họ kép such as "Tôn Thất",
 * "Âu Dương") is not recognised: its second word lands in `middle`, which is how civil-status records usually
 * read it too, and no list of such names is reliable enough to hard-code.
 */
export function splitVietnameseName(full: string): NameParts {
  const words = normalizeName(full).split(' ').filter((word) => word !== '');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

export const MAX_NAME_LENGTH = 100;

/**
 * Words of Latin-script letters (Vietnamese and the romanised names of ethnic minorities and foreigners) with
 * combining marks, separated by one space, apostrophe or hyphen ("H'Hen Niê", "Nguyễn-Trần"). Digits, punctuation,
 * markup and doubled separators ("--") do not fit.
 */
const NAME_SHAPE = /^(?:\p{Script=Latin}\p{M}*)+(?:[ '’ʼ-](?:\p{Script=Latin}\p{M}*)+)*$/u;

/**
 * SQL keyword pairs that never occur in a personal name. Parameterised queries are what make SQL injection
 * harmless; this only keeps obvious probes ("Drop Table Users") out of the registry as names.
 */
const SQL_PROBE = /\b(?:(?:drop|truncate|alter)\s+table|union\s+(?:all\s+)?select|insert\s+into|delete\s+from|select\s+\S+\s+from)\b/i;

/**
 * Whether user input is believable as a personal name: after `normalizeName` it is 1–100 characters of Latin
 * letters with single spaces, apostrophes or hyphens between words, and the raw input holds no control or
 * invisible characters (their presence means the text came from somewhere other than a person typing a name).
 */
export function isPlausibleName(s: string): boolean {
  if (typeof s !== 'string' || /[\p{Cc}\p{Cf}\p{Cs}]/u.test(s)) return false;
  const name = normalizeName(s);
  const length = [...name].length;
  return length >= 1 && length <= MAX_NAME_LENGTH && NAME_SHAPE.test(name) && !SQL_PROBE.test(name);
}

/**
 * Password rules and hashing.
 *
 * Rules enforced (OWASP ASVS 5.0 V6.2, NIST SP 800-63B §3.1.1.2):
 * - at least 10 characters and at most 128 (long pass phrases are welcome; nothing is truncated);
 * - no composition rules (no "one digit, one capital"): they make passwords harder to remember, not to guess;
 * - not a commonly breached password or keyboard pattern, not one character repeated, not a plain sequence;
 * - not built from what an attacker knows about the person: the personal id number, the birth date in the usual
 *   Vietnamese spellings, the phone number, the login name;
 * - Unicode is allowed and normalised to NFKC before hashing, so the same pass phrase typed on two keyboards matches;
 * - stored as Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane).
 */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * Passwords and patterns seen at the top of public breach corpora, with the Vietnamese favourites (mật khẩu, anh yêu
 * em, việt nam, 123456…). A short list, compared after lower-casing and removing separators; a full breached-password
 * check (k-anonymity range queries) needs a network call the platform does not make.
 */
const COMMON = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwertyuiop', 'qwerty123',
  'asdfghjkl', 'zxcvbnm', '1qaz2wsx', '1q2w3e4r5t', 'q1w2e3r4t5', 'iloveyou', 'letmein', 'welcome', 'welcome1',
  'admin', 'admin123', 'administrator', 'changeme', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess',
  'trustno1', 'superman', 'batman', 'master', 'shadow', 'abc123', 'abcd1234', 'aa123456', 'matkhau', 'matkhau123',
  'matkhaumoi', 'anhyeuem', 'emyeuanh', 'yeuem', 'anhyeuem123', 'vietnam', 'vietnam123', 'vietnamvodich', 'hanoi',
  'saigon', 'hochiminh', 'conan', 'doraemon', 'zalo', 'facebook', 'google', 'vneid', 'dichvucong', 'congan',
  'duytien', 'hanam', 'tmdt', 'bachkhoa', 'nguyen', 'tran', 'chucmungnammoi', 'xinchao', 'hoilamgi', 'khongbiet',
]);

const SEQUENCES = ['0123456789012345678901234567890123456789', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

export interface PasswordContext {
  personId?: string | null | undefined;
  /** YYYY-MM-DD. */
  birthDate?: string | null | undefined;
  phone?: string | null | undefined;
  username?: string | null | undefined;
}

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'common' | 'repetitive' | 'sequence' | 'contains_person_id' | 'contains_birth_date' | 'contains_phone' | 'is_username';
  vi: string;
  en: string;
}

const PROBLEMS: Record<PasswordProblem['code'], Omit<PasswordProblem, 'code'>> = {
  too_short: { vi: `cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự (có thể là một câu dễ nhớ)`, en: `use at least ${MIN_PASSWORD_LENGTH} characters (a memorable phrase works)` },
  too_long: { vi: `tối đa ${MAX_PASSWORD_LENGTH} ký tự`, en: `at most ${MAX_PASSWORD_LENGTH} characters` },
  common: { vi: 'đây là mật khẩu phổ biến, dễ bị đoán', en: 'this is a common password that is easily guessed' },
  repetitive: { vi: 'không dùng một ký tự lặp lại', en: 'do not repeat one character' },
  sequence: { vi: 'không dùng dãy liên tiếp như 123456 hoặc abcdef', en: 'do not use a run such as 123456 or abcdef' },
  contains_person_id: { vi: 'không được chứa số định danh cá nhân', en: 'must not contain the personal id number' },
  contains_birth_date: { vi: 'không được chứa ngày sinh', en: 'must not contain the birth date' },
  contains_phone: { vi: 'không được chứa số điện thoại', en: 'must not contain the phone number' },
  is_username: { vi: 'không được trùng tên đăng nhập', en: 'must not be the login name' },
};

/** NIST SP 800-63B §5.1.1.2: normalise Unicode (NFKC) before hashing and comparing. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The spellings of a birth date people put in passwords: 20010517, 17052001, 170501, 010517, 17/05/2001. */
function birthDateForms(birthDate: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return [];
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const yy = year.slice(2);
  return [`${year}${month}${day}`, `${day}${month}${year}`, `${day}${month}${yy}`, `${yy}${month}${day}`, `${month}${day}${year}`];
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const found = new Set<PasswordProblem['code']>();
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < MIN_PASSWORD_LENGTH) found.add('too_short');
  if (length > MAX_PASSWORD_LENGTH) found.add('too_long');

  const folded = normalized.toLowerCase();
  const bare = folded.replace(/[\s._\-!@#$%^&*]+/g, '');
  const withoutTrailingDigits = bare.replace(/\d+$/, '');
  if (COMMON.has(bare) || (withoutTrailingDigits.length >= 4 && COMMON.has(withoutTrailingDigits))) found.add('common');
  if (new Set(folded).size <= 2) found.add('repetitive');
  if (bare.length >= 6 && SEQUENCES.some((run) => run.includes(bare) || [...run].reverse().join('').includes(bare))) found.add('sequence');

  const digits = digitsOf(normalized);
  if (context.personId && digits.includes(context.personId)) found.add('contains_person_id');
  if (context.personId && context.personId.length === 12 && digits.includes(context.personId.slice(3))) found.add('contains_person_id');
  if (context.birthDate && birthDateForms(context.birthDate).some((form) => digits.includes(form))) found.add('contains_birth_date');
  const phone = context.phone ? digitsOf(context.phone).replace(/^84/, '0') : '';
  if (phone.length >= 9 && (digits.includes(phone) || digits.includes(phone.slice(1)))) found.add('contains_phone');
  if (context.username && folded === context.username.toLowerCase()) found.add('is_username');

  return [...found].map((code) => ({ code, ...PROBLEMS[code] }));
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows, verified when the login name is unknown so that an unknown name costs the same
 * time as a wrong password (no account enumeration by timing, OWASP ASVS V6.3.8).
 */
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hash(`decoy-${Math.random()}-${Date.now()}`, ARGON2_OPTIONS);
  await verifyPassword(await decoyHash, password);
  return false;
}

/** A random password an administrator hands over once; changed at the first login. */
export function temporaryPassword(random: (size: number) => Buffer): string {
  // 15 characters from an alphabet without look-alikes (0/O, 1/l/I): about 85 bits.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = random(30);
  let out = '';
  for (const byte of bytes) {
    if (byte >= alphabet.length * 4) continue;
    out += alphabet[byte % alphabet.length];
    if (out.length === 15) break;
  }
  return out.length === 15 ? out : temporaryPassword(random);
}

/**
 * The machine-readable zone (MRZ) of the Vietnamese chip card, as printed on the back and stored in the chip's DG1:
 * ICAO Doc 9303 Part 5, format TD1 (three lines of 30 characters from A–Z, 0–9 and the filler '<').
 *
 * Rules:
 * - Line 1 (Part 5 §4.2.2): document code 'ID' (2), issuing state 'VNM' (3), document number (9), its check digit,
 *   optional data (15). Vietnam's document number is the last 9 digits of the personal ID, and the optional data is
 *   the full 12-digit ID + '<<' + the ID's check digit (FACTS §3): that is where the full ID is recovered from.
 * - Line 2: birth date YYMMDD + check digit, sex (M, F, or '<' / 'X' for unspecified), expiry YYMMDD + check digit,
 *   nationality (3), optional data (11), and the composite check digit over line 1 positions 6–30 and line 2
 *   positions 1–7, 9–15 and 19–29.
 * - Line 3: the name; primary identifier (family name) and secondary identifier (middle and given names) separated
 *   by '<<', words by '<'. Vietnamese diacritics are not representable and are dropped (Đinh → DINH).
 * - Check digits (Part 3 §4.9): weights 7, 3, 1 repeating; 0–9 count as themselves, A–Z as 10–35, '<' as 0;
 *   the digit is the sum modulo 10.
 * - Years have two digits. The birth century is taken from the ID's digit G (Thông tư 59/2021/TT-BCA Điều 4) when
 *   the ID is present; without it, a birth year after today's two digits means the 1900s. Expiry years are 20YY.
 *   An all-filler expiry means "no expiry" (cards issued after 58 never expire; how Vietnam encodes that in the
 *   MRZ is [unconfirmed]).
 * - A failed check digit or an inconsistency is a finding, never an exception: the caller decides whether to ask
 *   for a re-scan. Only text that is not a TD1 MRZ at all is refused with a code.
 */
import { vietnamDate } from '../../kernel/clock.ts';
import { searchKey } from './names.ts';
import {
  checkPersonIdAgainst,
  decodePersonIdDigits,
  isIsoDate,
  PERSON_ID_FINDING_MESSAGES,
  type Finding,
  type LocalizedMessage,
  type PersonId,
  type PersonIdFindingCode,
  type Sex,
} from './person-id.ts';

export const TD1_LINE_LENGTH = 30;
const TD1_LINES = 3;
/** Generous room for OCR spacing and CR/LF around 90 characters; longer text is refused before any work. */
const MAX_MRZ_INPUT_LENGTH = 200;

export interface Td1Mrz {
  /** 'ID' on the Vietnamese card. */
  documentCode: string;
  issuingState: string;
  /** The 9 characters of the document number field (fillers removed). */
  documentNumber: string;
  /** The full 12-digit ID from the optional data; null when the optional data does not hold one. */
  personId: PersonId | null;
  /** 'YYYY-MM-DD', or null when the field is not a date. */
  birthDate: string | null;
  /** null when the MRZ leaves it unspecified ('<' or 'X') or holds another letter. */
  sex: Sex | null;
  /** 'YYYY-MM-DD'; null for an all-filler field (no expiry) or an invalid date (see findings). */
  expiryDate: string | null;
  nationality: string;
  /** Primary identifier (họ), '<' read as a space. */
  surname: string;
  /** Secondary identifier (đệm + tên), '<' read as a space. */
  givenNames: string;
  /** Line 1 positions 16–30 and line 2 positions 19–29, fillers kept. */
  optionalData1: string;
  optionalData2: string;
  lines: [string, string, string];
}

export type MrzErrorCode = 'MRZ_NOT_TEXT' | 'MRZ_EMPTY' | 'MRZ_TOO_LONG' | 'MRZ_BAD_SHAPE' | 'MRZ_INVALID_CHARACTERS';

export const MRZ_ERROR_MESSAGES: Readonly<Record<MrzErrorCode, LocalizedMessage>> = {
  MRZ_NOT_TEXT: { vi: 'Dữ liệu MRZ không phải văn bản.', en: 'The MRZ data is not text.' },
  MRZ_EMPTY: { vi: 'Không đọc được vùng MRZ (trống).', en: 'The MRZ is empty.' },
  MRZ_TOO_LONG: {
    vi: 'Văn bản quá dài để là vùng MRZ của thẻ (3 dòng × 30 ký tự).',
    en: 'The text is too long to be a card MRZ (3 lines of 30 characters).',
  },
  MRZ_BAD_SHAPE: {
    vi: 'Vùng MRZ của thẻ căn cước phải có 3 dòng, mỗi dòng 30 ký tự.',
    en: 'An identity card MRZ has 3 lines of 30 characters.',
  },
  MRZ_INVALID_CHARACTERS: {
    vi: 'Vùng MRZ chỉ gồm chữ in hoa A–Z, chữ số và ký tự "<"; hãy quét lại.',
    en: 'An MRZ holds only capital letters A–Z, digits and "<"; scan again.',
  },
};

export type MrzFindingCode =
  | PersonIdFindingCode
  | 'MRZ_DOCUMENT_NUMBER_CHECK'
  | 'MRZ_BIRTH_DATE_CHECK'
  | 'MRZ_EXPIRY_DATE_CHECK'
  | 'MRZ_COMPOSITE_CHECK'
  | 'MRZ_PERSON_ID_CHECK'
  | 'MRZ_PERSON_ID_MISSING'
  | 'MRZ_PERSON_ID_MISMATCH'
  | 'MRZ_INVALID_BIRTH_DATE'
  | 'MRZ_INVALID_EXPIRY_DATE'
  | 'MRZ_FUTURE_BIRTH_DATE'
  | 'MRZ_EXPIRED'
  | 'MRZ_INVALID_SEX'
  | 'MRZ_MISSING_NAME'
  | 'MRZ_UNEXPECTED_DOCUMENT_CODE'
  | 'MRZ_NOT_VIETNAMESE';

export type MrzFinding = Finding<MrzFindingCode>;

export const MRZ_FINDING_MESSAGES: Readonly<Record<MrzFindingCode, LocalizedMessage>> = {
  ...PERSON_ID_FINDING_MESSAGES,
  MRZ_DOCUMENT_NUMBER_CHECK: {
    vi: 'Chữ số kiểm tra của số giấy tờ trong MRZ không đúng; hãy quét lại.',
    en: 'The document number check digit in the MRZ is wrong; scan again.',
  },
  MRZ_BIRTH_DATE_CHECK: {
    vi: 'Chữ số kiểm tra của ngày sinh trong MRZ không đúng; hãy quét lại.',
    en: 'The birth date check digit in the MRZ is wrong; scan again.',
  },
  MRZ_EXPIRY_DATE_CHECK: {
    vi: 'Chữ số kiểm tra của ngày hết hạn trong MRZ không đúng; hãy quét lại.',
    en: 'The expiry date check digit in the MRZ is wrong; scan again.',
  },
  MRZ_COMPOSITE_CHECK: {
    vi: 'Chữ số kiểm tra tổng hợp của MRZ không đúng; hãy quét lại.',
    en: 'The composite check digit of the MRZ is wrong; scan again.',
  },
  MRZ_PERSON_ID_CHECK: {
    vi: 'Chữ số kiểm tra của số định danh trong MRZ không đúng; hãy quét lại.',
    en: 'The check digit of the personal ID in the MRZ is wrong; scan again.',
  },
  MRZ_PERSON_ID_MISSING: {
    vi: 'MRZ không chứa số định danh 12 chữ số ở phần dữ liệu tùy chọn.',
    en: 'The MRZ optional data does not hold a 12-digit personal ID.',
  },
  MRZ_PERSON_ID_MISMATCH: {
    vi: 'Số giấy tờ trong MRZ không phải 9 chữ số cuối của số định danh.',
    en: 'The MRZ document number is not the last 9 digits of the personal ID.',
  },
  MRZ_INVALID_BIRTH_DATE: { vi: 'Ngày sinh trong MRZ không phải ngày hợp lệ.', en: 'The birth date in the MRZ is not a valid date.' },
  MRZ_INVALID_EXPIRY_DATE: {
    vi: 'Ngày hết hạn trong MRZ không phải ngày hợp lệ.',
    en: 'The expiry date in the MRZ is not a valid date.',
  },
  MRZ_FUTURE_BIRTH_DATE: { vi: 'Ngày sinh trong MRZ ở sau ngày hôm nay.', en: 'The birth date in the MRZ is after today.' },
  MRZ_EXPIRED: { vi: 'Thẻ đã hết hạn sử dụng.', en: 'The card has expired.' },
  MRZ_INVALID_SEX: {
    vi: 'Giới tính trong MRZ phải là M, F hoặc "<".',
    en: 'The sex in the MRZ must be M, F or "<".',
  },
  MRZ_MISSING_NAME: { vi: 'MRZ không có họ tên.', en: 'The MRZ has no name.' },
  MRZ_UNEXPECTED_DOCUMENT_CODE: {
    vi: 'Mã loại giấy tờ trong MRZ không phải "ID" như thẻ căn cước.',
    en: 'The MRZ document code is not "ID" as on an identity card.',
  },
  MRZ_NOT_VIETNAMESE: {
    vi: 'Giấy tờ không do Việt Nam cấp (mã quốc gia cấp khác VNM).',
    en: 'The document was not issued by Vietnam (issuing state is not VNM).',
  },
};

export type MrzParseResult =
  | { ok: true; mrz: Td1Mrz; findings: MrzFinding[] }
  /** `message` is the English text (for logs); `messages` holds both languages for people. */
  | { ok: false; code: MrzErrorCode; message: string; messages: LocalizedMessage };

function failure(code: MrzErrorCode): MrzParseResult {
  const messages = MRZ_ERROR_MESSAGES[code];
  return { ok: false, code, message: messages.en, messages };
}

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303 Part 3 §4.9 check digit of an MRZ field. Characters outside 0–9, A–Z count as fillers (0). */
export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += characterValue(field[i]!) * WEIGHTS[i % 3]!;
  return String(sum % 10);
}

function characterValue(character: string): number {
  if (character >= '0' && character <= '9') return character.charCodeAt(0) - 48;
  if (character >= 'A' && character <= 'Z') return character.charCodeAt(0) - 55;
  return 0;
}

/** An all-filler field may carry '<' or '0' as its check digit. */
function checkDigitHolds(field: string, check: string): boolean {
  if (/^<+$/.test(field) && (check === '<' || check === '0')) return true;
  return mrzCheckDigit(field) === check;
}

/** Three 30-character lines, from newline-separated lines or 90 characters in a row. */
function splitLines(text: unknown): [string, string, string] | MrzErrorCode {
  if (typeof text !== 'string') return 'MRZ_NOT_TEXT';
  if (text.length > MAX_MRZ_INPUT_LENGTH) return 'MRZ_TOO_LONG';
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return 'MRZ_EMPTY';
  const joined = lines.length === 1 ? lines[0]! : undefined;
  const rows = joined?.length === TD1_LINE_LENGTH * TD1_LINES ? [0, 1, 2].map((i) => joined.slice(i * 30, i * 30 + 30)) : lines;
  if (rows.length !== TD1_LINES || rows.some((row) => row.length !== TD1_LINE_LENGTH)) return 'MRZ_BAD_SHAPE';
  if (rows.some((row) => /[^A-Z0-9<]/.test(row))) return 'MRZ_INVALID_CHARACTERS';
  return [rows[0]!, rows[1]!, rows[2]!];
}

/** YYMMDD with a given century → 'YYYY-MM-DD' or null. */
function mrzDate(yymmdd: string, centuryStart: number): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const iso = `${centuryStart + Number(yymmdd.slice(0, 2))}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isIsoDate(iso) ? iso : null;
}

function birthCentury(yymmdd: string, personId: string | null, today: string): number {
  const fromId = personId === null ? undefined : decodePersonIdDigits(personId);
  if (fromId) return fromId.centuryStart;
  return Number(yymmdd.slice(0, 2)) > Number(today.slice(2, 4)) ? 1900 : 2000;
}

function readSex(character: string): { sex: Sex | null; valid: boolean } {
  if (character === 'M') return { sex: 'male', valid: true };
  if (character === 'F') return { sex: 'female', valid: true };
  return { sex: null, valid: character === '<' || character === 'X' };
}

function readNames(line: string): { surname: string; givenNames: string } {
  const name = line.replace(/<+$/, '');
  const split = name.indexOf('<<');
  const words = (part: string) => part.replace(/<+/g, ' ').trim();
  if (split < 0) return { surname: words(name), givenNames: '' };
  return { surname: words(name.slice(0, split)), givenNames: words(name.slice(split + 2)) };
}

/** The Vietnamese ID in line 1's optional data: 12 digits, '<<', their check digit. */
function readPersonId(optionalData: string, documentNumber: string): { personId: PersonId | null; findings: MrzFinding[] } {
  const match = /^(\d{12})<<(\d)$/.exec(optionalData);
  if (!match) return { personId: null, findings: [{ code: 'MRZ_PERSON_ID_MISSING', severity: 'warning', field: 'personId' }] };
  const personId = match[1]! as PersonId;
  const findings: MrzFinding[] = [];
  if (mrzCheckDigit(personId) !== match[2]) findings.push({ code: 'MRZ_PERSON_ID_CHECK', severity: 'error', field: 'personId' });
  if (personId.slice(3) !== documentNumber) findings.push({ code: 'MRZ_PERSON_ID_MISMATCH', severity: 'error', field: 'personId' });
  return { personId, findings };
}

function checkDigitFindings([line1, line2]: [string, string, string]): MrzFinding[] {
  const findings: MrzFinding[] = [];
  const fail = (code: MrzFindingCode, field: string) => findings.push({ code, severity: 'error', field });
  if (!checkDigitHolds(line1.slice(5, 14), line1[14]!)) fail('MRZ_DOCUMENT_NUMBER_CHECK', 'documentNumber');
  if (!checkDigitHolds(line2.slice(0, 6), line2[6]!)) fail('MRZ_BIRTH_DATE_CHECK', 'birthDate');
  if (!checkDigitHolds(line2.slice(8, 14), line2[14]!)) fail('MRZ_EXPIRY_DATE_CHECK', 'expiryDate');
  if (mrzCheckDigit(compositeField(line1, line2)) !== line2[29]) fail('MRZ_COMPOSITE_CHECK', 'composite');
  return findings;
}

/** Part 5 §4.2.2: line 1 positions 6–30, line 2 positions 1–7, 9–15 and 19–29. */
function compositeField(line1: string, line2: string): string {
  return line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29);
}

/**
 * Reads a TD1 MRZ: three lines joined by newlines (CR/LF accepted) or 90 characters in a row. Never throws for
 * string input. `today` ('YYYY-MM-DD', default: today in Vietnam) decides expiry and the century of a birth year
 * when the ID is absent; an invalid `today` is a programming error and throws TypeError.
 */
export function parseTd1Mrz(text: string, options: { today?: string } = {}): MrzParseResult {
  const today = options.today ?? vietnamDate(new Date());
  if (!isIsoDate(today)) throw new TypeError(`options.today must be YYYY-MM-DD, got ${today}`);
  const lines = splitLines(text);
  if (typeof lines === 'string') return failure(lines);
  const [line1, line2, line3] = lines;

  const documentNumber = line1.slice(5, 14).replace(/<+$/, '');
  const optionalData1 = line1.slice(15, 30);
  const id = readPersonId(optionalData1, documentNumber);
  const sex = readSex(line2[7]!);
  const rawExpiry = line2.slice(8, 14);
  const mrz: Td1Mrz = {
    documentCode: line1.slice(0, 2).replace(/<+$/, ''),
    issuingState: line1.slice(2, 5).replace(/<+$/, ''),
    documentNumber,
    personId: id.personId,
    birthDate: mrzDate(line2.slice(0, 6), birthCentury(line2.slice(0, 6), id.personId, today)),
    sex: sex.sex,
    expiryDate: mrzDate(rawExpiry, 2000),
    nationality: line2.slice(15, 18).replace(/<+$/, ''),
    ...readNames(line3),
    optionalData1,
    optionalData2: line2.slice(18, 29),
    lines,
  };

  const findings = [...checkDigitFindings(lines), ...id.findings, ...contentFindings(mrz, rawExpiry, sex.valid, today)];
  if (mrz.personId !== null) {
    for (const code of checkPersonIdAgainst(mrz.personId, { birthDate: mrz.birthDate, sex: mrz.sex })) {
      findings.push({ code, severity: code === 'UNKNOWN_PROVINCE' ? 'warning' : 'error', field: 'personId' });
    }
  }
  return { ok: true, mrz, findings };
}

function contentFindings(mrz: Td1Mrz, rawExpiry: string, sexValid: boolean, today: string): MrzFinding[] {
  const findings: MrzFinding[] = [];
  const add = (code: MrzFindingCode, severity: MrzFinding['severity'], field: string) => findings.push({ code, severity, field });
  if (mrz.documentCode !== 'ID') add('MRZ_UNEXPECTED_DOCUMENT_CODE', 'warning', 'documentCode');
  if (mrz.issuingState !== 'VNM') add('MRZ_NOT_VIETNAMESE', 'warning', 'issuingState');
  if (mrz.birthDate === null) add('MRZ_INVALID_BIRTH_DATE', 'error', 'birthDate');
  else if (mrz.birthDate > today) add('MRZ_FUTURE_BIRTH_DATE', 'error', 'birthDate');
  if (mrz.expiryDate === null && !/^<{6}$/.test(rawExpiry)) add('MRZ_INVALID_EXPIRY_DATE', 'error', 'expiryDate');
  else if (mrz.expiryDate !== null && mrz.expiryDate <= today) add('MRZ_EXPIRED', 'warning', 'expiryDate');
  if (!sexValid) add('MRZ_INVALID_SEX', 'error', 'sex');
  if (mrz.surname === '') add('MRZ_MISSING_NAME', 'error', 'surname');
  return findings;
}

export interface Td1MrzInput {
  personId: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: Sex | null;
  /** 'YYYY-MM-DD', or null for a card without expiry. */
  expiryDate: string | null;
  /** Họ, with or without diacritics ("Đinh"). */
  surname: string;
  /** Đệm + tên ("Duy Tân"). */
  givenNames: string;
  nationality?: string;
  issuingState?: string;
}

/** A name part in MRZ characters: diacritics dropped, đ → D, upper case, anything else → '<'. */
function mrzName(part: string): string {
  return searchKey(part).toUpperCase().replace(/[^A-Z]+/g, '<').replace(/^<+|<+$/g, '');
}

function yymmdd(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`${iso} is not a valid YYYY-MM-DD date`);
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length);

/**
 * Writes the MRZ of a (synthetic) Vietnamese card, three lines joined by '\n': the inverse of `parseTd1Mrz`.
 * A name longer than line 3 is cut at 30 characters (ICAO's truncation marks are not reproduced). Throws
 * RangeError for an ID that is not 12 digits or an invalid date.
 */
export function buildTd1Mrz(input: Td1MrzInput): string {
  if (!/^\d{12}$/.test(input.personId)) throw new RangeError(`personal ID ${input.personId} is not 12 digits`);
  const documentNumber = input.personId.slice(3);
  const expiry = input.expiryDate === null ? '<<<<<<' : yymmdd(input.expiryDate);
  const birth = yymmdd(input.birthDate);
  const issuingState = pad(input.issuingState ?? 'VNM', 3);
  const line1 = pad(`ID${issuingState}${documentNumber}${mrzCheckDigit(documentNumber)}${input.personId}<<${mrzCheckDigit(input.personId)}`, 30);
  const sex = input.sex === 'male' ? 'M' : input.sex === 'female' ? 'F' : '<';
  const expiryCheck = input.expiryDate === null ? '<' : mrzCheckDigit(expiry);
  const nationality = pad(input.nationality ?? 'VNM', 3);
  const line2WithoutComposite = `${birth}${mrzCheckDigit(birth)}${sex}${expiry}${expiryCheck}${nationality}${'<'.repeat(11)}`;
  const line2 = line2WithoutComposite + mrzCheckDigit(compositeField(line1, line2WithoutComposite));
  const line3 = pad(`${mrzName(input.surname)}<<${mrzName(input.givenNames)}`, 30);
  return [line1, line2, line3].join('\n');
}

/**
 * The QR code printed on the citizen identity card (CCCD 2021, on the front; Căn cước 2024, on the back).
 *
 * Rules (FACTS §2; Thông tư 59/2021/TT-BCA; Thông tư 16/2024/TT-BCA; Luật Căn cước 2023):
 * - Fields are separated by '|', without labels: personal ID | old ID (CMND) or empty | full name | birth date
 *   ddMMyyyy | Nam/Nữ | permanent residence | issue date ddMMyyyy. The name is field 3: some public parsers assume
 *   there is no old-ID field and read the old ID as the name.
 * - Accepted shapes: 7 fields (2021 chip card); 8–12 fields (2024 Căn cước card, seen with 11): fields 8+ are kept as
 *   raw extras because their order is unconfirmed, and are never a reason to refuse; 6 fields (a re-share format
 *   without the old ID, dates written dd/MM/yyyy). Both date spellings are accepted in every shape.
 * - Keyboard-wedge scanners add a leading BOM (U+FEFF) and trailing CR/LF (or a tab); both are stripped. NFD text
 *   is normalised to NFC.
 * - Refused with a code (the payload is not a card's): over 2,000 characters, control or invisible formatting
 *   characters inside the text, broken UTF-16, a field count other than 6–12, a first field that is not 12 digits.
 * - Everything else that is wrong (impossible or future dates, an ID inconsistent with the birth date or sex, an
 *   unusual old ID, a name with digits) is a finding, so a card with a misprint can still be handled by a person.
 * - "Nam"/"Nữ" are read in any case or Unicode normalisation; "Nu" without diacritics is read as female with a
 *   warning (some scanner firmware drops non-ASCII), anything else leaves the sex unknown with an error.
 */
import { vietnamDate } from '../../kernel/clock.ts';
import { isPlausibleName, normalizeName, searchKey } from './names.ts';
import {
  checkPersonIdAgainst,
  isIsoDate,
  PERSON_ID_FINDING_MESSAGES,
  type Finding,
  type LocalizedMessage,
  type PersonId,
  type PersonIdFindingCode,
  type Sex,
} from './person-id.ts';

export type { Finding } from './person-id.ts';

export type CardQrVariant = 'cccd-2021' | 'can-cuoc-2024' | 'reshare-6';

export interface CardQrData {
  personId: PersonId;
  /** The old ID card (CMND) number, as printed; null when the field is empty or absent (re-share format). */
  oldId: string | null;
  /** NFC, single spaces. */
  fullName: string;
  /** 'YYYY-MM-DD', or null when the field is not a valid date (an INVALID_BIRTH_DATE finding says so). */
  birthDate: string | null;
  /** null when the field is neither Nam nor Nữ (an INVALID_SEX finding says so). */
  sex: Sex | null;
  /** Nơi thường trú, NFC, single spaces. */
  address: string;
  /** 'YYYY-MM-DD', or null when empty or invalid (a finding says which). */
  issueDate: string | null;
  /** Fields 8 and later of the 2024 card, raw (after NFC). */
  extras: string[];
  variant: CardQrVariant;
}

export type CardQrErrorCode =
  | 'QR_NOT_TEXT'
  | 'QR_EMPTY'
  | 'QR_TOO_LONG'
  | 'QR_CONTROL_CHARACTERS'
  | 'QR_INVALID_UNICODE'
  | 'QR_NOT_A_CARD'
  | 'QR_INVALID_PERSON_ID';

export const CARD_QR_ERROR_MESSAGES: Readonly<Record<CardQrErrorCode, LocalizedMessage>> = {
  QR_NOT_TEXT: { vi: 'Dữ liệu quét được không phải văn bản.', en: 'The scanned data is not text.' },
  QR_EMPTY: { vi: 'Mã QR không có nội dung.', en: 'The QR code is empty.' },
  QR_TOO_LONG: {
    vi: 'Nội dung mã QR dài quá 2.000 ký tự nên không phải mã QR trên thẻ căn cước.',
    en: 'The QR content is longer than 2,000 characters, so it is not an identity card QR code.',
  },
  QR_CONTROL_CHARACTERS: {
    vi: 'Nội dung mã QR chứa ký tự điều khiển hoặc ký tự ẩn; hãy quét lại thẻ.',
    en: 'The QR content contains control or invisible characters; scan the card again.',
  },
  QR_INVALID_UNICODE: {
    vi: 'Nội dung mã QR bị lỗi mã hóa ký tự; hãy quét lại thẻ.',
    en: 'The QR content has broken character encoding; scan the card again.',
  },
  QR_NOT_A_CARD: {
    vi: 'Đây không phải mã QR trên thẻ căn cước: cần 6 đến 12 trường ngăn cách bởi dấu "|".',
    en: 'This is not an identity card QR code: it needs 6 to 12 fields separated by "|".',
  },
  QR_INVALID_PERSON_ID: {
    vi: 'Trường đầu tiên của mã QR phải là số định danh cá nhân gồm 12 chữ số.',
    en: 'The first field of the QR code must be the 12-digit personal identification number.',
  },
};

export type CardQrFindingCode =
  | PersonIdFindingCode
  | 'INVALID_BIRTH_DATE'
  | 'FUTURE_BIRTH_DATE'
  | 'INVALID_ISSUE_DATE'
  | 'MISSING_ISSUE_DATE'
  | 'FUTURE_ISSUE_DATE'
  | 'ISSUE_BEFORE_BIRTH'
  | 'INVALID_SEX'
  | 'SEX_UNUSUAL_SPELLING'
  | 'MISSING_NAME'
  | 'NAME_HAS_DIGITS'
  | 'NAME_IMPLAUSIBLE'
  | 'MISSING_ADDRESS'
  | 'OLD_ID_UNUSUAL_LENGTH'
  | 'OLD_ID_NOT_DIGITS'
  | 'UNUSUAL_FIELD_COUNT';

export type CardQrFinding = Finding<CardQrFindingCode>;

export const CARD_QR_FINDING_MESSAGES: Readonly<Record<CardQrFindingCode, LocalizedMessage>> = {
  ...PERSON_ID_FINDING_MESSAGES,
  INVALID_BIRTH_DATE: {
    vi: 'Ngày sinh trên mã QR không phải ngày hợp lệ (cần ddMMyyyy hoặc dd/MM/yyyy, từ năm 1900).',
    en: 'The birth date in the QR code is not a valid date (ddMMyyyy or dd/MM/yyyy, from 1900).',
  },
  FUTURE_BIRTH_DATE: { vi: 'Ngày sinh ở sau ngày hôm nay.', en: 'The birth date is after today.' },
  INVALID_ISSUE_DATE: {
    vi: 'Ngày cấp trên mã QR không phải ngày hợp lệ (cần ddMMyyyy hoặc dd/MM/yyyy, từ năm 1900).',
    en: 'The issue date in the QR code is not a valid date (ddMMyyyy or dd/MM/yyyy, from 1900).',
  },
  MISSING_ISSUE_DATE: { vi: 'Mã QR không có ngày cấp thẻ.', en: 'The QR code has no issue date.' },
  FUTURE_ISSUE_DATE: { vi: 'Ngày cấp thẻ ở sau ngày hôm nay.', en: 'The issue date is after today.' },
  ISSUE_BEFORE_BIRTH: { vi: 'Ngày cấp thẻ ở trước ngày sinh.', en: 'The issue date is before the birth date.' },
  INVALID_SEX: {
    vi: 'Giới tính trên mã QR phải là "Nam" hoặc "Nữ".',
    en: 'The sex in the QR code must be "Nam" or "Nữ".',
  },
  SEX_UNUSUAL_SPELLING: {
    vi: 'Giới tính được ghi không dấu hoặc sai dấu ("Nu"); đã hiểu là "Nữ".',
    en: 'The sex is written without or with wrong diacritics ("Nu"); read as "Nữ" (female).',
  },
  MISSING_NAME: { vi: 'Mã QR không có họ và tên.', en: 'The QR code has no full name.' },
  NAME_HAS_DIGITS: { vi: 'Họ và tên có chứa chữ số.', en: 'The full name contains digits.' },
  NAME_IMPLAUSIBLE: {
    vi: 'Họ và tên chứa ký tự không dùng trong tên người hoặc dài quá 100 ký tự.',
    en: 'The full name contains characters not used in personal names or is longer than 100 characters.',
  },
  MISSING_ADDRESS: { vi: 'Mã QR không có nơi thường trú.', en: 'The QR code has no permanent residence.' },
  OLD_ID_UNUSUAL_LENGTH: {
    vi: 'Số CMND cũ không có 9, 10 hoặc 12 ký tự như thường gặp.',
    en: 'The old ID (CMND) number does not have the usual 9, 10 or 12 characters.',
  },
  OLD_ID_NOT_DIGITS: { vi: 'Số CMND cũ có ký tự không phải chữ số.', en: 'The old ID (CMND) number contains non-digits.' },
  UNUSUAL_FIELD_COUNT: {
    vi: 'Mã QR có số trường khác thường (thẻ Căn cước 2024 thường có 11 trường); các trường thêm được giữ nguyên.',
    en: 'The QR code has an unusual number of fields (2024 Căn cước cards usually have 11); the extra fields are kept as they are.',
  },
};

export type CardQrParseResult =
  | { ok: true; card: CardQrData; findings: CardQrFinding[] }
  /** `message` is the English text (for logs); `messages` holds both languages for people. */
  | { ok: false; code: CardQrErrorCode; message: string; messages: LocalizedMessage };

/** Real payloads are about 150–300 characters; the limit keeps junk (a pasted file, a long URL) out cheaply. */
export const MAX_CARD_QR_LENGTH = 2000;

const SEPARATOR = '|';

/** Where each field sits in each shape; `oldId` is absent from the re-share format. */
const LAYOUTS = {
  'reshare-6': { personId: 0, oldId: undefined, fullName: 1, birthDate: 2, sex: 3, address: 4, issueDate: 5 },
  'cccd-2021': { personId: 0, oldId: 1, fullName: 2, birthDate: 3, sex: 4, address: 5, issueDate: 6 },
  'can-cuoc-2024': { personId: 0, oldId: 1, fullName: 2, birthDate: 3, sex: 4, address: 5, issueDate: 6 },
} as const;

const CARD_FIELDS = 7;
const CAN_CUOC_2024_FIELDS = 11;
const MAX_FIELDS = 12;

function variantFor(fieldCount: number): CardQrVariant | undefined {
  if (fieldCount === 6) return 'reshare-6';
  if (fieldCount === CARD_FIELDS) return 'cccd-2021';
  if (fieldCount > CARD_FIELDS && fieldCount <= MAX_FIELDS) return 'can-cuoc-2024';
  return undefined;
}

function failure(code: CardQrErrorCode): CardQrParseResult {
  const messages = CARD_QR_ERROR_MESSAGES[code];
  return { ok: false, code, message: messages.en, messages };
}

/** C0/C1 controls and invisible format characters (Cf: BOM, zero-width, bidi overrides used for spoofing). */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
/** In a /u regex a surrogate range only matches halves that are not part of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Strips what scanners add around the payload and refuses text that cannot be a card's. */
function cleanPayload(raw: unknown): { text: string } | { error: CardQrErrorCode } {
  if (typeof raw !== 'string') return { error: 'QR_NOT_TEXT' };
  if (raw.length > MAX_CARD_QR_LENGTH) return { error: 'QR_TOO_LONG' };
  const text = raw.replace(/^[\uFEFF\s]+/, '').replace(/[\uFEFF\s]+$/, '');
  if (text === '') return { error: 'QR_EMPTY' };
  if (CONTROL_OR_FORMAT.test(text)) return { error: 'QR_CONTROL_CHARACTERS' };
  if (LONE_SURROGATE.test(text)) return { error: 'QR_INVALID_UNICODE' };
  return { text: text.normalize('NFC') };
}

/** 'ddMMyyyy' or 'dd/MM/yyyy' → 'YYYY-MM-DD', or null for anything else or a year before 1900. */
export function parseCardDate(s: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(s) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) && iso >= '1900-01-01' ? iso : null;
}

function readSex(text: string): { sex: Sex | null; finding?: CardQrFindingCode } {
  const word = normalizeName(text).toLowerCase();
  if (word === 'nam') return { sex: 'male' };
  if (word === 'nữ') return { sex: 'female' };
  if (searchKey(text) === 'nu') return { sex: 'female', finding: 'SEX_UNUSUAL_SPELLING' };
  return { sex: null, finding: 'INVALID_SEX' };
}

function nameFindings(fullName: string): CardQrFinding[] {
  const field = 'fullName';
  if (fullName === '') return [{ code: 'MISSING_NAME', severity: 'error', field }];
  if (/\p{Nd}/u.test(fullName)) return [{ code: 'NAME_HAS_DIGITS', severity: 'error', field }];
  if (!isPlausibleName(fullName)) return [{ code: 'NAME_IMPLAUSIBLE', severity: 'error', field }];
  return [];
}

/** Old CMND numbers are 9 or 12 digits; FACTS §2 has 10-character ones on real cards too, so those pass silently. */
function oldIdFindings(oldId: string | null): CardQrFinding[] {
  if (oldId === null) return [];
  const findings: CardQrFinding[] = [];
  if (!/^\d+$/.test(oldId)) findings.push({ code: 'OLD_ID_NOT_DIGITS', severity: 'warning', field: 'oldId' });
  if (![9, 10, 12].includes(oldId.length)) findings.push({ code: 'OLD_ID_UNUSUAL_LENGTH', severity: 'warning', field: 'oldId' });
  return findings;
}

function dateFindings(card: { birthDate: string | null; issueDate: string | null }, raw: { birthDate: string; issueDate: string }, today: string): CardQrFinding[] {
  const findings: CardQrFinding[] = [];
  if (card.birthDate === null) findings.push({ code: 'INVALID_BIRTH_DATE', severity: 'error', field: 'birthDate' });
  else if (card.birthDate > today) findings.push({ code: 'FUTURE_BIRTH_DATE', severity: 'error', field: 'birthDate' });
  if (raw.issueDate === '') findings.push({ code: 'MISSING_ISSUE_DATE', severity: 'warning', field: 'issueDate' });
  else if (card.issueDate === null) findings.push({ code: 'INVALID_ISSUE_DATE', severity: 'error', field: 'issueDate' });
  else if (card.issueDate > today) findings.push({ code: 'FUTURE_ISSUE_DATE', severity: 'error', field: 'issueDate' });
  if (card.birthDate !== null && card.issueDate !== null && card.issueDate < card.birthDate) {
    findings.push({ code: 'ISSUE_BEFORE_BIRTH', severity: 'error', field: 'issueDate' });
  }
  return findings;
}

function personIdFindings(card: CardQrData): CardQrFinding[] {
  return checkPersonIdAgainst(card.personId, { birthDate: card.birthDate, sex: card.sex }).map((code) => ({
    code,
    severity: code === 'UNKNOWN_PROVINCE' ? 'warning' : 'error',
    field: 'personId',
  }));
}

/**
 * Reads a card's QR payload. Never throws for string input: a payload that cannot be a card's gives
 * `{ ok: false, code }`; a card's payload with wrong content gives `{ ok: true, card, findings }`.
 * `today` ('YYYY-MM-DD', default: today in Vietnam) decides what is a future date; an invalid `today` is a
 * programming error and throws TypeError.
 */
export function parseCardQr(raw: string, options: { today?: string } = {}): CardQrParseResult {
  const today = options.today ?? vietnamDate(new Date());
  if (!isIsoDate(today)) throw new TypeError(`options.today must be YYYY-MM-DD, got ${today}`);

  const cleaned = cleanPayload(raw);
  if ('error' in cleaned) return failure(cleaned.error);
  const fields = cleaned.text.split(SEPARATOR);
  const variant = variantFor(fields.length);
  if (!variant) return failure('QR_NOT_A_CARD');
  const at = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim());
  const layout = LAYOUTS[variant];

  const personId = at(layout.personId);
  if (!/^\d{12}$/.test(personId)) return failure('QR_INVALID_PERSON_ID');

  const raws = { birthDate: at(layout.birthDate), issueDate: at(layout.issueDate) };
  const sex = readSex(at(layout.sex));
  const card: CardQrData = {
    personId: personId as PersonId,
    oldId: at(layout.oldId) || null,
    fullName: normalizeName(at(layout.fullName)),
    birthDate: parseCardDate(raws.birthDate),
    sex: sex.sex,
    address: at(layout.address).replace(/\s+/g, ' '),
    issueDate: raws.issueDate === '' ? null : parseCardDate(raws.issueDate),
    extras: fields.slice(CARD_FIELDS),
    variant,
  };

  const findings: CardQrFinding[] = [
    ...personIdFindings(card),
    ...oldIdFindings(card.oldId),
    ...nameFindings(card.fullName),
    ...dateFindings(card, raws, today),
  ];
  if (sex.finding) findings.push({ code: sex.finding, severity: sex.sex ? 'warning' : 'error', field: 'sex' });
  if (card.address === '') findings.push({ code: 'MISSING_ADDRESS', severity: 'warning', field: 'address' });
  if (variant === 'can-cuoc-2024' && fields.length !== CAN_CUOC_2024_FIELDS) {
    findings.push({ code: 'UNUSUAL_FIELD_COUNT', severity: 'warning', field: 'extras' });
  }
  return { ok: true, card, findings };
}

export interface CardQrInput {
  personId: string;
  oldId: string | null;
  fullName: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: Sex;
  address: string;
  /** 'YYYY-MM-DD' */
  issueDate: string | null;
  /** For the 2024 card: fields 8+; padded with empty fields to 11 fields in all. */
  extras?: string[];
  /** Default: 'can-cuoc-2024' when extras are given, else 'cccd-2021'. */
  variant?: CardQrVariant;
}

function formatDate(iso: string | null, withSlashes: boolean): string {
  if (iso === null) return '';
  if (!isIsoDate(iso)) throw new RangeError(`${iso} is not a valid YYYY-MM-DD date`);
  const [year, month, day] = iso.split('-');
  return withSlashes ? `${day}/${month}/${year}` : `${day}${month}${year}`;
}

/**
 * Writes a card's QR payload (for tests and the synthetic town): 7 fields for the 2021 card, 11 for the 2024 card,
 * 6 for the re-share format (no old ID, dd/MM/yyyy dates). Throws RangeError for values no card could carry
 * (a '|' or control character in a field, an invalid date, too many extras).
 */
export function formatCardQr(card: CardQrInput): string {
  const variant = card.variant ?? (card.extras?.length ? 'can-cuoc-2024' : 'cccd-2021');
  const reshare = variant === 'reshare-6';
  const main = [
    card.personId,
    ...(reshare ? [] : [card.oldId ?? '']),
    card.fullName,
    formatDate(card.birthDate, reshare),
    card.sex === 'male' ? 'Nam' : 'Nữ',
    card.address,
    formatDate(card.issueDate, reshare),
  ];
  const extras = variant === 'can-cuoc-2024' ? padExtras(card.extras ?? []) : [];
  if (variant !== 'can-cuoc-2024' && card.extras?.length) throw new RangeError(`the ${variant} format has no extra fields`);
  const fields = [...main, ...extras];
  for (const field of fields) {
    if (field.includes(SEPARATOR) || CONTROL_OR_FORMAT.test(field)) throw new RangeError(`field ${JSON.stringify(field)} cannot be written in a card QR`);
  }
  return fields.join(SEPARATOR);
}

function padExtras(extras: string[]): string[] {
  const wanted = Math.max(extras.length, CAN_CUOC_2024_FIELDS - CARD_FIELDS);
  if (CARD_FIELDS + wanted > MAX_FIELDS) throw new RangeError(`at most ${MAX_FIELDS - CARD_FIELDS} extra fields`);
  return [...extras, ...Array<string>(wanted - extras.length).fill('')];
}

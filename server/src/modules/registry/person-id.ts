/**
 * The personal identification number (số định danh cá nhân): the number on the CCCD / Căn cước card and of the
 * VNeID account. Twelve digits, `PPP G YY NNNNNN`.
 *
 * Rules (Thông tư 07/2016/TT-BCA Phụ lục I; Thông tư 59/2021/TT-BCA Điều 4; Luật Căn cước 2023 Điều 12):
 * - PPP: the province where the birth was registered, one of the 63 pre-2025 codes. The codes are permanent: the
 *   2025 province merger re-issues no number, so all 63 stay valid. A birth registered abroad carries a country
 *   code instead, which is why an unknown PPP is a warning for card data, not proof of forgery.
 * - G: century and sex. century = 1900 + 100·⌊G/2⌋ and the holder is female iff G is odd
 *   (0 man / 1 woman born 1900–1999, 2 / 3 born 2000–2099, 4 / 5 in the 2100s, ...).
 * - YY: the last two digits of the birth year. NNNNNN: a sequence number.
 * - There is no check digit, so a typo that keeps this structure cannot be detected.
 * - Old ID numbers (CMND) have 9 digits, or 12 digits on the 2012–2016 cards.
 */

export type Sex = 'male' | 'female';

/** A message shown to people, in Vietnamese and English. */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

/**
 * A problem found in data that could still be read (card QR, MRZ): reported, never thrown, so that an officer can
 * see everything that is wrong with a card at once. The registry's parsers share this shape.
 */
export interface Finding<Code extends string = string> {
  code: Code;
  /** 'error': wrong or inconsistent, not to be trusted without review; 'warning': unusual but possible. */
  severity: 'error' | 'warning';
  /** The field concerned, named as in the parsed result ('birthDate', 'personId', ...). */
  field: string;
}

/** A 12-digit personal identification number whose structure has been checked. */
export type PersonId = string & { readonly __brand: 'PersonId' };

/** The 63 pre-2025 province codes of PPP with their names (Thông tư 07/2016/TT-BCA Phụ lục I; GSO codes). */
export const PROVINCE_BIRTH_CODES = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa–Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>;

export type ProvinceBirthCode = keyof typeof PROVINCE_BIRTH_CODES;

export function isProvinceBirthCode(code: string): code is ProvinceBirthCode {
  return Object.hasOwn(PROVINCE_BIRTH_CODES, code);
}

export type PersonIdInvalidReason = 'NOT_DIGITS' | 'LENGTH' | 'UNKNOWN_PROVINCE';

export interface PersonIdParts {
  id: PersonId;
  provinceCode: ProvinceBirthCode;
  provinceName: string;
  /** First year of the birth century: 1900, 2000, 2100, ... */
  centuryStart: number;
  sex: Sex;
  birthYear: number;
  /** The six-digit sequence NNNNNN, as written (leading zeros kept). */
  sequence: string;
}

export type PersonIdParseResult = ({ ok: true } & PersonIdParts) | { ok: false; reason: PersonIdInvalidReason };

/** The digits decoded without judging PPP, so that IDs of births registered abroad can still be checked. */
export interface PersonIdDigits {
  provinceCode: string;
  centuryStart: number;
  sex: Sex;
  yearInCentury: number;
  sequence: string;
}

function decodeDigits(id: string): PersonIdDigits | 'NOT_DIGITS' | 'LENGTH' {
  if (typeof id !== 'string' || !/^\d*$/.test(id)) return 'NOT_DIGITS';
  if (id.length !== 12) return 'LENGTH';
  const g = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    centuryStart: 1900 + 100 * Math.floor(g / 2),
    sex: g % 2 === 1 ? 'female' : 'male',
    yearInCentury: Number(id.slice(4, 6)),
    sequence: id.slice(6),
  };
}

/** Digits G, YY and NNNNNN of a 12-digit string whatever its PPP; undefined if it is not 12 digits. */
export function decodePersonIdDigits(id: string): PersonIdDigits | undefined {
  const decoded = decodeDigits(id);
  return typeof decoded === 'string' ? undefined : decoded;
}

/**
 * Reads the structure of a personal identification number. The input is taken as is (no trimming): callers
 * normalise what users type. Non-digits are reported before a wrong length, so "abc" is NOT_DIGITS.
 */
export function parsePersonId(id: string): PersonIdParseResult {
  const decoded = decodeDigits(id);
  if (typeof decoded === 'string') return { ok: false, reason: decoded };
  if (!isProvinceBirthCode(decoded.provinceCode)) return { ok: false, reason: 'UNKNOWN_PROVINCE' };
  return {
    ok: true,
    id: id as PersonId,
    provinceCode: decoded.provinceCode,
    provinceName: PROVINCE_BIRTH_CODES[decoded.provinceCode],
    centuryStart: decoded.centuryStart,
    sex: decoded.sex,
    birthYear: decoded.centuryStart + decoded.yearInCentury,
    sequence: decoded.sequence,
  };
}

export type PersonIdFindingCode =
  | 'ID_MALFORMED'
  | 'UNKNOWN_PROVINCE'
  | 'ID_SEX_MISMATCH'
  | 'ID_CENTURY_MISMATCH'
  | 'ID_BIRTH_YEAR_MISMATCH';

export const PERSON_ID_FINDING_MESSAGES: Readonly<Record<PersonIdFindingCode, LocalizedMessage>> = {
  ID_MALFORMED: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    en: 'The personal identification number must be exactly 12 digits.',
  },
  UNKNOWN_PROVINCE: {
    vi: 'Ba chữ số đầu của số định danh không phải mã tỉnh nơi đăng ký khai sinh (có thể là mã quốc gia nếu khai sinh ở nước ngoài).',
    en: 'The first three digits of the ID are not a province code of birth registration (they may be a country code for a birth registered abroad).',
  },
  ID_SEX_MISMATCH: {
    vi: 'Giới tính không khớp với chữ số thứ tư của số định danh (chữ số lẻ là nữ, chẵn là nam).',
    en: 'The sex does not match the fourth digit of the ID (odd means female, even means male).',
  },
  ID_CENTURY_MISMATCH: {
    vi: 'Thế kỷ của năm sinh không khớp với chữ số thứ tư của số định danh.',
    en: 'The century of the birth year does not match the fourth digit of the ID.',
  },
  ID_BIRTH_YEAR_MISMATCH: {
    vi: 'Hai số cuối của năm sinh không khớp với chữ số thứ năm và sáu của số định danh.',
    en: 'The last two digits of the birth year do not match the fifth and sixth digits of the ID.',
  },
};

/**
 * Checks a number against the holder's other data: digit G against the sex and the century of birth, YY against
 * the birth year. A birth date that is not a valid 'YYYY-MM-DD' is skipped (the caller reports it), and so is a
 * missing sex. An unknown PPP is reported and the other digits are still checked.
 */
export function checkPersonIdAgainst(
  id: string,
  holder: { birthDate?: string | null; sex?: Sex | null },
): PersonIdFindingCode[] {
  const decoded = decodeDigits(id);
  if (typeof decoded === 'string') return ['ID_MALFORMED'];
  const findings: PersonIdFindingCode[] = [];
  if (!isProvinceBirthCode(decoded.provinceCode)) findings.push('UNKNOWN_PROVINCE');
  if (holder.sex && holder.sex !== decoded.sex) findings.push('ID_SEX_MISMATCH');
  if (holder.birthDate && isIsoDate(holder.birthDate)) {
    const year = Number(holder.birthDate.slice(0, 4));
    if (year - (year % 100) !== decoded.centuryStart) findings.push('ID_CENTURY_MISMATCH');
    if (year % 100 !== decoded.yearInCentury) findings.push('ID_BIRTH_YEAR_MISMATCH');
  }
  return findings;
}

/** Digit G for a sex and birth year: 2·(century index) + 1 for a woman. */
function centuryAndSexDigit(birthYear: number, sex: Sex): number {
  const centuryIndex = Math.floor((birthYear - 1900) / 100);
  if (centuryIndex < 0 || centuryIndex > 4) {
    throw new RangeError(`birth year ${birthYear} cannot be written in a personal ID (1900–2399 only)`);
  }
  return 2 * centuryIndex + (sex === 'female' ? 1 : 0);
}

/**
 * Writes the number of a (synthetic) person: the inverse of `parsePersonId`. Throws RangeError on data that no
 * real number could carry; it is meant for generators and tests, not for user input.
 */
export function buildPersonId(input: { provinceCode: string; birthDate: string; sex: Sex; sequence: number | string }): PersonId {
  if (!isProvinceBirthCode(input.provinceCode)) throw new RangeError(`unknown province code ${input.provinceCode}`);
  if (!isIsoDate(input.birthDate)) throw new RangeError(`birth date ${input.birthDate} is not a valid YYYY-MM-DD date`);
  const sequence = typeof input.sequence === 'number' ? String(input.sequence).padStart(6, '0') : input.sequence;
  if (!/^\d{6}$/.test(sequence)) throw new RangeError(`sequence ${input.sequence} is not 0–999999`);
  const year = Number(input.birthDate.slice(0, 4));
  const g = centuryAndSexDigit(year, input.sex);
  return `${input.provinceCode}${g}${String(year % 100).padStart(2, '0')}${sequence}` as PersonId;
}

/** Old ID card (CMND) numbers: 9 digits, or 12 digits on the cards of 2012–2016. */
export function isOldIdNumber(s: string): boolean {
  return typeof s === 'string' && /^(?:\d{9}|\d{12})$/.test(s);
}

/**
 * Whether `s` is a real calendar date written 'YYYY-MM-DD' (leap years included). Shared by the registry's rules,
 * which keep dates as strings: a birth date is a calendar day in Vietnam, not an instant.
 */
export function isIsoDate(s: string): boolean {
  const match = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

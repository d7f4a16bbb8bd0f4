import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CARD_QR_ERROR_MESSAGES,
  CARD_QR_FINDING_MESSAGES,
  formatCardQr,
  MAX_CARD_QR_LENGTH,
  parseCardDate,
  parseCardQr,
  type CardQrInput,
  type CardQrParseResult,
} from './card-qr.ts';
import { buildPersonId, PROVINCE_BIRTH_CODES, type Sex } from './person-id.ts';

const TODAY = '2026-03-01';
const EXAMPLE = '001090123456|012345678|Nguyễn Văn An|01011990|Nam|Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình|15042021';

function parse(raw: string): CardQrParseResult {
  return parseCardQr(raw, { today: TODAY });
}

function parsedCard(raw: string) {
  const result = parse(raw);
  assert.ok(result.ok, `expected a card, got ${result.ok ? '' : result.code}`);
  return result;
}

function codes(raw: string): string[] {
  return parsedCard(raw).findings.map((finding) => finding.code);
}

function errorCode(raw: string): string | undefined {
  const result = parse(raw);
  return result.ok ? undefined : result.code;
}

/** The example with field `index` (0-based) replaced. */
function withField(index: number, value: string, payload = EXAMPLE): string {
  const fields = payload.split('|');
  fields[index] = value;
  return fields.join('|');
}

describe('FACTS §2: the 2021 CCCD QR payload (7 fields, name in field 3)', () => {
  it('reads every field of the example', () => {
    const { card, findings } = parsedCard(EXAMPLE);
    assert.deepEqual(card, {
      personId: '001090123456',
      oldId: '012345678',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-01-01',
      sex: 'male',
      address: 'Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình',
      issueDate: '2021-04-15',
      extras: [],
      variant: 'cccd-2021',
    });
    assert.deepEqual(findings, []);
  });

  it('reads the name from field 3, not field 2 (the old ID)', () => {
    const { card } = parsedCard(EXAMPLE);
    assert.equal(card.fullName, 'Nguyễn Văn An');
    assert.notEqual(card.fullName, '012345678');
  });

  it('accepts an empty old ID (never had a CMND)', () => {
    const { card, findings } = parsedCard('035303012345||Trần Thị Mai|05062003|Nữ|Phường Duy Tân, Ninh Bình|20072021');
    assert.equal(card.oldId, null);
    assert.equal(card.sex, 'female');
    assert.equal(card.birthDate, '2003-06-05');
    assert.deepEqual(findings, []);
  });

  it('accepts old IDs of 9, 10 and 12 characters without a finding', () => {
    for (const oldId of ['168123456', '1681234567', '035090000001']) {
      const { card, findings } = parsedCard(withField(1, oldId));
      assert.equal(card.oldId, oldId);
      assert.deepEqual(findings, [], oldId);
    }
  });

  it('warns about old IDs of other lengths or with letters, and still reads the card', () => {
    assert.deepEqual(codes(withField(1, '16812345')), ['OLD_ID_UNUSUAL_LENGTH']);
    assert.deepEqual(codes(withField(1, 'B16812345')), ['OLD_ID_NOT_DIGITS']);
    assert.deepEqual(codes(withField(1, 'AB1')), ['OLD_ID_NOT_DIGITS', 'OLD_ID_UNUSUAL_LENGTH']);
    assert.ok(parsedCard(withField(1, 'AB1')).findings.every((finding) => finding.severity === 'warning' && finding.field === 'oldId'));
  });
});

describe('Thông tư 16/2024/TT-BCA: the 2024 Căn cước QR payload (11 fields, extras kept raw)', () => {
  const CAN_CUOC = `${EXAMPLE}|012345678||Nguyễn Văn Bình|Trần Thị Cúc`;

  it('reads the first 7 fields and keeps fields 8–11 as raw extras without a finding', () => {
    const { card, findings } = parsedCard(CAN_CUOC);
    assert.equal(card.variant, 'can-cuoc-2024');
    assert.equal(card.fullName, 'Nguyễn Văn An');
    assert.equal(card.issueDate, '2021-04-15');
    assert.deepEqual(card.extras, ['012345678', '', 'Nguyễn Văn Bình', 'Trần Thị Cúc']);
    assert.deepEqual(findings, []);
  });

  it('accepts empty extra fields', () => {
    assert.deepEqual(parsedCard(`${EXAMPLE}||||`).card.extras, ['', '', '', '']);
  });

  it('accepts 8 to 12 fields, warning when the count is not the usual 11', () => {
    for (let extras = 1; extras <= 5; extras++) {
      const { card, findings } = parsedCard(EXAMPLE + '|x'.repeat(extras));
      assert.equal(card.extras.length, extras);
      assert.deepEqual(
        findings.map((finding) => finding.code),
        extras === 4 ? [] : ['UNUSUAL_FIELD_COUNT'],
      );
    }
  });

  it('refuses 13 fields or more', () => {
    assert.equal(errorCode(EXAMPLE + '|x'.repeat(6)), 'QR_NOT_A_CARD');
  });
});

describe('FACTS §2: the 6-field re-share format (no old ID, dd/MM/yyyy)', () => {
  it('reads the fields at their shifted positions', () => {
    const { card, findings } = parsedCard('001090123456|Nguyễn Văn An|01/01/1990|Nam|Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình|15/04/2021');
    assert.equal(card.variant, 'reshare-6');
    assert.equal(card.oldId, null);
    assert.equal(card.fullName, 'Nguyễn Văn An');
    assert.equal(card.birthDate, '1990-01-01');
    assert.equal(card.issueDate, '2021-04-15');
    assert.deepEqual(findings, []);
  });
});

describe('Keyboard-wedge scanner artefacts: BOM, CR/LF, NFD', () => {
  it('strips a leading BOM and trailing CR/LF, tab and spaces', () => {
    assert.deepEqual(parse(`\uFEFF${EXAMPLE}\r\n`), parse(EXAMPLE));
    assert.deepEqual(parse(`${EXAMPLE}\t`), parse(EXAMPLE));
    assert.deepEqual(parse(`  ${EXAMPLE}  \n`), parse(EXAMPLE));
  });

  it('normalises NFD to NFC', () => {
    const { card } = parsedCard(EXAMPLE.normalize('NFD'));
    assert.equal(card.fullName, 'Nguyễn Văn An');
    assert.equal(card.fullName, card.fullName.normalize('NFC'));
    assert.equal(card.address, 'Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình');
  });

  it('trims fields and collapses spaces inside the name and address', () => {
    const { card } = parsedCard('001090123456| 012345678 | Nguyễn  Văn An |01011990| Nam |Thôn  Yên Bắc|15042021');
    assert.equal(card.oldId, '012345678');
    assert.equal(card.fullName, 'Nguyễn Văn An');
    assert.equal(card.sex, 'male');
    assert.equal(card.address, 'Thôn Yên Bắc');
  });
});

describe('Sex field: Nam / Nữ', () => {
  const female = (sex: string) => withField(4, sex, '035190000123|012345678|Trần Thị Mai|30041990|Nữ|Duy Tiên|15042021');

  it('reads Nam and Nữ in any case and normalisation', () => {
    for (const sex of ['Nữ', 'nữ', 'NỮ', 'Nữ'.normalize('NFD'), 'NỮ'.normalize('NFD')]) {
      const { card, findings } = parsedCard(female(sex));
      assert.equal(card.sex, 'female', sex);
      assert.deepEqual(findings, [], sex);
    }
    for (const sex of ['Nam', 'nam', 'NAM']) assert.equal(parsedCard(withField(4, sex)).card.sex, 'male');
  });

  it('reads "Nu" without diacritics as female with a warning', () => {
    const { card, findings } = parsedCard(female('Nu'));
    assert.equal(card.sex, 'female');
    assert.deepEqual(findings, [{ code: 'SEX_UNUSUAL_SPELLING', severity: 'warning', field: 'sex' }]);
  });

  it('leaves an unreadable sex unknown with an error, not a guess', () => {
    for (const sex of ['', 'M', 'Male', 'X']) {
      const { card, findings } = parsedCard(withField(4, sex));
      assert.equal(card.sex, null, sex);
      assert.deepEqual(findings, [{ code: 'INVALID_SEX', severity: 'error', field: 'sex' }], sex);
    }
  });
});

describe('Payloads refused with a clear code', () => {
  it('refuses empty input', () => {
    assert.equal(errorCode(''), 'QR_EMPTY');
    assert.equal(errorCode('\uFEFF \r\n'), 'QR_EMPTY');
  });

  it('refuses input over 2,000 characters', () => {
    assert.equal(errorCode(EXAMPLE + ' '.repeat(MAX_CARD_QR_LENGTH)), 'QR_TOO_LONG');
    assert.equal(errorCode('x'.repeat(10_000)), 'QR_TOO_LONG');
    assert.ok(parse(EXAMPLE + ' '.repeat(MAX_CARD_QR_LENGTH - EXAMPLE.length)).ok);
  });

  it('refuses control and invisible characters inside the text', () => {
    for (const noise of ['\u0000', '\u0007', '\n', '\r', '\t', '\u001B', '\u0085', '\u200B', '\u202E', '\uFEFF']) {
      assert.equal(errorCode(EXAMPLE.replace('Văn', `Văn${noise}`)), 'QR_CONTROL_CHARACTERS', JSON.stringify(noise));
    }
  });

  it('refuses broken UTF-16 (a lone surrogate)', () => {
    assert.equal(errorCode(EXAMPLE.replace('Văn', 'V\uD83Dăn')), 'QR_INVALID_UNICODE');
  });

  it('refuses text that is not a card payload', () => {
    assert.equal(errorCode('https://vneid.gov.vn/abc'), 'QR_NOT_A_CARD');
    assert.equal(errorCode('001090123456|Nguyễn Văn An|01011990|Nam|Duy Tiên'), 'QR_NOT_A_CARD');
    assert.equal(errorCode('a|b'), 'QR_NOT_A_CARD');
  });

  it('refuses a first field that is not a 12-digit ID', () => {
    for (const id of ['00109012345', '0010901234567', '00109012345a', '', '００１０９０１２３４５６']) {
      assert.equal(errorCode(withField(0, id)), 'QR_INVALID_PERSON_ID', id);
    }
  });

  it('refuses a value that is not a string instead of throwing', () => {
    for (const value of [undefined, null, 42, {}, Buffer.from(EXAMPLE)]) {
      assert.equal(parseCardQr(value as unknown as string, { today: TODAY }).ok, false);
    }
    assert.equal(errorCode(null as unknown as string), 'QR_NOT_TEXT');
  });

  it('gives a Vietnamese and an English message with every refusal', () => {
    const result = parse('');
    assert.ok(!result.ok);
    assert.equal(result.message, CARD_QR_ERROR_MESSAGES.QR_EMPTY.en);
    assert.deepEqual(result.messages, CARD_QR_ERROR_MESSAGES.QR_EMPTY);
    for (const message of Object.values(CARD_QR_ERROR_MESSAGES)) assert.ok(message.vi !== message.en && message.vi.length > 10);
  });

  it('throws on an invalid `today` option, which is a programming error', () => {
    assert.throws(() => parseCardQr(EXAMPLE, { today: '2026-02-30' }), TypeError);
  });
});

describe('Dates on the card: ddMMyyyy or dd/MM/yyyy', () => {
  it('converts both spellings and checks the calendar', () => {
    assert.equal(parseCardDate('29022024'), '2024-02-29');
    assert.equal(parseCardDate('29/02/2024'), '2024-02-29');
    for (const s of ['29022023', '31042021', '00012020', '01132020', '1012020', '01-01-2020', '2020-01-01', '01011899', '']) {
      assert.equal(parseCardDate(s), null, s);
    }
  });

  it('reports an invalid birth date and leaves it null', () => {
    const { card, findings } = parsedCard(withField(3, '31021990'));
    assert.equal(card.birthDate, null);
    assert.deepEqual(findings, [{ code: 'INVALID_BIRTH_DATE', severity: 'error', field: 'birthDate' }]);
  });

  it('reports an invalid, missing or future issue date', () => {
    assert.deepEqual(codes(withField(6, '15132021')), ['INVALID_ISSUE_DATE']);
    assert.deepEqual(parsedCard(withField(6, '')).findings, [{ code: 'MISSING_ISSUE_DATE', severity: 'warning', field: 'issueDate' }]);
    assert.equal(parsedCard(withField(6, '')).card.issueDate, null);
    assert.deepEqual(codes(withField(6, '02032026')), ['FUTURE_ISSUE_DATE']);
    assert.deepEqual(codes(withField(6, '01032026')), [], 'issued today is fine');
  });

  it('reports a birth date after today (with the ID digits that then disagree)', () => {
    assert.deepEqual(codes(withField(3, '01012027')), ['ID_CENTURY_MISMATCH', 'ID_BIRTH_YEAR_MISMATCH', 'FUTURE_BIRTH_DATE', 'ISSUE_BEFORE_BIRTH']);
  });

  it('reports an issue date before the birth date', () => {
    assert.deepEqual(codes(withField(6, '31121989')), ['ISSUE_BEFORE_BIRTH']);
  });

  it('uses today in Vietnam when `today` is not given', () => {
    const result = parseCardQr(withField(6, '01012999'));
    assert.ok(result.ok);
    assert.deepEqual(
      result.findings.map((finding) => finding.code),
      ['FUTURE_ISSUE_DATE'],
    );
  });
});

describe('Thông tư 59/2021/TT-BCA Điều 4: the ID against the birth date and sex on the card', () => {
  it('reports a sex that contradicts digit G', () => {
    assert.deepEqual(parsedCard(withField(4, 'Nữ')).findings, [{ code: 'ID_SEX_MISMATCH', severity: 'error', field: 'personId' }]);
  });

  it('reports a birth year that contradicts YY', () => {
    assert.deepEqual(codes(withField(3, '01011991')), ['ID_BIRTH_YEAR_MISMATCH']);
  });

  it('reports a century that contradicts digit G', () => {
    assert.deepEqual(codes(withField(3, '01012090')), ['ID_CENTURY_MISMATCH', 'FUTURE_BIRTH_DATE', 'ISSUE_BEFORE_BIRTH']);
  });

  it('warns (not errs) about an unknown province code, which may be a country code', () => {
    assert.deepEqual(parsedCard(withField(0, '840090123456')).findings, [{ code: 'UNKNOWN_PROVINCE', severity: 'warning', field: 'personId' }]);
  });
});

describe('Names and addresses on the card', () => {
  it('reports a missing name, digits and garbage in the name', () => {
    assert.deepEqual(codes(withField(2, '')), ['MISSING_NAME']);
    assert.deepEqual(codes(withField(2, 'Nguyễn Văn 4n')), ['NAME_HAS_DIGITS']);
    assert.deepEqual(codes(withField(2, '<script>alert(1)</script>')), ['NAME_HAS_DIGITS']);
    assert.deepEqual(codes(withField(2, '<script>alert()</script>')), ['NAME_IMPLAUSIBLE']);
    assert.deepEqual(codes(withField(2, "'; DROP TABLE residents; --")), ['NAME_IMPLAUSIBLE']);
    assert.deepEqual(codes(withField(2, 'A'.repeat(101))), ['NAME_IMPLAUSIBLE']);
  });

  it('keeps the text of a garbage name so an officer can see it', () => {
    assert.equal(parsedCard(withField(2, '<b>An</b>')).card.fullName, '<b>An</b>');
  });

  it('warns about a missing address', () => {
    assert.deepEqual(parsedCard(withField(5, ' ')).findings, [{ code: 'MISSING_ADDRESS', severity: 'warning', field: 'address' }]);
  });

  it('has a Vietnamese and an English message for every finding code', () => {
    for (const [code, message] of Object.entries(CARD_QR_FINDING_MESSAGES)) {
      assert.ok(message.vi.length > 10 && message.en.length > 10 && message.vi !== message.en, code);
    }
  });
});

describe('Writing card QR payloads for tests and the synthetic town', () => {
  const card: CardQrInput = {
    personId: '001090123456',
    oldId: '012345678',
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-01-01',
    sex: 'male',
    address: 'Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình',
    issueDate: '2021-04-15',
  };

  it('writes the 7-field example exactly', () => {
    assert.equal(formatCardQr(card), EXAMPLE);
  });

  it('writes 11 fields for the 2024 card, padding the extras', () => {
    assert.equal(formatCardQr({ ...card, variant: 'can-cuoc-2024' }), `${EXAMPLE}||||`);
    assert.equal(formatCardQr({ ...card, extras: ['012345678'] }), `${EXAMPLE}|012345678|||`);
  });

  it('writes the 6-field re-share format', () => {
    assert.equal(
      formatCardQr({ ...card, variant: 'reshare-6' }),
      '001090123456|Nguyễn Văn An|01/01/1990|Nam|Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình|15/04/2021',
    );
  });

  it('writes Nữ and an empty old ID', () => {
    assert.equal(formatCardQr({ ...card, personId: '035190000123', sex: 'female', oldId: null }), '035190000123||Nguyễn Văn An|01011990|Nữ|Thôn Yên Bắc, Phường Duy Tiên, Ninh Bình|15042021');
  });

  it('refuses values no card can carry', () => {
    assert.throws(() => formatCardQr({ ...card, fullName: 'An|Bình' }), RangeError);
    assert.throws(() => formatCardQr({ ...card, address: 'Duy Tiên\n' }), RangeError);
    assert.throws(() => formatCardQr({ ...card, birthDate: '1990-02-30' }), RangeError);
    assert.throws(() => formatCardQr({ ...card, extras: ['1', '2', '3', '4', '5', '6'] }), RangeError);
    assert.throws(() => formatCardQr({ ...card, variant: 'cccd-2021', extras: ['1'] }), RangeError);
  });
});

// ------------------------------------------------------------------------------------------------------------
// Properties

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Xuân', 'Hữu'];
const GIVEN = ['An', 'Hương', 'Dũng', 'Thủy', 'Quỳnh', 'Đạt', 'Uyên', 'Tiến', 'Ngân'];

const isoDate = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** Free text for addresses and extras: no '|', no control or invisible characters, no edge spaces. */
const fieldText = fc
  .string({ unit: 'grapheme', maxLength: 60 })
  .map((text) => text.replace(/[|\p{Cc}\p{Cf}\p{Cs}\p{Z}\s]+/gu, ' ').trim().normalize('NFC'))
  .filter((text) => !/[\p{Cf}\p{Cs}]/u.test(text));

const validCard: fc.Arbitrary<CardQrInput> = fc
  .record({
    provinceCode: fc.constantFrom(...Object.keys(PROVINCE_BIRTH_CODES)),
    birthDate: isoDate(1920, 2010),
    sex: fc.constantFrom<Sex>('male', 'female'),
    sequence: fc.integer({ min: 0, max: 999_999 }),
    oldId: fc.option(fc.stringMatching(/^(\d{9}|\d{12})$/), { nil: null }),
    name: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)),
    address: fieldText.filter((text) => text !== ''),
    issueDate: isoDate(2021, 2025),
  })
  .map((r) => ({
    personId: buildPersonId({ provinceCode: r.provinceCode, birthDate: r.birthDate, sex: r.sex, sequence: r.sequence }),
    oldId: r.oldId,
    fullName: r.name.join(' '),
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.address,
    issueDate: r.issueDate,
  }));

const KNOWN_FINDINGS = new Set(Object.keys(CARD_QR_FINDING_MESSAGES));
const KNOWN_ERRORS = new Set(Object.keys(CARD_QR_ERROR_MESSAGES));

/** The contract for any input: no throw, and either a card with known findings or a known refusal code. */
function assertWellFormedResult(raw: string): CardQrParseResult {
  const result = parseCardQr(raw, { today: TODAY });
  if (!result.ok) {
    assert.ok(KNOWN_ERRORS.has(result.code), result.code);
    assert.equal(typeof result.messages.vi, 'string');
    return result;
  }
  assert.match(result.card.personId, /^\d{12}$/);
  assert.equal(result.card.fullName, result.card.fullName.normalize('NFC'));
  assert.ok(result.card.birthDate === null || /^\d{4}-\d{2}-\d{2}$/.test(result.card.birthDate));
  assert.ok(result.card.issueDate === null || /^\d{4}-\d{2}-\d{2}$/.test(result.card.issueDate));
  for (const finding of result.findings) {
    assert.ok(KNOWN_FINDINGS.has(finding.code), finding.code);
    assert.ok(finding.severity === 'error' || finding.severity === 'warning');
    assert.equal(typeof finding.field, 'string');
  }
  return result;
}

type Mutation = (payload: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (p) => p.split('|').filter((_, i, all) => i !== n % all.length).join('|')),
  fc.nat().map((n): Mutation => (p) => p.slice(0, n % p.length) + '|' + p.slice(n % p.length)),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 5 })).map(([n, noise]): Mutation => (p) => p.slice(0, n % p.length) + noise + p.slice(n % p.length)),
  fc.constant<Mutation>((p) => `\uFEFF${p}\r\n`),
  fc.constant<Mutation>((p) => p.normalize('NFD')),
  fc.nat().map((n): Mutation => (p) => p.slice(0, n % p.length)),
  fc.constant<Mutation>((p) => p.repeat(Math.ceil(10_000 / p.length)).slice(0, 10_000)),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 31 })).map(([n, c]): Mutation => (p) => p.slice(0, n % p.length) + String.fromCharCode(c) + p.slice(n % p.length)),
  fc.constant<Mutation>((p) => p.replace(/\|[^|]*\|/, '|<script>alert(document.cookie)</script>|')),
  fc.constant<Mutation>((p) => p.replace(/\|([^|]*)$/, "|'; DROP TABLE registry.resident; --")),
);

describe('Card QR parser properties (fast-check)', () => {
  it('round-trips formatCardQr → parseCardQr for the 2021 card without findings', () => {
    fc.assert(
      fc.property(validCard, (card) => {
        const result = parseCardQr(formatCardQr(card), { today: TODAY });
        assert.ok(result.ok);
        assert.deepEqual(result.findings, []);
        assert.deepEqual(result.card, { ...card, extras: [], variant: 'cccd-2021' });
      }),
    );
  });

  it('round-trips the 11-field 2024 card with arbitrary extras', () => {
    fc.assert(
      fc.property(validCard, fc.array(fieldText, { minLength: 4, maxLength: 4 }), (card, extras) => {
        const result = parseCardQr(formatCardQr({ ...card, extras }), { today: TODAY });
        assert.ok(result.ok);
        assert.deepEqual(result.findings, []);
        assert.deepEqual(result.card, { ...card, extras, variant: 'can-cuoc-2024' });
      }),
    );
  });

  it('round-trips the 6-field re-share format (the old ID is not in it)', () => {
    fc.assert(
      fc.property(validCard, (card) => {
        const result = parseCardQr(formatCardQr({ ...card, variant: 'reshare-6' }), { today: TODAY });
        assert.ok(result.ok);
        assert.deepEqual(result.card, { ...card, oldId: null, extras: [], variant: 'reshare-6' });
      }),
    );
  });

  it('reads a scanner-wrapped NFD payload exactly as the clean one', () => {
    fc.assert(
      fc.property(validCard, (card) => {
        const clean = formatCardQr(card);
        assert.deepEqual(parseCardQr(`\uFEFF${clean.normalize('NFD')}\r\n`, { today: TODAY }), parseCardQr(clean, { today: TODAY }));
      }),
    );
  });

  it('never throws on random strings and always answers with a known code', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => void assertWellFormedResult(raw)), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 14 }), (fields) => void assertWellFormedResult(fields.join('|'))), { numRuns: 300 });
  });

  it('never throws on mutated valid payloads (field deletion, "|", noise, BOM, NFD, truncation, 10k, control characters, markup, SQL)', () => {
    fc.assert(
      fc.property(validCard, fc.array(mutation, { minLength: 1, maxLength: 3 }), (card, mutations) => {
        const raw = mutations.reduce((payload, mutate) => (payload === '' ? payload : mutate(payload)), formatCardQr(card));
        assertWellFormedResult(raw);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a control character anywhere inside the payload', () => {
    fc.assert(
      fc.property(validCard, fc.nat(), fc.integer({ min: 0, max: 31 }), (card, n, c) => {
        const payload = formatCardQr(card);
        const at = 1 + (n % (payload.length - 1));
        const result = parseCardQr(payload.slice(0, at) + String.fromCharCode(c) + payload.slice(at), { today: TODAY });
        assert.ok(!result.ok);
        assert.equal(result.code, 'QR_CONTROL_CHARACTERS');
      }),
    );
  });

  it('refuses anything over 2,000 characters', () => {
    fc.assert(
      fc.property(validCard, fc.integer({ min: 2001, max: 20_000 }), (card, length) => {
        const payload = formatCardQr(card);
        const result = parseCardQr(payload + 'x'.repeat(length - payload.length), { today: TODAY });
        assert.ok(!result.ok);
        assert.equal(result.code, 'QR_TOO_LONG');
      }),
      { numRuns: 50 },
    );
  });

  it('flags a name carrying markup or SQL as an error, never silently accepting it', () => {
    fc.assert(
      fc.property(validCard, fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE registry.resident; --", 'An<img src=x onerror=alert(1)>', 'Robert"); DELETE FROM x;'), (card, name) => {
        const result = parseCardQr(withField(2, name, formatCardQr(card)), { today: TODAY });
        assert.ok(result.ok);
        assert.ok(result.findings.some((finding) => finding.field === 'fullName' && finding.severity === 'error'));
      }),
    );
  });

  it('detects any inconsistent digit G or YY against the card', () => {
    fc.assert(
      fc.property(validCard, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 }), (card, g, yy) => {
        const personId = `${card.personId.slice(0, 3)}${g}${String(yy).padStart(2, '0')}${card.personId.slice(6)}`;
        const result = parseCardQr(formatCardQr({ ...card, personId }), { today: TODAY });
        assert.ok(result.ok);
        const consistent = personId === card.personId;
        assert.equal(result.findings.some((finding) => finding.code.startsWith('ID_')), !consistent);
      }),
    );
  });
});

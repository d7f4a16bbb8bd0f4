import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildTd1Mrz, MRZ_ERROR_MESSAGES, MRZ_FINDING_MESSAGES, mrzCheckDigit, parseTd1Mrz, type MrzParseResult, type Td1MrzInput } from './mrz.ts';
import { buildPersonId, PROVINCE_BIRTH_CODES, type Sex } from './person-id.ts';

const TODAY = '2026-03-01';
/** FACTS §3: a self-consistent Vietnamese TD1 MRZ (Đinh Duy Tân, ID 051091005513). */
const VN_LINES = ['IDVNM0910055134051091005513<<0', '9101014M3101012VNM<<<<<<<<<<<8', 'DINH<<DUY<TAN<<<<<<<<<<<<<<<<<'] as const;
const VN = VN_LINES.join('\n');
/** ICAO Doc 9303 Part 5 TD1 specimen (Utopia, Anna Maria Eriksson). */
const ICAO_SPECIMEN = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';

function parse(text: string, today = TODAY): MrzParseResult {
  return parseTd1Mrz(text, { today });
}

function parsed(text: string, today = TODAY) {
  const result = parse(text, today);
  assert.ok(result.ok, `expected an MRZ, got ${result.ok ? '' : result.code}`);
  return result;
}

function codes(text: string, today = TODAY): string[] {
  return parsed(text, today).findings.map((finding) => finding.code);
}

/** The Vietnamese example with the character at (line, column) replaced. */
function withCharacter(line: number, column: number, character: string): string {
  const lines: string[] = [...VN_LINES];
  lines[line] = lines[line]!.slice(0, column) + character + lines[line]!.slice(column + 1);
  return lines.join('\n');
}

describe('ICAO 9303 Part 3 §4.9: check digits with weights 7-3-1', () => {
  it('computes the check digits of the ICAO specimens', () => {
    assert.equal(mrzCheckDigit('L898902C3'), '6');
    assert.equal(mrzCheckDigit('D23145890'), '7');
    assert.equal(mrzCheckDigit('ZE184226B<<<<<'), '1');
    assert.equal(mrzCheckDigit('740812'), '2');
    assert.equal(mrzCheckDigit('120415'), '9');
  });

  it('computes the check digits of the Vietnamese example', () => {
    assert.equal(mrzCheckDigit('091005513'), '4');
    assert.equal(mrzCheckDigit('910101'), '4');
    assert.equal(mrzCheckDigit('310101'), '2');
    assert.equal(mrzCheckDigit('051091005513'), '0');
  });

  it('counts the filler as 0 and letters as 10–35', () => {
    assert.equal(mrzCheckDigit('<<<<'), '0');
    assert.equal(mrzCheckDigit('A'), '0');
    assert.equal(mrzCheckDigit('B'), '7');
    assert.equal(mrzCheckDigit('Z'), '5');
  });

  it('detects every single-digit substitution in a digit field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,12}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (field, n, delta) => {
        const at = n % field.length;
        const changed = field.slice(0, at) + String((Number(field[at]) + delta) % 10) + field.slice(at + 1);
        return mrzCheckDigit(changed) !== mrzCheckDigit(field);
      }),
    );
  });
});

describe('ICAO 9303 Part 5 TD1: the Vietnamese card MRZ (FACTS §3)', () => {
  it('reads every field of the example and finds nothing wrong', () => {
    const { mrz, findings } = parsed(VN);
    assert.deepEqual(mrz, {
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '091005513',
      personId: '051091005513',
      birthDate: '1991-01-01',
      sex: 'male',
      expiryDate: '2031-01-01',
      nationality: 'VNM',
      surname: 'DINH',
      givenNames: 'DUY TAN',
      optionalData1: '051091005513<<0',
      optionalData2: '<<<<<<<<<<<',
      lines: [...VN_LINES],
    });
    assert.deepEqual(findings, []);
  });

  it('recovers the full 12-digit ID from the optional data: its last 9 digits are the document number', () => {
    const { mrz } = parsed(VN);
    assert.equal(mrz.personId?.slice(3), mrz.documentNumber);
  });

  it('accepts 90 characters in a row, CR/LF, surrounding spaces, blank lines and a BOM', () => {
    const expected = parsed(VN);
    assert.deepEqual(parsed(VN_LINES.join('')), expected);
    assert.deepEqual(parsed(`\uFEFF${VN_LINES.join('\r\n')}\r\n`), expected);
    assert.deepEqual(parsed(`\n  ${VN_LINES.join('  \n\n  ')}  \n`), expected);
  });

  it('reads the ICAO specimen, warning that it is not a Vietnamese card', () => {
    const { mrz, findings } = parsed(ICAO_SPECIMEN);
    assert.equal(mrz.documentNumber, 'D23145890');
    assert.equal(mrz.birthDate, '1974-08-12');
    assert.equal(mrz.sex, 'female');
    assert.equal(mrz.surname, 'ERIKSSON');
    assert.equal(mrz.givenNames, 'ANNA MARIA');
    assert.equal(mrz.personId, null);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity]),
      [
        ['MRZ_PERSON_ID_MISSING', 'warning'],
        ['MRZ_UNEXPECTED_DOCUMENT_CODE', 'warning'],
        ['MRZ_NOT_VIETNAMESE', 'warning'],
        ['MRZ_EXPIRED', 'warning'],
      ],
    );
  });

  it('takes the birth century from digit G of the ID (Thông tư 59/2021/TT-BCA Điều 4)', () => {
    // Born 1920: "20" is not after today's "26", so without the ID the year would be read as 2020.
    const old = buildTd1Mrz({ personId: '035120000001', birthDate: '1920-05-05', sex: 'female', expiryDate: null, surname: 'Lê', givenNames: 'Thị Bình' });
    assert.equal(parsed(old, '2026-03-01').mrz.birthDate, '1920-05-05');
    const young = buildTd1Mrz({ personId: '035210000001', birthDate: '2010-05-05', sex: 'male', expiryDate: '2035-05-05', surname: 'Lê', givenNames: 'An' });
    assert.equal(parsed(young, '2026-03-01').mrz.birthDate, '2010-05-05');
  });

  it('without an ID, reads a birth year after today’s two digits as the 1900s', () => {
    assert.equal(parsed(ICAO_SPECIMEN, '2026-03-01').mrz.birthDate, '1974-08-12');
  });

  it('reads an all-filler expiry as "no expiry" (card issued after 58)', () => {
    const mrz = buildTd1Mrz({ personId: '035050000001', birthDate: '1950-01-01', sex: 'male', expiryDate: null, surname: 'Đỗ', givenNames: 'Văn Hải' });
    assert.match(mrz, /^500101\dM<{7}VNM/m);
    const { mrz: read, findings } = parsed(mrz);
    assert.equal(read.expiryDate, null);
    assert.deepEqual(findings, []);
  });

  it('warns when the card has expired (on the expiry date itself)', () => {
    assert.deepEqual(codes(VN, '2030-12-31'), []);
    assert.deepEqual(codes(VN, '2031-01-01'), ['MRZ_EXPIRED']);
  });
});

describe('ICAO 9303 TD1 check digits: which one failed', () => {
  it('reports a wrong document number check digit', () => {
    assert.deepEqual(codes(withCharacter(0, 14, '5')), ['MRZ_DOCUMENT_NUMBER_CHECK', 'MRZ_COMPOSITE_CHECK']);
  });

  it('reports a wrong birth date check digit', () => {
    assert.deepEqual(codes(withCharacter(1, 6, '5')), ['MRZ_BIRTH_DATE_CHECK', 'MRZ_COMPOSITE_CHECK']);
  });

  it('reports a wrong expiry check digit', () => {
    assert.deepEqual(codes(withCharacter(1, 14, '3')), ['MRZ_EXPIRY_DATE_CHECK', 'MRZ_COMPOSITE_CHECK']);
  });

  it('reports a wrong composite check digit alone', () => {
    assert.deepEqual(parsed(withCharacter(1, 29, '9')).findings, [{ code: 'MRZ_COMPOSITE_CHECK', severity: 'error', field: 'composite' }]);
  });

  it('reports a wrong check digit of the 12-digit ID in the optional data', () => {
    assert.deepEqual(codes(withCharacter(0, 29, '1')), ['MRZ_COMPOSITE_CHECK', 'MRZ_PERSON_ID_CHECK']);
  });

  it('reports a changed document number through its check digit, the composite and the ID', () => {
    assert.deepEqual(codes(withCharacter(0, 13, '4')), ['MRZ_DOCUMENT_NUMBER_CHECK', 'MRZ_COMPOSITE_CHECK', 'MRZ_PERSON_ID_MISMATCH']);
  });

  it('reports a changed birth date through its check digit, the composite and the ID digits', () => {
    assert.deepEqual(codes(withCharacter(1, 1, '2')), ['MRZ_BIRTH_DATE_CHECK', 'MRZ_COMPOSITE_CHECK', 'ID_BIRTH_YEAR_MISMATCH']);
  });

  it('reports a sex that contradicts digit G of the ID (sex is outside every check digit)', () => {
    assert.deepEqual(codes(withCharacter(1, 7, 'F')), ['ID_SEX_MISMATCH']);
    assert.deepEqual(codes(withCharacter(1, 7, '<')), []);
    assert.equal(parsed(withCharacter(1, 7, '<')).mrz.sex, null);
    assert.deepEqual(codes(withCharacter(1, 7, 'Q')), ['MRZ_INVALID_SEX']);
  });

  it('reports an impossible date even when its check digit matches', () => {
    const birth = '911301';
    const lines: string[] = [...VN_LINES];
    lines[1] = birth + mrzCheckDigit(birth) + VN_LINES[1].slice(7);
    const result = parsed(lines.join('\n'));
    assert.equal(result.mrz.birthDate, null);
    assert.ok(result.findings.some((finding) => finding.code === 'MRZ_INVALID_BIRTH_DATE'));
  });

  it('reports a missing name', () => {
    assert.deepEqual(codes(VN.replace(/DINH<<DUY<TAN<*/, '<'.repeat(30))), ['MRZ_MISSING_NAME']);
  });

  it('has a Vietnamese and an English message for every finding and refusal', () => {
    for (const [code, message] of [...Object.entries(MRZ_FINDING_MESSAGES), ...Object.entries(MRZ_ERROR_MESSAGES)]) {
      assert.ok(message.vi.length > 10 && message.en.length > 10 && message.vi !== message.en, code);
    }
  });
});

describe('Text that is not a TD1 MRZ is refused with a code', () => {
  const refusal = (text: string) => {
    const result = parse(text);
    return result.ok ? undefined : result.code;
  };

  it('refuses empty text, wrong shapes and overlong text', () => {
    assert.equal(refusal(''), 'MRZ_EMPTY');
    assert.equal(refusal(' \r\n '), 'MRZ_EMPTY');
    assert.equal(refusal(VN_LINES.slice(0, 2).join('\n')), 'MRZ_BAD_SHAPE');
    assert.equal(refusal(`${VN}\n${VN_LINES[2]}`), 'MRZ_BAD_SHAPE');
    assert.equal(refusal(VN.replace('DINH', 'DINHX')), 'MRZ_BAD_SHAPE');
    assert.equal(refusal(VN_LINES.join('').slice(1)), 'MRZ_BAD_SHAPE');
    assert.equal(refusal('I'.repeat(10_000)), 'MRZ_TOO_LONG');
  });

  it('refuses characters outside A–Z, 0–9 and <', () => {
    assert.equal(refusal(VN.toLowerCase()), 'MRZ_INVALID_CHARACTERS');
    assert.equal(refusal(VN.replace('DINH', 'ĐINH')), 'MRZ_INVALID_CHARACTERS');
    assert.equal(refusal(VN.replace('DINH<<', 'DINH  ')), 'MRZ_INVALID_CHARACTERS');
    assert.equal(refusal(VN.replace('DINH', 'D\0NH')), 'MRZ_INVALID_CHARACTERS');
  });

  it('refuses a value that is not a string instead of throwing', () => {
    for (const value of [undefined, null, 42, {}]) assert.equal(parse(value as unknown as string).ok, false);
  });

  it('throws on an invalid `today` option, which is a programming error', () => {
    assert.throws(() => parseTd1Mrz(VN, { today: 'tomorrow' }), TypeError);
  });
});

// ------------------------------------------------------------------------------------------------------------
// Properties

const isoDate = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

const NAME_WORDS = ['Nguyễn', 'Trần', 'Đinh', 'Đặng', 'Văn', 'Thị', 'Duy', 'Tân', 'Hương', 'Quỳnh', 'Ngọc', 'Ánh', 'Bùi', 'Ưng'];

const validMrzInput: fc.Arbitrary<Td1MrzInput> = fc
  .record({
    provinceCode: fc.constantFrom(...Object.keys(PROVINCE_BIRTH_CODES)),
    birthDate: isoDate(1930, 2011),
    sex: fc.constantFrom<Sex>('male', 'female'),
    sequence: fc.integer({ min: 0, max: 999_999 }),
    expiryDate: fc.option(isoDate(2027, 2099), { nil: null }),
    surname: fc.constantFrom(...NAME_WORDS),
    givenNames: fc.array(fc.constantFrom(...NAME_WORDS), { minLength: 1, maxLength: 2 }).map((words) => words.join(' ')),
  })
  .map((r) => ({
    personId: buildPersonId({ provinceCode: r.provinceCode, birthDate: r.birthDate, sex: r.sex, sequence: r.sequence }),
    birthDate: r.birthDate,
    sex: r.sex,
    expiryDate: r.expiryDate,
    surname: r.surname,
    givenNames: r.givenNames,
  }));

const KNOWN = new Set([...Object.keys(MRZ_FINDING_MESSAGES), ...Object.keys(MRZ_ERROR_MESSAGES)]);

function assertWellFormed(text: string): MrzParseResult {
  const result = parseTd1Mrz(text, { today: TODAY });
  if (!result.ok) {
    assert.ok(KNOWN.has(result.code), result.code);
    return result;
  }
  assert.equal(result.mrz.lines.length, 3);
  assert.ok(result.mrz.lines.every((line) => /^[A-Z0-9<]{30}$/.test(line)));
  for (const finding of result.findings) assert.ok(KNOWN.has(finding.code), finding.code);
  return result;
}

/** Positions covered by a check digit: line 1 columns 6–30, line 2 columns 1–7, 9–15 and 19–30 (1-based). */
const CHECKED_POSITIONS = [
  ...Array.from({ length: 25 }, (_, i) => [0, 5 + i] as const),
  ...Array.from({ length: 7 }, (_, i) => [1, i] as const),
  ...Array.from({ length: 7 }, (_, i) => [1, 8 + i] as const),
  ...Array.from({ length: 12 }, (_, i) => [1, 18 + i] as const),
];

describe('MRZ parser properties (fast-check)', () => {
  it('round-trips buildTd1Mrz → parseTd1Mrz without findings', () => {
    fc.assert(
      fc.property(validMrzInput, (input) => {
        const { mrz, findings } = parsed(buildTd1Mrz(input));
        assert.deepEqual(findings, []);
        assert.equal(mrz.personId, input.personId);
        assert.equal(mrz.documentNumber, input.personId.slice(3));
        assert.equal(mrz.birthDate, input.birthDate);
        assert.equal(mrz.sex, input.sex);
        assert.equal(mrz.expiryDate, input.expiryDate);
        assert.equal(`${mrz.surname} ${mrz.givenNames}`, `${input.surname} ${input.givenNames}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').toUpperCase());
      }),
    );
  });

  it('detects any single digit changed in a position covered by a check digit', () => {
    fc.assert(
      fc.property(validMrzInput, fc.constantFrom(...CHECKED_POSITIONS), fc.integer({ min: 1, max: 9 }), (input, [line, column], delta) => {
        const lines = buildTd1Mrz(input).split('\n');
        const character = lines[line]![column]!;
        fc.pre(/\d/.test(character));
        lines[line] = lines[line]!.slice(0, column) + String((Number(character) + delta) % 10) + lines[line]!.slice(column + 1);
        const { findings } = parsed(lines.join('\n'));
        assert.ok(findings.some((finding) => finding.severity === 'error' && finding.code.startsWith('MRZ_')), JSON.stringify(findings));
      }),
    );
  });

  it('never throws on random strings and always answers with a known code', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void assertWellFormed(text)), { numRuns: 300 });
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9<]{90}$/), (text) => void assertWellFormed(text)), { numRuns: 300 });
  });

  it('never throws on mutated valid MRZs (deletion, insertion, noise, BOM, truncation, control characters, lower case, 10k)', () => {
    const mutate = fc.oneof(
      fc.nat().map((n) => (s: string) => s.slice(0, n % s.length) + s.slice((n % s.length) + 1)),
      fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([n, noise]) => (s: string) => s.slice(0, n % s.length) + noise + s.slice(n % s.length)),
      fc.tuple(fc.nat(), fc.constantFrom(...'<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')).map(([n, c]) => (s: string) => s.slice(0, n % s.length) + c + s.slice((n % s.length) + 1)),
      fc.constant((s: string) => `\uFEFF${s}\r\n`),
      fc.nat().map((n) => (s: string) => s.slice(0, n % s.length)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 31 })).map(([n, c]) => (s: string) => s.slice(0, n % s.length) + String.fromCharCode(c) + s.slice(n % s.length)),
      fc.constant((s: string) => s.toLowerCase()),
      fc.constant((s: string) => s.repeat(120).slice(0, 10_000)),
    );
    fc.assert(
      fc.property(validMrzInput, fc.array(mutate, { minLength: 1, maxLength: 3 }), (input, mutations) => {
        const text = mutations.reduce((s, m) => (s === '' ? s : m(s)), buildTd1Mrz(input));
        assertWellFormed(text);
      }),
      { numRuns: 500 },
    );
  });
});

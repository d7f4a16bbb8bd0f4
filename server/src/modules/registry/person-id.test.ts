import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildPersonId,
  checkPersonIdAgainst,
  decodePersonIdDigits,
  isIsoDate,
  isOldIdNumber,
  parsePersonId,
  PERSON_ID_FINDING_MESSAGES,
  PROVINCE_BIRTH_CODES,
  type Sex,
} from './person-id.ts';

const provinceCodes = Object.keys(PROVINCE_BIRTH_CODES);

/** A valid calendar date between two years, as 'YYYY-MM-DD'. */
function isoDateBetween(fromYear: number, toYear: number): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
}

describe('Thông tư 07/2016/TT-BCA Phụ lục I: the 63 province codes of birth registration', () => {
  it('lists 63 distinct three-digit codes, permanent after the 2025 merger', () => {
    assert.equal(provinceCodes.length, 63);
    assert.ok(provinceCodes.every((code) => /^0\d{2}$/.test(code)));
    assert.equal(new Set(Object.values(PROVINCE_BIRTH_CODES)).size, 63);
  });

  it('names the provinces of the Duy Tiên migrants (FACTS §9)', () => {
    assert.equal(PROVINCE_BIRTH_CODES['035'], 'Hà Nam');
    assert.equal(PROVINCE_BIRTH_CODES['036'], 'Nam Định');
    assert.equal(PROVINCE_BIRTH_CODES['037'], 'Ninh Bình');
    assert.equal(PROVINCE_BIRTH_CODES['001'], 'Hà Nội');
    assert.equal(PROVINCE_BIRTH_CODES['096'], 'Cà Mau');
  });

  it('has no codes that were never used (003, 005, 097)', () => {
    for (const code of ['000', '003', '005', '097', '099']) assert.equal(code in PROVINCE_BIRTH_CODES, false, code);
  });
});

describe('Thông tư 59/2021/TT-BCA Điều 4: personal id structure PPP G YY NNNNNN', () => {
  it('reads province, century, sex, birth year and sequence', () => {
    assert.deepEqual(parsePersonId('001090123456'), {
      ok: true,
      id: '001090123456',
      provinceCode: '001',
      provinceName: 'Hà Nội',
      centuryStart: 1900,
      sex: 'male',
      birthYear: 1990,
      sequence: '123456',
    });
  });

  it('reads digit G as century = 1900 + 100·⌊G/2⌋ and female iff G is odd (not inverted)', () => {
    const expected: Array<[string, number, Sex]> = [
      ['0', 1900, 'male'],
      ['1', 1900, 'female'],
      ['2', 2000, 'male'],
      ['3', 2000, 'female'],
      ['4', 2100, 'male'],
      ['5', 2100, 'female'],
      ['6', 2200, 'male'],
      ['7', 2200, 'female'],
      ['8', 2300, 'male'],
      ['9', 2300, 'female'],
    ];
    for (const [g, centuryStart, sex] of expected) {
      const parsed = parsePersonId(`035${g}05000001`);
      assert.ok(parsed.ok);
      assert.equal(parsed.centuryStart, centuryStart, `G=${g}`);
      assert.equal(parsed.sex, sex, `G=${g}`);
      assert.equal(parsed.birthYear, centuryStart + 5, `G=${g}`);
    }
  });

  it('keeps leading zeros of the sequence', () => {
    const parsed = parsePersonId('035203000042');
    assert.ok(parsed.ok);
    assert.equal(parsed.sequence, '000042');
    assert.equal(parsed.birthYear, 2003);
  });

  it('refuses non-digits before a wrong length', () => {
    for (const id of ['00109012345a', ' 001090123456', '001-090-123456', '００１０９０１２３４５６', 'abc', '0010901234５6']) {
      assert.deepEqual(parsePersonId(id), { ok: false, reason: 'NOT_DIGITS' }, id);
    }
  });

  it('refuses a wrong length', () => {
    for (const id of ['', '00109012345', '0010901234567', '035090123']) assert.deepEqual(parsePersonId(id), { ok: false, reason: 'LENGTH' }, id);
  });

  it('refuses a first group that is not a province code', () => {
    for (const id of ['000090123456', '003090123456', '099090123456', '840090123456']) {
      assert.deepEqual(parsePersonId(id), { ok: false, reason: 'UNKNOWN_PROVINCE' }, id);
    }
  });

  it('accepts exactly 12 ASCII digits with a known province and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.stringMatching(/^\d{12}$/)), (id) => {
        const parsed = parsePersonId(id);
        const expected = /^\d{12}$/.test(id) && id.slice(0, 3) in PROVINCE_BIRTH_CODES;
        return parsed.ok === expected;
      }),
    );
  });
});

describe('Consistency of the personal id with birth date and sex', () => {
  it('finds nothing when digit G and YY agree with the holder', () => {
    assert.deepEqual(checkPersonIdAgainst('035190000123', { birthDate: '1990-04-30', sex: 'female' }), []);
    assert.deepEqual(checkPersonIdAgainst('035203000001', { birthDate: '2003-01-01', sex: 'male' }), []);
  });

  it('finds a sex mismatch', () => {
    assert.deepEqual(checkPersonIdAgainst('035090000123', { birthDate: '1990-04-30', sex: 'female' }), ['ID_SEX_MISMATCH']);
  });

  it('finds a birth-year mismatch', () => {
    assert.deepEqual(checkPersonIdAgainst('035091000123', { birthDate: '1990-04-30', sex: 'male' }), ['ID_BIRTH_YEAR_MISMATCH']);
  });

  it('finds a century mismatch (born 2003, digit G of the 1900s)', () => {
    assert.deepEqual(checkPersonIdAgainst('035003000001', { birthDate: '2003-01-01', sex: 'male' }), ['ID_CENTURY_MISMATCH']);
  });

  it('reports every mismatch at once', () => {
    assert.deepEqual(checkPersonIdAgainst('035391000001', { birthDate: '1990-01-01', sex: 'male' }), [
      'ID_SEX_MISMATCH',
      'ID_CENTURY_MISMATCH',
      'ID_BIRTH_YEAR_MISMATCH',
    ]);
  });

  it('still checks the digits when the province code is unknown (birth registered abroad)', () => {
    assert.deepEqual(checkPersonIdAgainst('840090000001', { birthDate: '1990-01-01', sex: 'male' }), ['UNKNOWN_PROVINCE']);
    assert.deepEqual(checkPersonIdAgainst('840090000001', { birthDate: '1990-01-01', sex: 'female' }), ['UNKNOWN_PROVINCE', 'ID_SEX_MISMATCH']);
  });

  it('skips what it is not given or cannot read', () => {
    assert.deepEqual(checkPersonIdAgainst('035090000123', { birthDate: null, sex: null }), []);
    assert.deepEqual(checkPersonIdAgainst('035090000123', { birthDate: '1991-02-30', sex: 'male' }), []);
    assert.deepEqual(checkPersonIdAgainst('03509000012', { birthDate: '1990-01-01', sex: 'male' }), ['ID_MALFORMED']);
  });

  it('has a Vietnamese and an English message for every finding', () => {
    for (const [code, message] of Object.entries(PERSON_ID_FINDING_MESSAGES)) {
      assert.ok(message.vi.length > 10 && message.en.length > 10, code);
      assert.notEqual(message.vi, message.en, code);
    }
  });
});

describe('Writing a personal id for a synthetic person (inverse of parsing)', () => {
  it('writes the digits in the order PPP G YY NNNNNN', () => {
    assert.equal(buildPersonId({ provinceCode: '035', birthDate: '1990-04-30', sex: 'female', sequence: 123 }), '035190000123');
    assert.equal(buildPersonId({ provinceCode: '001', birthDate: '2005-12-31', sex: 'male', sequence: '999999' }), '001205999999');
    assert.equal(buildPersonId({ provinceCode: '037', birthDate: '2100-01-01', sex: 'female', sequence: 0 }), '037500000000');
  });

  it('refuses data no real number can carry', () => {
    const valid = { provinceCode: '035', birthDate: '1990-04-30', sex: 'male' as const, sequence: 1 };
    assert.throws(() => buildPersonId({ ...valid, provinceCode: '003' }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, birthDate: '1899-12-31' }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, birthDate: '2400-01-01' }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, birthDate: '1990-02-30' }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, sequence: 1_000_000 }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, sequence: -1 }), RangeError);
    assert.throws(() => buildPersonId({ ...valid, sequence: '12345' }), RangeError);
  });

  it('round-trips through parsePersonId and agrees with checkPersonIdAgainst', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...provinceCodes),
        isoDateBetween(1900, 2399),
        fc.constantFrom<Sex>('male', 'female'),
        fc.integer({ min: 0, max: 999_999 }),
        (provinceCode, birthDate, sex, sequence) => {
          const id = buildPersonId({ provinceCode, birthDate, sex, sequence });
          const parsed = parsePersonId(id);
          assert.ok(parsed.ok);
          assert.equal(parsed.provinceCode, provinceCode);
          assert.equal(parsed.sex, sex);
          assert.equal(parsed.birthYear, Number(birthDate.slice(0, 4)));
          assert.equal(Number(parsed.sequence), sequence);
          assert.deepEqual(checkPersonIdAgainst(id, { birthDate, sex }), []);
          assert.equal(decodePersonIdDigits(id)?.centuryStart, parsed.centuryStart);
        },
      ),
    );
  });
});

describe('Old ID numbers (CMND): 9 digits, or 12 on the 2012–2016 cards', () => {
  it('accepts 9 and 12 digits only', () => {
    assert.equal(isOldIdNumber('012345678'), true);
    assert.equal(isOldIdNumber('035090000123'), true);
    for (const s of ['', '01234567', '0123456789', '01234567890', '0123456789012', '01234567a', ' 012345678']) assert.equal(isOldIdNumber(s), false, s);
  });
});

describe('Calendar dates written YYYY-MM-DD', () => {
  it('knows the Gregorian leap years', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2000-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('1900-02-29'), false);
  });

  it('refuses impossible months, days and other spellings', () => {
    for (const s of ['2023-13-01', '2023-00-10', '2023-04-31', '2023-01-00', '2023-1-01', '01/01/2023', '2023-01-01T00:00']) assert.equal(isIsoDate(s), false, s);
  });

  it('agrees with the JavaScript calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const date = new Date(Date.UTC(2000, month - 1, day));
        date.setUTCFullYear(year);
        const real = month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        return isIsoDate(iso) === real;
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isPlausibleName, MAX_NAME_LENGTH, namesMatch, normalizeName, searchKey, splitVietnameseName } from './names.ts';

const NFD_NU = 'Nu\u031B\u0303'; // "Nữ" decomposed: u + horn + tilde
const VIETNAMESE_NAMES = ['Nguyễn Văn An', 'Trần Thị Mai', 'Đặng Thị Thu Hương', 'Lê Quang Đức', 'Phạm Ngọc Quỳnh', 'Vũ Xuân Trường'];

describe('Unicode NFC storage of names', () => {
  it('composes NFD input so that scanned and typed names are the same string', () => {
    assert.equal(normalizeName(NFD_NU), 'Nữ');
    assert.equal(normalizeName('Nguyễn Văn An'.normalize('NFD')), 'Nguyễn Văn An');
    assert.notEqual('Nguyễn'.normalize('NFD'), 'Nguyễn');
  });

  it('trims and collapses spaces, tabs, newlines and no-break spaces to one space', () => {
    assert.equal(normalizeName('  Trần \t Thị\u00A0\u00A0Mai\r\n'), 'Trần Thị Mai');
  });

  it('drops invisible characters (zero-width space, BOM, bidi override) and lone surrogates', () => {
    assert.equal(normalizeName('\uFEFFLê\u200B Văn\u202E Tám'), 'Lê Văn Tám');
    assert.equal(normalizeName('An\uD800'), 'An');
  });

  it('turns control characters into spaces', () => {
    assert.equal(normalizeName('Lê\u0000Văn\u0007Tám'), 'Lê Văn Tám');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => normalizeName(normalizeName(s)) === normalizeName(s)));
  });
});

describe('Diacritics-insensitive search keys for Vietnamese names', () => {
  it('lowercases, removes tone and vowel marks and maps đ/Đ to d', () => {
    assert.equal(searchKey('Nguyễn Văn An'), 'nguyen van an');
    assert.equal(searchKey('ĐẶNG'), 'dang');
    assert.equal(searchKey('Đặng Thị Thu Hương'), 'dang thi thu huong');
    assert.equal(searchKey('  Trương   Ưng  '), 'truong ung');
  });

  it('treats the eth (Ð) that legacy fonts produce as đ', () => {
    assert.equal(searchKey('ÐINH'), 'dinh');
  });

  it('gives the same key for NFC, NFD and old-style tone placement (Hoà / Hòa)', () => {
    assert.equal(searchKey('Hoà Bình'), searchKey('Hòa Bình'));
    assert.equal(searchKey(NFD_NU), 'nu');
  });

  it('maps any text written in the Vietnamese alphabet to plain ASCII', () => {
    const letter = fc.constantFrom(...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, upper) => {
        const name = upper ? words.join(' ').toUpperCase() : words.join(' ');
        return /^[a-z ]+$/.test(searchKey(name)) && searchKey(name.normalize('NFD')) === searchKey(name);
      }),
    );
  });

  it('does not change under normalisation of its input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => searchKey(normalizeName(s)) === searchKey(s)));
  });
});

describe('Matching names across spellings', () => {
  it('matches regardless of case, diacritics and spacing', () => {
    assert.equal(namesMatch('Nguyễn Văn An', 'NGUYEN  VAN AN'), true);
    assert.equal(namesMatch('Đặng Thị Hương', 'dang thi huong'), true);
    assert.equal(namesMatch('Trần Thị Mai'.normalize('NFD'), 'Trần Thị Mai'), true);
  });

  it('does not match different names', () => {
    assert.equal(namesMatch('Nguyễn Văn An', 'Nguyễn Văn Anh'), false);
    assert.equal(namesMatch('Nguyễn Văn An', 'Văn An Nguyễn'), false);
  });

  it('never matches empty names', () => {
    assert.equal(namesMatch('', ''), false);
    assert.equal(namesMatch(' \u200B ', ' '), false);
  });
});

describe('Name order Họ + đệm + tên (FACTS §9)', () => {
  it('splits family, middle and given names', () => {
    assert.deepEqual(splitVietnameseName('Nguyễn Thị Hương'), { family: 'Nguyễn', middle: 'Thị', given: 'Hương' });
    assert.deepEqual(splitVietnameseName('Đặng Thị Thu Hương'), { family: 'Đặng', middle: 'Thị Thu', given: 'Hương' });
  });

  it('handles names without a middle name, one-word names and empty input', () => {
    assert.deepEqual(splitVietnameseName('Lê  An '), { family: 'Lê', middle: '', given: 'An' });
    assert.deepEqual(splitVietnameseName('Hoa'), { family: '', middle: '', given: 'Hoa' });
    assert.deepEqual(splitVietnameseName('   '), { family: '', middle: '', given: '' });
  });

  it('rebuilds the normalised name from its parts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Nguyễn', 'Văn', 'Thị', 'Thu', 'An', 'Hương', 'Đức'), { minLength: 2, maxLength: 6 }), (words) => {
        const parts = splitVietnameseName(words.join('  '));
        return [parts.family, parts.middle, parts.given].filter((part) => part !== '').join(' ') === words.join(' ');
      }),
    );
  });
});

describe('Plausible personal names (garbage rejection)', () => {
  it('accepts Vietnamese names and romanised minority and foreign names', () => {
    for (const name of [...VIETNAMESE_NAMES, "H'Hen Niê", 'Nguyễn-Trần Minh Khôi', 'Ksor Y Phun', 'O’Brien Sean', 'Hoa', 'Trần Thị Mai'.normalize('NFD')]) {
      assert.equal(isPlausibleName(name), true, name);
    }
  });

  it('rejects digits, markup and SQL fragments', () => {
    for (const name of ['Nguyễn Văn 4n', '<script>alert(1)</script>', "'; DROP TABLE residents; --", "Robert'); DROP TABLE students;--", 'Drop Table Users', 'An -- Bình', 'An; Bình']) {
      assert.equal(isPlausibleName(name), false, name);
    }
  });

  it('rejects empty, overlong, control-character, emoji and non-Latin input', () => {
    assert.equal(isPlausibleName(''), false);
    assert.equal(isPlausibleName('   '), false);
    assert.equal(isPlausibleName('A'.repeat(MAX_NAME_LENGTH)), true);
    assert.equal(isPlausibleName('A'.repeat(MAX_NAME_LENGTH + 1)), false);
    assert.equal(isPlausibleName('Lê\nVăn Tám'), false);
    assert.equal(isPlausibleName('Lê\u200BVăn'), false);
    assert.equal(isPlausibleName('Lê Văn 😀'), false);
    assert.equal(isPlausibleName('王小明'), false);
    assert.equal(isPlausibleName(42 as unknown as string), false);
  });

  it('never throws and never accepts a digit or an angle bracket', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const plausible = isPlausibleName(s);
        return !(plausible && /[\d<>;]/.test(s));
      }),
    );
  });
});

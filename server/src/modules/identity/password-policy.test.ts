import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword, hashPassword, temporaryPassword, verifyPassword } from './password-policy.ts';
import { randomBytes } from 'node:crypto';

const codes = (password: string, context = {}) => checkPassword(password, context).map((problem) => problem.code);

describe('password rules (OWASP ASVS 5.0 V6.2, NIST SP 800-63B §3.1.1.2)', () => {
  it('accepts a long pass phrase in Vietnamese without composition rules', () => {
    assert.deepEqual(codes('mưa phùn trên sông Châu'), []);
    assert.deepEqual(codes('correct horse battery staple'), []);
  });

  it('wants at least 10 characters and allows 128', () => {
    assert.deepEqual(codes('Ab1!xyz9'), ['too_short']);
    assert.deepEqual(codes('a'.repeat(5) + 'b'.repeat(5) + 'c'), []);
    assert.equal([...'một câu rất dài '.repeat(8)].length, 128);
    assert.deepEqual(codes('một câu rất dài '.repeat(8)), []);
    assert.ok(codes('một câu rất dài '.repeat(8) + '!').includes('too_long'));
  });

  it('counts characters, not bytes, after NFKC normalisation', () => {
    // Ten Vietnamese letters with diacritics, typed decomposed (NFD) on one keyboard.
    assert.deepEqual(codes('đường sắt Bắc Nam'.normalize('NFD')), []);
  });

  it('refuses breached favourites and keyboard runs, with or without trailing digits', () => {
    assert.ok(codes('matkhau123456').includes('common'));
    assert.ok(codes('Password2026').includes('common'));
    assert.ok(codes('anhyeuem@1990').includes('common'));
    assert.ok(codes('1234567890').includes('sequence'));
    assert.ok(codes('qwertyuiopas').includes('sequence'));
    assert.ok(codes('aaaaaaaaaaaa').includes('repetitive'));
  });

  it('refuses the id number, the birth date in its usual spellings, the phone and the login name', () => {
    const context = { personId: '035201001234', birthDate: '2001-05-17', phone: '0912345678', username: 'canbo.an' };
    assert.ok(codes('toi-la-035201001234', context).includes('contains_person_id'));
    assert.ok(codes('sinh ngay 17/05/2001 !!', context).includes('contains_birth_date'));
    assert.ok(codes('ngay sinh 17052001', context).includes('contains_birth_date'));
    assert.ok(codes('so dt 0912345678', context).includes('contains_phone'));
    assert.ok(codes('CANBO.AN', { ...context }).includes('too_short'));
    assert.ok(codes('canbo.an.duytien', { username: 'canbo.an.duytien' }).includes('is_username'));
    assert.deepEqual(codes('một câu dài dễ nhớ', context), []);
  });

  it('explains each problem in Vietnamese and English', () => {
    for (const problem of checkPassword('123')) {
      assert.ok(problem.vi.length > 0 && problem.en.length > 0);
    }
  });

  it('stores Argon2id with OWASP parameters and verifies the NFKC form', async () => {
    const stored = await hashPassword('ﬁsh and chips at Hà Nam');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(stored, 'fish and chips at Hà Nam'), true, 'the ligature ﬁ normalises to fi');
    assert.equal(await verifyPassword(stored, 'fish and chips at Ha Nam'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
  });

  it('makes temporary passwords of 15 unambiguous characters', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const password = temporaryPassword(randomBytes);
      assert.match(password, /^[a-hjkmnp-zA-HJ-NP-Z2-9]{15}$/);
      seen.add(password);
    }
    assert.equal(seen.size, 200);
  });
});

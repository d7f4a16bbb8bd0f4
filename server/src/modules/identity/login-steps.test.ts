import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acrFor, canReachLevel2, finalAmr, nextLoginStep, type LoginFacts } from './login-steps.ts';

const citizen = (level: 1 | 2, phone: string | null = '0912345678'): LoginFacts['account'] => ({ kind: 'citizen', eid_level: level, password_must_change: false, totp_secret: null, phone });
const staff = (totp: string | null, mustChange = false): LoginFacts['account'] => ({ kind: 'staff', eid_level: null, password_must_change: mustChange, totp_secret: totp, phone: null });

describe('login steps and assurance levels (Nghị định 69/2024/NĐ-CP, RFC 8176)', () => {
  it('finishes a citizen’s password login at once unless level 2 is asked of a level-2 account', () => {
    assert.equal(nextLoginStep({ account: citizen(1), amr: ['pwd'], hasPasskeys: false, wantsLevel2: false }), 'done');
    assert.equal(nextLoginStep({ account: citizen(1), amr: ['pwd'], hasPasskeys: false, wantsLevel2: true }), 'done', 'a level-1 account cannot step up');
    assert.equal(nextLoginStep({ account: citizen(2), amr: ['pwd'], hasPasskeys: false, wantsLevel2: true }), 'otp');
    assert.equal(nextLoginStep({ account: citizen(2), amr: ['hwk'], hasPasskeys: true, wantsLevel2: true }), 'done', 'a passkey is already two factors');
  });

  it('makes staff replace a temporary password first, then use or enrol a second factor', () => {
    assert.equal(nextLoginStep({ account: staff(null, true), amr: ['pwd'], hasPasskeys: false, wantsLevel2: false }), 'change_password');
    assert.equal(nextLoginStep({ account: staff(null), amr: ['pwd'], hasPasskeys: false, wantsLevel2: false }), 'totp_enrol');
    assert.equal(nextLoginStep({ account: staff('SECRET'), amr: ['pwd'], hasPasskeys: false, wantsLevel2: false }), 'totp');
    assert.equal(nextLoginStep({ account: staff(null), amr: ['pwd'], hasPasskeys: true, wantsLevel2: false }), 'totp');
    assert.equal(nextLoginStep({ account: staff('SECRET'), amr: ['pwd', 'otp'], hasPasskeys: false, wantsLevel2: false }), 'done');
  });

  it('gives acr 2 only to accounts proofed in person that used two factors', () => {
    assert.equal(acrFor(citizen(2), ['pwd']), '1');
    assert.equal(acrFor(citizen(2), ['pwd', 'sms']), '2');
    assert.equal(acrFor(citizen(1), ['pwd', 'sms']), '1');
    assert.equal(acrFor(staff('S'), ['pwd', 'otp']), '2');
    assert.equal(acrFor({ kind: 'business', eid_level: null }, ['pwd', 'otp']), '1');
  });

  it('knows who can reach level 2, and marks two factors with "mfa"', () => {
    assert.equal(canReachLevel2(citizen(2), false), true);
    assert.equal(canReachLevel2(citizen(2, null), false), false);
    assert.equal(canReachLevel2(citizen(1), true), false);
    assert.deepEqual(finalAmr(['pwd']), ['pwd']);
    assert.deepEqual(finalAmr(['pwd', 'sms']), ['pwd', 'sms', 'mfa']);
    assert.deepEqual(finalAmr(['hwk']), ['hwk', 'mfa']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptTotp, newTotpSecret, totpCode, totpUri } from './totp.ts';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B, SHA-1 secret "12345678901234567890", 8 digits at T = 59 s: 94287082; 6 digits: 287082.
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('matches the test vector of RFC 6238 Appendix B (6-digit truncation)', () => {
    assert.equal(totpCode(rfcSecret, new Date(59_000)), '287082');
    assert.equal(totpCode(rfcSecret, new Date(1_111_111_109_000)), '081804');
  });

  it('accepts one step of drift either way and nothing further (RFC 6238 §5.2)', () => {
    const now = new Date('2026-11-27T03:00:10Z');
    const code = totpCode(rfcSecret, now);
    assert.ok(acceptTotp(rfcSecret, code, new Date(now.getTime() + 30_000), null) !== undefined);
    assert.ok(acceptTotp(rfcSecret, code, new Date(now.getTime() - 30_000), null) !== undefined);
    assert.equal(acceptTotp(rfcSecret, code, new Date(now.getTime() + 90_000), null), undefined);
  });

  it('accepts a code once: a step not after the last accepted one is refused', () => {
    const now = new Date('2026-11-27T03:00:10Z');
    const step = acceptTotp(rfcSecret, totpCode(rfcSecret, now), now, null)!;
    assert.equal(acceptTotp(rfcSecret, totpCode(rfcSecret, now), now, step), undefined);
    const later = new Date(now.getTime() + 30_000);
    assert.equal(acceptTotp(rfcSecret, totpCode(rfcSecret, later), later, step), step + 1);
  });

  it('refuses malformed codes', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5x']) assert.equal(acceptTotp(rfcSecret, code, new Date(), null), undefined);
    assert.ok(acceptTotp(rfcSecret, ` ${totpCode(rfcSecret, new Date(59_000)).replace(/(\d{3})/, '$1 ')} `, new Date(59_000), null) !== undefined, 'spaces are ignored');
  });

  it('makes 160-bit secrets and otpauth URIs authenticator apps read', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'canbo.an'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret);
    assert.equal(uri.searchParams.get('issuer'), 'DA06');
    assert.equal(uri.searchParams.get('digits'), '6');
  });
});

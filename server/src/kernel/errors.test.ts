import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError, KernelErrors, defineErrors, negotiateLanguage, renderMessage } from './errors.ts';

describe('RFC 9110 §12.5.4 Accept-Language negotiation', () => {
  const cases: Array<[string | undefined, 'vi' | 'en']> = [
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5,vi;q=0.4', 'en'],
    ['en;q=0.2,vi;q=0.8', 'vi'],
    ['de, ja', 'vi'],
    ['en;q=0', 'vi'],
    ['*', 'vi'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(negotiateLanguage(header), expected));
  }
});

describe('domain errors', () => {
  it('renders the message in both languages with parameters', () => {
    assert.equal(renderMessage(KernelErrors.BODY_TOO_LARGE, 'vi', { limit: 1048576 }), 'Nội dung gửi lên quá lớn (tối đa 1048576 byte).');
    assert.equal(renderMessage(KernelErrors.BODY_TOO_LARGE, 'en', { limit: 10 }), 'The request body is too large (at most 10 bytes).');
  });

  it('carries the status of its code', () => {
    assert.equal(new DomainError(KernelErrors.FORBIDDEN_ROLE, { allowed: 'police' }).status, 403);
    assert.equal(new DomainError('NO_SUCH_CODE').status, 500);
  });

  it('refuses one code defined twice with different meanings', () => {
    defineErrors({ TEST_ONLY_CODE: { status: 400, vi: 'a', en: 'a' } });
    assert.doesNotThrow(() => defineErrors({ TEST_ONLY_CODE: { status: 400, vi: 'a', en: 'a' } }));
    assert.throws(() => defineErrors({ TEST_ONLY_CODE: { status: 404, vi: 'b', en: 'b' } }), /defined twice/);
  });
});

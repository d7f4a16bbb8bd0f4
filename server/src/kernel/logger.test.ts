import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger, maskDigits, redactUrl } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logs never carry personal data in clear (Luật BVDLCN 91/2025/QH15)', () => {
  it('redacts personal fields at any depth', () => {
    const { logger, lines } = capture();
    logger.info({ personId: '035090001234', guest: { fullName: 'Nguyễn Văn An', phone: '0912345678', room: '201' }, people: [{ address: 'Thôn Yên Bắc' }] }, 'stay');
    const line = lines.join('');
    assert.doesNotMatch(line, /035090001234|Nguyễn|0912345678|Yên Bắc/);
    assert.match(line, /"room":"201"/);
    assert.match(line, /\[redacted\]/);
  });

  it('masks id numbers inside messages and free text', () => {
    const { logger, lines } = capture();
    logger.warn({ note: 'card 035090001234 revoked' }, 'lookup of 001203012345 failed');
    const line = lines.join('');
    assert.doesNotMatch(line, /035090001234|001203012345/);
    assert.match(line, /\[12 digits\]/);
  });

  it('logs URLs without query values or id numbers', () => {
    assert.equal(redactUrl('/api/v1/registry/residents/035090001234?q=nguyen+van+an&page=2'), '/api/v1/registry/residents/[12 digits]?q=…&page=…');
    assert.equal(maskDigits('ward 13324'), 'ward 13324');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, cardExpiry, isExpired } from './card-rules.ts';

describe('Luật Căn cước 2023 Điều 21: card expiry at 14, 25, 40 and 60', () => {
  it('expires at the next renewal birthday', () => {
    assert.equal(cardExpiry('1990-05-10', '2021-04-15'), '2030-05-10'); // issued at 30 → valid until 40
    assert.equal(cardExpiry('2001-03-01', '2021-06-01'), '2026-03-01'); // issued at 20 → until 25
    assert.equal(cardExpiry('1970-12-31', '2021-01-02'), '2030-12-31'); // issued at 50 → until 60
    assert.equal(cardExpiry('2015-01-01', '2024-08-01'), '2029-01-01'); // a child's Căn cước, until 14
  });

  it('keeps a card issued within two years before a renewal age valid until the next one', () => {
    assert.equal(cardExpiry('1998-06-01', '2021-06-02'), '2038-06-01'); // 23 years and a day: valid until 40
    assert.equal(cardExpiry('1998-06-01', '2021-05-31'), '2023-06-01'); // one day short of the window: until 25
    assert.equal(cardExpiry('1963-01-01', '2021-03-01'), null); // issued at 58: never expires
    assert.equal(cardExpiry('1940-01-01', '2021-03-01'), null); // issued at 81
  });

  it('handles 29 February birthdays', () => {
    assert.equal(cardExpiry('2000-02-29', '2021-01-01'), '2025-03-01');
    assert.equal(ageOn('2000-02-29', '2025-02-28'), 24);
    assert.equal(ageOn('2000-02-29', '2025-03-01'), 25);
  });

  it('counts an expiry date as expired from that day', () => {
    assert.equal(isExpired('2026-11-27', '2026-11-27'), true);
    assert.equal(isExpired('2026-11-28', '2026-11-27'), false);
    assert.equal(isExpired(null, '2099-01-01'), false);
  });
});

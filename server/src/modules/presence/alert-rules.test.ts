import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matches, validateCondition, type Condition } from './alert-rules.ts';

describe('alert rules are data', () => {
  it('match facts with equals, in, ranges and combinators', () => {
    const wanted: Condition = { fact: 'wanted', equals: true };
    assert.equal(matches(wanted, { wanted: true }), true);
    assert.equal(matches(wanted, { wanted: false }), false);
    assert.equal(matches({ fact: 'verification', in: ['card_revoked', 'deceased'] }, { verification: 'deceased' }), true);
    const minorAtNight: Condition = { all: [{ fact: 'age', lt: 16 }, { any: [{ fact: 'localHour', gte: 22 }, { fact: 'localHour', lt: 5 }] }, { not: { fact: 'establishmentKind', equals: 'hospital' } }] };
    assert.equal(matches(minorAtNight, { age: 15, localHour: 23, establishmentKind: 'hotel' }), true);
    assert.equal(matches(minorAtNight, { age: 15, localHour: 23, establishmentKind: 'hospital' }), false);
    assert.equal(matches(minorAtNight, { age: 15, localHour: 12, establishmentKind: 'hotel' }), false);
    assert.equal(matches({ fact: 'age', gte: 18 }, {}), false, 'an unknown fact never matches');
  });

  it('refuse malformed conditions with the path of the problem', () => {
    assert.deepEqual(validateCondition({ fact: 'wanted', equals: true }), []);
    assert.deepEqual(validateCondition({ all: [{ fact: 'age', lt: 16 }, { not: { fact: 'nationality', in: ['VNM'] } }] }), []);
    assert.match(validateCondition({ fact: 'salary', equals: 1 }).join(), /condition\.fact: one of/);
    assert.match(validateCondition({ fact: 'age', equals: 'old' }).join(), /must be a number/);
    assert.match(validateCondition({ fact: 'sex', gt: 3 }).join(), /only for numeric facts/);
    assert.match(validateCondition({ fact: 'age', like: 3 }).join(), /unknown operator/);
    assert.match(validateCondition({ all: [] }).join(), /1 to 20/);
    assert.match(validateCondition({ any: [{ fact: 'wanted' }] }).join(), /condition\.any\[0\]: needs an operator/);
    assert.match(validateCondition('DROP TABLE').join(), /must be an object/);
    let deep: unknown = { fact: 'wanted', equals: true };
    for (let i = 0; i < 12; i++) deep = { not: deep };
    assert.match(validateCondition(deep).join(), /nested too deeply/);
  });
});

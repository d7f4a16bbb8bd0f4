import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentUnitsFor } from './administrative-units.ts';
import { ageOn } from './card-rules.ts';
import { parsePersonId, checkPersonIdAgainst } from './person-id.ts';
import { generateTown, type SyntheticHousehold } from './synthetic-town.ts';

const TODAY = '2026-11-27';

function town(residents: number, seed: number): SyntheticHousehold[] {
  return [...generateTown({ residents, seed, today: TODAY })];
}

describe('the synthetic town (FACTS §9)', () => {
  const households = town(20_000, 42);
  const persons = households.flatMap((household) => household.persons);
  const share = (predicate: (person: (typeof persons)[number]) => boolean) => persons.filter(predicate).length / persons.length;

  it('is deterministic for a seed and differs between seeds', () => {
    const again = town(2_000, 42).flatMap((household) => household.persons.map((person) => person.person_id + person.full_name));
    assert.deepEqual(again, town(2_000, 42).flatMap((household) => household.persons.map((person) => person.person_id + person.full_name)));
    assert.notDeepEqual(again.slice(0, 50), town(2_000, 43).flatMap((household) => household.persons.map((person) => person.person_id + person.full_name)).slice(0, 50));
  });

  it('has the requested number of residents and unique, valid ids consistent with birth date and sex', () => {
    assert.equal(persons.length, 20_000);
    assert.equal(new Set(persons.map((person) => person.person_id)).size, persons.length);
    for (const person of persons) {
      const parsed = parsePersonId(person.person_id);
      assert.ok(parsed.ok, person.person_id);
      assert.deepEqual(checkPersonIdAgainst(person.person_id, { birthDate: person.birth_date, sex: person.sex }), []);
    }
    assert.ok(share((person) => person.person_id.startsWith('035')) > 0.8, 'birth province mostly 035');
  });

  it('has households of 1–7 people around 3.5', () => {
    const sizes = households.map((household) => household.persons.length);
    assert.ok(Math.min(...sizes) >= 1 && Math.max(...sizes) <= 8);
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    assert.ok(mean > 3.0 && mean < 4.0, `mean household size ${mean}`);
    assert.ok(households.some((household) => household.persons.some((person) => person.relation_to_head === 'Bố' || person.relation_to_head === 'Mẹ')), 'multi-generation homes');
  });

  it('has an age pyramid close to the census', () => {
    const children = share((person) => ageOn(person.birth_date, TODAY) <= 14);
    const elderly = share((person) => ageOn(person.birth_date, TODAY) >= 65);
    assert.ok(children > 0.17 && children < 0.3, `0–14: ${children}`);
    assert.ok(elderly > 0.05 && elderly < 0.16, `65+: ${elderly}`);
    const males = share((person) => person.sex === 'male');
    assert.ok(males > 0.46 && males < 0.54, `male share ${males}`);
  });

  it('names people family name first, with sex-appropriate middle names, and common surnames in proportion', () => {
    const nguyen = share((person) => person.full_name.startsWith('Nguyễn '));
    assert.ok(nguyen > 0.3 && nguyen < 0.46, `Nguyễn ${nguyen}`);
    assert.ok(!persons.some((person) => person.sex === 'male' && person.full_name.split(' ')[1] === 'Thị'), 'no man is named Thị');
    assert.ok(!persons.some((person) => person.sex === 'female' && person.full_name.split(' ')[1] === 'Văn'), 'no woman is named Văn');
    assert.ok(persons.every((person) => person.full_name.split(' ').length === 3));
    assert.ok(share((person) => person.ethnicity === 'Kinh') > 0.97);
  });

  it('issues cards in the 2021 and 2024–25 waves with valid expiry dates', () => {
    const cards = households.flatMap((household) => household.cards);
    const in2021 = cards.filter((card) => card.issue_date.startsWith('2021')).length / cards.length;
    const canCuoc = cards.filter((card) => card.card_type === 'CAN_CUOC');
    assert.ok(in2021 > 0.5, `2021 share ${in2021}`);
    assert.ok(canCuoc.length > 0 && canCuoc.every((card) => card.issue_date >= '2024-07-01'));
    assert.ok(cards.filter((card) => card.card_type === 'CCCD').every((card) => card.issue_date < '2024-07-01'));
    const active = new Map<string, number>();
    for (const card of cards) if (card.status === 'active') active.set(card.person_id, (active.get(card.person_id) ?? 0) + 1);
    assert.ok([...active.values()].every((count) => count === 1), 'at most one active card per person');
  });

  it('records permanent addresses against the units of their time, resolving to today’s wards', () => {
    const oldUnitAddresses = persons.filter((person) => person.permanent_unit_id !== person.current_unit_id);
    assert.ok(oldUnitAddresses.length > persons.length / 2);
    for (const person of oldUnitAddresses.slice(0, 500)) {
      const today = currentUnitsFor(person.permanent_unit_id!, TODAY).map((unit) => unit.id);
      assert.ok(today.includes(person.current_unit_id!), `${person.permanent_unit_id} → ${today.join(', ')}`);
    }
  });

  it('has some deaths, moves and a small wanted list', () => {
    assert.ok(persons.some((person) => person.status === 'deceased'));
    assert.ok(persons.some((person) => person.status === 'moved_away'));
    const wanted = households.flatMap((household) => household.wanted);
    assert.ok(wanted.length >= 1 && wanted.length < 30, `wanted ${wanted.length}`);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ADMINISTRATIVE_UNITS,
  CURRENT_DUY_TIEN_WARDS,
  currentUnitsFor,
  findUnit,
  isValidOn,
  PRE_2025_DUY_TIEN_UNITS,
  REORGANISATION_2025,
  unitHistory,
  unitOn,
  unitsOn,
  type AdministrativeUnit,
} from './administrative-units.ts';
import { PROVINCE_BIRTH_CODES } from './person-id.ts';

const TODAY = '2026-01-01';
const names = (units: readonly AdministrativeUnit[]) => units.map((unit) => unit.name);
const codesOf = (units: readonly AdministrativeUnit[]) => units.map((unit) => unit.code);

function currentFor(code: string, level: AdministrativeUnit['level'], onDate: string, today = TODAY): AdministrativeUnit[] {
  const unit = unitOn(code, level, onDate);
  assert.ok(unit, `no unit ${code} on ${onDate}`);
  return currentUnitsFor(unit.id, today);
}

describe('Nghị quyết 202/2025/QH15: 63 provinces become 34 on 1 July 2025', () => {
  it('has 63 provinces on 30 June 2025 and 34 on 1 July 2025', () => {
    assert.equal(unitsOn('2025-06-30', 'province').length, 63);
    assert.equal(unitsOn(REORGANISATION_2025, 'province').length, 34);
    assert.equal(unitsOn('2020-01-01', 'province').length, 63);
  });

  it('has the 34 codes of Công văn 915/CTK-CSCL (FACTS §7)', () => {
    const expected = '01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96'.split(' ');
    assert.deepEqual(codesOf(unitsOn(TODAY, 'province')).sort(), expected);
  });

  it('had the same 63 provinces as the codes of birth registration in personal IDs', () => {
    const old = unitsOn('2025-06-30', 'province').map((unit) => `0${unit.code}`).sort();
    assert.deepEqual(old, Object.keys(PROVINCE_BIRTH_CODES).sort());
  });

  it('merges Hà Nam (35), Nam Định (36) and Ninh Bình (37) into Tỉnh Ninh Bình (37)', () => {
    for (const code of ['35', '36', '37']) {
      const today = currentFor(code, 'province', '2023-08-15');
      assert.deepEqual(names(today), ['Tỉnh Ninh Bình'], code);
      assert.equal(today[0]!.id, 'province:37@2025-07-01');
    }
  });

  it('maps every one of the 63 provinces to exactly one current province', () => {
    for (const province of unitsOn('2025-06-30', 'province')) {
      assert.equal(currentUnitsFor(province.id, TODAY).length, 1, province.name);
    }
  });

  it('forms each of the 23 merged provinces from two or three old ones and keeps 11 unchanged', () => {
    const predecessors = new Map<string, string[]>();
    for (const province of unitsOn('2025-06-30', 'province')) {
      const [today] = currentUnitsFor(province.id, TODAY);
      predecessors.set(today!.id, [...(predecessors.get(today!.id) ?? []), province.name]);
    }
    const merged = [...predecessors.values()].filter((list) => list.length > 1);
    assert.equal(merged.length, 23);
    assert.ok(merged.every((list) => list.length === 2 || list.length === 3));
    assert.equal([...predecessors.values()].filter((list) => list.length === 1).length, 11);
    assert.deepEqual(predecessors.get('province:79@2025-07-01')?.sort(), ['Thành phố Hồ Chí Minh', 'Tỉnh Bà Rịa - Vũng Tàu', 'Tỉnh Bình Dương']);
    assert.deepEqual(predecessors.get('province:24@2025-07-01')?.sort(), ['Tỉnh Bắc Giang', 'Tỉnh Bắc Ninh']);
  });

  it('keeps an unchanged province as the same unit across the reform', () => {
    assert.equal(unitOn('01', 'province', '2020-01-01')?.id, unitOn('01', 'province', TODAY)?.id);
    assert.equal(unitOn('01', 'province', TODAY)?.validTo, null);
  });

  it('turns Tỉnh Thừa Thiên Huế into Thành phố Huế on 1 Jan 2025 (same code 46)', () => {
    assert.equal(unitOn('46', 'province', '2024-12-31')?.name, 'Tỉnh Thừa Thiên Huế');
    assert.equal(unitOn('46', 'province', '2025-01-01')?.name, 'Thành phố Huế');
    assert.deepEqual(names(currentFor('46', 'province', '2024-12-31')), ['Thành phố Huế']);
  });
});

describe('FACTS §7: thị xã Duy Tiên (district 349) under Hà Nam, 2020 – 30 June 2025', () => {
  it('places the town in Hà Nam and ends it with the district level', () => {
    const town = unitOn('349', 'district', '2023-08-15');
    assert.equal(town?.name, 'Thị xã Duy Tiên');
    assert.equal(findUnit(town!.parentId!)?.name, 'Tỉnh Hà Nam');
    assert.equal(unitOn('349', 'district', TODAY), undefined);
    assert.equal(unitsOn(TODAY, 'district').length, 0);
  });

  it('has 16 commune-tier units until 2024, 15 after the Mộc Hoàn merger, none after the reform', () => {
    const on = (date: string) => PRE_2025_DUY_TIEN_UNITS.filter((unit) => isValidOn(unit, date));
    assert.equal(PRE_2025_DUY_TIEN_UNITS.length, 17);
    assert.equal(on('2024-12-31').length, 16);
    assert.equal(on('2025-01-01').length, 15);
    assert.equal(on('2025-06-30').length, 15);
    assert.equal(on(REORGANISATION_2025).length, 0);
    assert.equal(PRE_2025_DUY_TIEN_UNITS.filter((unit) => unit.level === 'ward').length, 9);
  });

  it('does not model the units before the town existed', () => {
    assert.equal(unitOn('13348', 'ward', '2019-12-31'), undefined);
    assert.equal(unitOn('349', 'district', '2019-12-31'), undefined);
  });

  it('merges Xã Mộc Bắc (13327) and Xã Mộc Nam (13339) into Xã Mộc Hoàn (13327) on 1 Jan 2025', () => {
    assert.equal(unitOn('13327', 'commune', '2024-12-31')?.name, 'Xã Mộc Bắc');
    assert.equal(unitOn('13339', 'commune', '2024-12-31')?.name, 'Xã Mộc Nam');
    assert.equal(unitOn('13327', 'commune', '2025-01-01')?.name, 'Xã Mộc Hoàn');
    assert.equal(unitOn('13339', 'commune', '2025-01-01'), undefined);
    assert.deepEqual(names(currentFor('13339', 'commune', '2024-06-01', '2025-03-01')), ['Xã Mộc Hoàn']);
  });
});

describe('FACTS §7: codes reused with new meanings — a unit is (code, validity)', () => {
  it('answers what ward 13348 was called on 2023-08-15 (Yên Bắc) and on 2026-01-01 (Đồng Văn)', () => {
    assert.equal(unitOn('13348', 'ward', '2023-08-15')?.name, 'Phường Yên Bắc');
    assert.equal(unitOn('13348', 'ward', '2026-01-01')?.name, 'Phường Đồng Văn');
    assert.equal(unitOn('13348', 'ward', '2025-06-30')?.name, 'Phường Yên Bắc');
    assert.equal(unitOn('13348', 'ward', '2025-07-01')?.name, 'Phường Đồng Văn');
  });

  it('answers 13363: Xã Tiên Ngoại before, Phường Tiên Sơn after (ward and commune are one tier)', () => {
    assert.equal(unitOn('13363', 'commune', '2023-08-15')?.name, 'Xã Tiên Ngoại');
    assert.equal(unitOn('13363', 'ward', '2023-08-15')?.name, 'Xã Tiên Ngoại');
    assert.equal(unitOn('13363', 'ward', TODAY)?.name, 'Phường Tiên Sơn');
    assert.equal(unitOn('13363', 'commune', TODAY)?.name, 'Phường Tiên Sơn');
    assert.equal(unitOn('13363', 'province', TODAY), undefined);
  });

  it('keeps the history of every reused code, oldest first', () => {
    assert.deepEqual(names(unitHistory('13348')), ['Phường Yên Bắc', 'Phường Đồng Văn']);
    assert.deepEqual(names(unitHistory('13363')), ['Xã Tiên Ngoại', 'Phường Tiên Sơn']);
    assert.deepEqual(names(unitHistory('13324')), ['Phường Hòa Mạc', 'Phường Duy Tiên']);
    assert.deepEqual(names(unitHistory('13330')), ['Phường Châu Giang', 'Phường Duy Tân']);
    assert.deepEqual(names(unitHistory('13336')), ['Phường Duy Minh', 'Phường Duy Hà']);
    assert.deepEqual(names(unitHistory('13327')), ['Xã Mộc Bắc', 'Xã Mộc Hoàn']);
    assert.deepEqual(names(unitHistory('37')), ['Tỉnh Ninh Bình', 'Tỉnh Ninh Bình']);
    assert.deepEqual(unitHistory('99999'), []);
  });

  it('gives each meaning of a code its own id', () => {
    const [before, after] = unitHistory('13348');
    assert.equal(before!.id, 'ward:13348@2020-01-01');
    assert.equal(after!.id, 'ward:13348@2025-07-01');
  });
});

describe('FACTS §7: what each unit of the Duy Tiên area is today', () => {
  /** The FACTS §7 table: pre-reform code (and a date it existed) → codes of the current wards. */
  const TABLE: Array<[code: string, existedOn: string, name: string, today: string[]]> = [
    ['13321', '2023-08-15', 'Phường Đồng Văn', ['13348']],
    ['13333', '2023-08-15', 'Phường Bạch Thượng', ['13348']],
    ['13348', '2023-08-15', 'Phường Yên Bắc', ['13348']],
    ['13324', '2023-08-15', 'Phường Hòa Mạc', ['13324', '13330']],
    ['13345', '2023-08-15', 'Xã Chuyên Ngoại', ['13324']],
    ['13351', '2023-08-15', 'Xã Trác Văn', ['13324']],
    ['13360', '2023-08-15', 'Xã Yên Nam', ['13324']],
    ['13330', '2023-08-15', 'Phường Châu Giang', ['13330']],
    ['13327', '2025-03-01', 'Xã Mộc Hoàn', ['13330']],
    ['13327', '2023-08-15', 'Xã Mộc Bắc', ['13330']],
    ['13339', '2023-08-15', 'Xã Mộc Nam', ['13330']],
    ['13336', '2023-08-15', 'Phường Duy Minh', ['13336']],
    ['13342', '2023-08-15', 'Phường Duy Hải', ['13336']],
    ['13357', '2023-08-15', 'Phường Hoàng Đông', ['13336', '13366']],
    ['13369', '2023-08-15', 'Xã Tiên Sơn', ['13363']],
    ['13354', '2023-08-15', 'Phường Tiên Nội', ['13363', '13366']],
    ['13363', '2023-08-15', 'Xã Tiên Ngoại', ['13363', '13366']],
  ];

  it('resolves every row of the table', () => {
    for (const [code, existedOn, name, today] of TABLE) {
      const unit = unitOn(code, 'ward', existedOn);
      assert.ok(unit, `${code} on ${existedOn}`);
      assert.equal(unit.name, name, `${code} on ${existedOn}`);
      const current = currentUnitsFor(unit.id, TODAY);
      assert.deepEqual(codesOf(current), today, name);
      assert.ok(current.every((ward) => ward.validFrom === REORGANISATION_2025 && ward.level === 'ward'), name);
    }
    assert.equal(TABLE.length, PRE_2025_DUY_TIEN_UNITS.length);
  });

  it('answers what Xã Chuyên Ngoại (13345) is today: Phường Duy Tiên (13324)', () => {
    assert.deepEqual(
      currentFor('13345', 'commune', '2023-08-15').map((unit) => [unit.code, unit.name]),
      [['13324', 'Phường Duy Tiên']],
    );
  });

  it('splits Phường Hòa Mạc into Phường Duy Tiên and Phường Duy Tân', () => {
    assert.deepEqual(names(currentFor('13324', 'ward', '2023-08-15')), ['Phường Duy Tiên', 'Phường Duy Tân']);
  });

  it('follows Xã Mộc Bắc through Xã Mộc Hoàn to Phường Duy Tân', () => {
    const mocBac = unitOn('13327', 'commune', '2024-06-01')!;
    assert.deepEqual(names(currentUnitsFor(mocBac.id, '2024-06-01')), ['Xã Mộc Bắc']);
    assert.deepEqual(names(currentUnitsFor(mocBac.id, '2025-03-01')), ['Xã Mộc Hoàn']);
    assert.deepEqual(names(currentUnitsFor(mocBac.id, TODAY)), ['Phường Duy Tân']);
  });

  it('resolves every pre-reform unit of the area to at least one current Duy Tiên ward', () => {
    const current = new Set(CURRENT_DUY_TIEN_WARDS.map((ward) => ward.id));
    for (const unit of PRE_2025_DUY_TIEN_UNITS) {
      const today = currentUnitsFor(unit.id, TODAY);
      assert.ok(today.length >= 1, unit.name);
      assert.ok(today.every((ward) => current.has(ward.id)), unit.name);
    }
  });

  it('reaches every current ward from some pre-reform unit', () => {
    const reached = new Set(PRE_2025_DUY_TIEN_UNITS.flatMap((unit) => currentUnitsFor(unit.id, TODAY).map((ward) => ward.id)));
    assert.deepEqual([...reached].sort(), CURRENT_DUY_TIEN_WARDS.map((ward) => ward.id).sort());
  });

  it('lists the six current wards directly under Tỉnh Ninh Bình', () => {
    assert.deepEqual(codesOf(CURRENT_DUY_TIEN_WARDS).sort(), ['13324', '13330', '13336', '13348', '13363', '13366']);
    for (const ward of CURRENT_DUY_TIEN_WARDS) {
      assert.equal(ward.parentId, 'province:37@2025-07-01', ward.name);
      assert.equal(ward.level, 'ward');
      assert.equal(ward.validTo, null);
      assert.equal(isValidOn(ward, '2025-06-30'), false);
    }
    assert.deepEqual(names(CURRENT_DUY_TIEN_WARDS.filter((ward) => ward.code === '13366')), ['Phường Hà Nam']);
  });

  it('resolves the former district to the six wards', () => {
    assert.deepEqual(codesOf(currentFor('349', 'district', '2023-08-15')), ['13324', '13330', '13336', '13348', '13363', '13366']);
  });

  it('answers nothing for an unknown id or a unit that did not exist yet', () => {
    assert.deepEqual(currentUnitsFor('ward:00000@2020-01-01', TODAY), []);
    assert.deepEqual(currentUnitsFor('ward:13348@2025-07-01', '2024-01-01'), []);
  });

  it('answers a unit that still exists with itself', () => {
    assert.deepEqual(names(currentUnitsFor('ward:13348@2025-07-01', TODAY)), ['Phường Đồng Văn']);
  });
});

describe('Integrity of the administrative unit data', () => {
  it('gives every unit a unique id of the form level:code@validFrom', () => {
    const ids = ADMINISTRATIVE_UNITS.map((unit) => unit.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const unit of ADMINISTRATIVE_UNITS) {
      assert.equal(unit.id, `${unit.level}:${unit.code}@${unit.validFrom}`);
      assert.equal(unit.code.length, { province: 2, district: 3, ward: 5, commune: 5 }[unit.level], unit.id);
    }
  });

  it('has valid periods: validFrom before validTo', () => {
    for (const unit of ADMINISTRATIVE_UNITS) {
      assert.match(unit.validFrom, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(unit.validTo === null || unit.validFrom < unit.validTo, unit.id);
    }
  });

  it('never has two units with the same code on the same tier at the same time', () => {
    const tier = (unit: AdministrativeUnit) => (unit.level === 'commune' ? 'ward' : unit.level);
    for (const a of ADMINISTRATIVE_UNITS) {
      for (const b of ADMINISTRATIVE_UNITS) {
        if (a === b || a.code !== b.code || tier(a) !== tier(b)) continue;
        const overlap = a.validFrom < (b.validTo ?? '9999-12-31') && b.validFrom < (a.validTo ?? '9999-12-31');
        assert.equal(overlap, false, `${a.id} overlaps ${b.id}`);
      }
    }
  });

  it('links parents that exist throughout the child’s life', () => {
    for (const unit of ADMINISTRATIVE_UNITS) {
      if (unit.parentId === null) {
        assert.equal(unit.level, 'province', unit.id);
        continue;
      }
      const parent = findUnit(unit.parentId);
      assert.ok(parent, `${unit.id}: parent ${unit.parentId}`);
      assert.ok(isValidOn(parent, unit.validFrom), unit.id);
      assert.ok((parent.validTo ?? '9999-12-31') >= (unit.validTo ?? '9999-12-31'), unit.id);
    }
  });

  it('links successors that exist and begin the day their predecessor ends', () => {
    for (const unit of ADMINISTRATIVE_UNITS) {
      if (unit.validTo === null) assert.deepEqual(unit.successorIds, [], unit.id);
      else assert.ok(unit.successorIds.length > 0, `${unit.id} ends without a successor`);
      for (const id of unit.successorIds) assert.equal(findUnit(id)?.validFrom, unit.validTo, `${unit.id} → ${id}`);
    }
  });

  it('is frozen so that callers cannot change shared reference data', () => {
    const unit = ADMINISTRATIVE_UNITS[0]!;
    assert.throws(() => ((unit as { name: string }).name = 'x'), TypeError);
    assert.throws(() => (unit.successorIds as string[]).push('x'), TypeError);
    assert.throws(() => (ADMINISTRATIVE_UNITS as AdministrativeUnit[]).push(unit), TypeError);
  });

  it('finds only units valid on the date asked, and always a current successor later (property)', () => {
    const codes = [...new Set(ADMINISTRATIVE_UNITS.map((unit) => unit.code))];
    const date = fc.date({ min: new Date('2008-08-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...codes), date, date, (code, on, later) => {
        const level = code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'ward';
        const unit = unitOn(code, level, on);
        if (!unit) return unitHistory(code).every((candidate) => !isValidOn(candidate, on));
        const today = on <= later ? later : on;
        const current = currentUnitsFor(unit.id, today);
        return isValidOn(unit, on) && current.length > 0 && current.every((successor) => isValidOn(successor, today));
      }),
    );
  });
});

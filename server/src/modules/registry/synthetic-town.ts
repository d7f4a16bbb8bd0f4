/**
 * The synthetic town: a deterministic, realistic population of the Duy Tiên wards (pure; never real people).
 *
 * Figures from FACTS §9 (2019 census unless noted): households of 1–7 around 3.6 people, multi-generation homes
 * common in rural wards; 0–14 ≈ 24 %, 65+ ≈ 8–9 %; sex ratio at birth 111.5; surnames Nguyễn ~38 %, Trần ~12 %,
 * Lê ~9.5 % …, northern forms (Hoàng, Vũ); names in the order Họ + đệm + tên with sex- and cohort-appropriate middle
 * names (Văn/Thị dominant among older people); Hà Nam almost entirely Kinh with a small Mường presence and a notable
 * Catholic minority ([unconfirmed]: shares below are assumptions); birth registration mostly in 035 (Hà Nam) with
 * migrants from 001/036/037/034/033; chip cards issued massively in 2021 and the Căn cước card in 2024–25; expiry at
 * 25/40/60; old 9-digit CMND numbers for those who had one; some deaths and moves; a small wanted list.
 *
 * The same (seed, residents, today) always gives the same town, so tests and benchmarks can name people in it.
 */
import { CURRENT_DUY_TIEN_WARDS, PRE_2025_DUY_TIEN_UNITS, currentUnitsFor, type AdministrativeUnit } from './administrative-units.ts';
import { ageOn, cardExpiry } from './card-rules.ts';
import { searchKey } from './names.ts';
import { buildPersonId } from './person-id.ts';
import type { CardRow, HouseholdRow, PersonInsert } from './registry.repository.ts';

export interface SyntheticTownOptions {
  residents: number;
  seed: number;
  /** The day the town is generated for (YYYY-MM-DD): ages, card validity, recent deaths and moves. */
  today: string;
  /** Share of adults 18–60 on the wanted list (default 0.0002, about 20 per 100,000 residents). */
  wantedShare?: number;
}

export interface SyntheticHousehold {
  household: HouseholdRow;
  persons: PersonInsert[];
  cards: CardRow[];
  wanted: Array<{ person_id: string; reason_code: string }>;
}

/** mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
  };
}
type Random = ReturnType<typeof createRandom>;

const SURNAMES = [
  ['Nguyễn', 38],
  ['Trần', 12],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4.5],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1],
  ['Ngô', 1],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trịnh', 1],
  ['Đào', 1],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Tạ', 0.3],
] as const;

const MALE_MIDDLE_MODERN = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Thành', 'Ngọc', 'Gia', 'Hoàng', 'Tiến', 'Duy', 'Bảo'] as const;
const FEMALE_MIDDLE_MODERN = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Phương', 'Minh', 'Khánh', 'Thùy', 'Hồng', 'Bảo', 'Mai', 'Hoài', 'Diệu', 'Lan'] as const;
const MALE_GIVEN = [
  'Anh', 'Thành', 'Hùng', 'Dũng', 'Minh', 'Huy', 'Tiến', 'Hiếu', 'Duy', 'Khánh', 'Tuấn', 'Nam', 'Đức', 'Sơn', 'Hoàng', 'Đạt', 'Long', 'Quân',
  'Hải', 'Phong', 'Thắng', 'Cường', 'Trung', 'Bình', 'Tùng', 'Việt', 'Quang', 'Hưng', 'Lâm', 'Kiên', 'An', 'Bảo', 'Khôi', 'Phúc', 'Toàn', 'Thịnh',
] as const;
const FEMALE_GIVEN = [
  'Linh', 'Phương', 'Nhi', 'Trang', 'Thủy', 'Ngọc', 'Vy', 'Thảo', 'Thu', 'An', 'Hà', 'Hương', 'Hoa', 'Ngân', 'My', 'Hiền', 'Uyên', 'Quỳnh',
  'Giang', 'Lan', 'Mai', 'Huyền', 'Hằng', 'Yến', 'Nga', 'Dung', 'Hạnh', 'Loan', 'Nhung', 'Thư', 'Anh', 'Chi', 'Ly', 'Tâm', 'Oanh', 'Huệ',
] as const;

const ETHNICITIES = [
  ['Kinh', 992],
  ['Mường', 6],
  ['Tày', 1],
  ['Thái', 1],
] as const;
const RELIGIONS = [
  ['Không', 840],
  ['Công giáo', 100],
  ['Phật giáo', 55],
  ['Tin lành', 5],
] as const;
const MIGRANT_PROVINCES = [
  ['001', 30],
  ['036', 25],
  ['037', 15],
  ['034', 15],
  ['033', 10],
  ['030', 5],
] as const;
const PROVINCE_NAMES: Record<string, string> = {
  '001': 'Thành phố Hà Nội',
  '030': 'Tỉnh Hải Dương',
  '033': 'Tỉnh Hưng Yên',
  '034': 'Tỉnh Thái Bình',
  '035': 'Tỉnh Hà Nam',
  '036': 'Tỉnh Nam Định',
  '037': 'Tỉnh Ninh Bình',
};
const HOUSEHOLD_SIZES = [
  [1, 10],
  [2, 18],
  [3, 20],
  [4, 25],
  [5, 14],
  [6, 8],
  [7, 5],
] as const;
const WANTED_REASONS = [
  ['WANTED_FUGITIVE', 5],
  ['WANTED_ABSCONDED', 3],
  ['MISSING_PERSON', 2],
] as const;

/** Population weights of the current wards (Phường Hà Nam lies only partly in the Duy Tiên area). */
const WARD_WEIGHTS: Record<string, number> = { '13348': 30, '13324': 40, '13330': 30, '13336': 25, '13363': 20, '13366': 15 };

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function randomDateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + Math.floor(random.next() * Math.max(1, (end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function birthDateForAge(random: Random, age: number, today: string): string {
  const year = Number(today.slice(0, 4)) - age;
  return randomDateBetween(random, `${year - 1}${today.slice(4)}`, `${year}${today.slice(4)}`);
}

interface Member {
  age: number;
  sex: 'male' | 'female';
  relation: string;
  surname: string;
  role: 'head' | 'spouse' | 'child' | 'parent' | 'grandchild';
  localBirth: boolean;
}

/** The people of one household: who they are to the head, their ages and sexes. */
function composeHousehold(random: Random, size: number, migrant: boolean): Member[] {
  const surname = random.weighted(SURNAMES);
  const childSex = (): 'male' | 'female' => (random.chance(111.5 / 211.5) ? 'male' : 'female');
  if (size === 1) {
    const age = random.chance(0.45) ? random.int(65, 92) : random.int(20, 64);
    const sex = age >= 65 ? (random.chance(0.7) ? 'female' : 'male') : random.chance(0.55) ? 'male' : 'female';
    return [{ age, sex, relation: 'Chủ hộ', surname, role: 'head', localBirth: !migrant }];
  }
  const elderlyCouple = size === 2 && random.chance(0.4);
  const familyHeadAge = () => (random.chance(0.78) ? random.int(26, 48) : random.int(49, 66));
  const headAge = elderlyCouple ? random.int(60, 85) : size >= 3 ? familyHeadAge() : random.int(22, 72);
  const headSex = random.chance(0.78) ? 'male' : 'female';
  const members: Member[] = [{ age: headAge, sex: headSex, relation: 'Chủ hộ', surname, role: 'head', localBirth: !migrant }];
  const spouseSex = headSex === 'male' ? 'female' : 'male';
  members.push({
    age: Math.max(18, headAge + (headSex === 'male' ? -random.int(0, 6) : random.int(0, 6))),
    sex: spouseSex,
    relation: headSex === 'male' ? 'Vợ' : 'Chồng',
    surname: random.weighted(SURNAMES),
    role: 'spouse',
    localBirth: !migrant || random.chance(0.3),
  });
  let remaining = size - 2;
  // Multi-generation homes: the head's parents live with the family in many rural households.
  if (remaining >= 2 && headAge <= 55 && random.chance(0.35)) {
    const parents = remaining >= 3 && random.chance(0.6) ? 2 : 1;
    const fatherAge = Math.min(95, headAge + random.int(22, 34));
    if (parents === 2 || random.chance(0.4)) members.push({ age: fatherAge, sex: 'male', relation: 'Bố', surname, role: 'parent', localBirth: !migrant });
    else members.push({ age: Math.min(97, fatherAge - random.int(0, 5)), sex: 'female', relation: 'Mẹ', surname: random.weighted(SURNAMES), role: 'parent', localBirth: !migrant });
    if (parents === 2) members.push({ age: Math.min(97, fatherAge - random.int(0, 6)), sex: 'female', relation: 'Mẹ', surname: random.weighted(SURNAMES), role: 'parent', localBirth: !migrant });
    remaining -= parents;
  }
  const motherAge = headSex === 'female' ? headAge : members[1]!.age;
  let childAge = Math.max(0, motherAge - random.int(20, 31));
  for (let index = 0; index < remaining; index++) {
    if (childAge < 0) break;
    members.push({ age: childAge, sex: childSex(), relation: 'Con', surname: headSex === 'male' ? surname : members[1]!.surname, role: 'child', localBirth: true });
    childAge -= random.int(2, 5);
  }
  // An adult child's own child (grandchild of the head) when the oldest child is old enough.
  const oldestChild = members.find((member) => member.role === 'child');
  if (oldestChild && oldestChild.age >= 24 && members.length < 7 && random.chance(0.3)) {
    members.push({ age: random.int(0, Math.min(10, oldestChild.age - 20)), sex: childSex(), relation: 'Cháu', surname: oldestChild.sex === 'male' ? oldestChild.surname : random.weighted(SURNAMES), role: 'grandchild', localBirth: true });
  }
  return members;
}

function fullName(random: Random, surname: string, sex: 'male' | 'female', birthYear: number): string {
  const older = birthYear < 1985;
  const middle =
    sex === 'male'
      ? random.chance(older ? 0.72 : 0.3) ? 'Văn' : random.pick(MALE_MIDDLE_MODERN)
      : random.chance(older ? 0.82 : 0.3) ? 'Thị' : random.pick(FEMALE_MIDDLE_MODERN);
  const given = random.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${surname} ${middle} ${given}`;
}

/** Cards a person holds on `today`, most recent last: the 2021 chip card wave, the 2024–25 Căn cước wave, renewals. */
function cardsFor(random: Random, person: { id: string; birthDate: string; oldIds: string[] }, today: string): CardRow[] {
  const cards: CardRow[] = [];
  const age = ageOn(person.birthDate, today);
  const fourteenth = `${Number(person.birthDate.slice(0, 4)) + 14}${person.birthDate.slice(4)}`;
  const issue = (type: CardRow['card_type'], date: string) => {
    for (const card of cards) if (card.status === 'active') card.status = 'replaced';
    cards.push({
      id: `${person.id}-${date.replaceAll('-', '')}-${type}`,
      person_id: person.id,
      card_type: type,
      card_number: type === 'CMND' ? person.oldIds[0]! : person.id,
      issue_date: date,
      expiry_date: type === 'CMND' ? addDays(date, 15 * 365) : cardExpiry(person.birthDate, date),
      status: 'active',
      status_date: null,
    });
  };
  if (age >= 70 && person.oldIds.length > 0 && random.chance(0.04)) {
    issue('CMND', randomDateBetween(random, '2003-01-01', '2010-12-31'));
    return cards;
  }
  if (fourteenth <= '2021-01-01' && random.chance(0.86)) {
    issue('CCCD', randomDateBetween(random, '2021-02-15', '2021-09-30'));
  } else if (fourteenth <= '2024-06-30' && random.chance(0.7)) {
    const from = fourteenth > '2021-01-01' ? fourteenth : '2021-10-01';
    issue('CCCD', randomDateBetween(random, from, '2024-06-30'));
  }
  const current = cards[cards.length - 1];
  const expiredBeforeToday = current?.expiry_date !== null && current !== undefined && current.expiry_date! <= today;
  if (!current && age >= 14 && random.chance(0.8)) issue('CAN_CUOC', randomDateBetween(random, fourteenth > '2024-07-01' ? fourteenth : '2024-07-01', today));
  else if (expiredBeforeToday && random.chance(0.75)) {
    const renewFrom = current!.expiry_date! > '2024-07-01' ? addDays(current!.expiry_date!, -60) : '2024-07-01';
    issue('CAN_CUOC', randomDateBetween(random, renewFrom < '2024-07-01' ? '2024-07-01' : renewFrom, today));
  } else if (!current && age < 14 && random.chance(0.1)) issue('CAN_CUOC', randomDateBetween(random, '2024-07-01', today));
  return cards;
}

/**
 * Generates the town household by household. `residents` is a target: the last household may overshoot by a few.
 */
export function* generateTown(options: SyntheticTownOptions): Generator<SyntheticHousehold> {
  const random = createRandom(options.seed);
  const { today } = options;
  const wantedShare = options.wantedShare ?? 0.0002;
  const sequences = new Map<string, number>();
  const wards = CURRENT_DUY_TIEN_WARDS.map((ward) => [ward, WARD_WEIGHTS[ward.code] ?? 10] as const);
  const oldUnitsByWard = new Map<string, AdministrativeUnit[]>();
  for (const ward of CURRENT_DUY_TIEN_WARDS) {
    oldUnitsByWard.set(
      ward.code,
      PRE_2025_DUY_TIEN_UNITS.filter((unit) => unit.level !== 'district' && currentUnitsFor(unit.id, today).some((current) => current.id === ward.id)),
    );
  }
  let oldIdCounter = 0;
  let generated = 0;
  let householdNumber = 0;

  const nextPersonId = (provinceCode: string, birthDate: string, sex: 'male' | 'female'): string => {
    const prefix = buildPersonId({ provinceCode, birthDate, sex, sequence: 0 }).slice(0, 6);
    const count = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, count);
    // Spread the sequence numbers so that ids look issued over time: 7919 is prime (coprime with 10^6), so within one
    // prefix the map from count to sequence is one-to-one; the offset differs between prefixes.
    const offset = (Number(prefix) * 104_723) % 1_000_000;
    return buildPersonId({ provinceCode, birthDate, sex, sequence: (count * 7919 + offset) % 1_000_000 });
  };

  while (generated < options.residents) {
    householdNumber += 1;
    const ward = random.weighted(wards);
    const oldUnits = oldUnitsByWard.get(ward.code) ?? [];
    const oldUnit = oldUnits.length > 0 ? random.pick(oldUnits) : undefined;
    const size = Math.min(random.weighted(HOUSEHOLD_SIZES), options.residents - generated) || 1;
    const migrant = random.chance(0.12);
    const migrantProvince = random.weighted(MIGRANT_PROVINCES);
    const ethnicity = random.weighted(ETHNICITIES);
    const religion = random.weighted(RELIGIONS);
    // Villages keep their names when a commune becomes part of a ward: "Thôn" in former communes, "Tổ dân phố" elsewhere.
    const hamlet = oldUnit?.level === 'commune' ? `Thôn ${random.int(1, 12)}` : `Tổ dân phố số ${random.int(1, 18)}`;
    const currentAddress = `${hamlet}, ${ward.name}, Tỉnh Ninh Bình`;
    // Most households were registered before the 1 July 2025 reorganisation: their permanent address keeps the old
    // unit as recorded (it resolves to today's ward through the successor links).
    const registeredBefore2025 = oldUnit !== undefined && !migrant && random.chance(0.9);
    const permanentAddress = registeredBefore2025 ? `${hamlet}, ${oldUnit.name}, Thị xã Duy Tiên, Tỉnh Hà Nam` : currentAddress;
    const permanentUnitId = registeredBefore2025 ? oldUnit.id : ward.id;
    const householdId = `HH${ward.code}${String(householdNumber).padStart(7, '0')}`;
    const hometown = migrant ? PROVINCE_NAMES[migrantProvince] ?? 'Tỉnh Hà Nam' : `${(oldUnit ?? ward).name}, Thị xã Duy Tiên, Tỉnh Hà Nam`;

    const members = composeHousehold(random, size, migrant);
    const persons: PersonInsert[] = [];
    const cards: CardRow[] = [];
    const wanted: SyntheticHousehold['wanted'] = [];
    for (const member of members) {
      const birthDate = birthDateForAge(random, member.age, today);
      const provinceCode = member.localBirth || !migrant ? '035' : migrantProvince;
      const personId = nextPersonId(provinceCode, birthDate, member.sex);
      const name = fullName(random, member.surname, member.sex, Number(birthDate.slice(0, 4)));
      const oldIds: string[] = [];
      if (ageOn(birthDate, '2016-01-01') >= 14 && random.chance(0.85)) {
        oldIdCounter += 1;
        oldIds.push(`168${String((oldIdCounter * 104729) % 1_000_000).padStart(6, '0')}`);
      }
      const age = ageOn(birthDate, today);
      let status: PersonInsert['status'] = 'living';
      let statusDate: string | null = null;
      if (age >= 60 && random.chance(0.02 + (age - 60) * 0.002)) {
        status = 'deceased';
        statusDate = randomDateBetween(random, addDays(today, -3 * 365), addDays(today, -1));
      } else if (age >= 18 && member.role === 'child' && random.chance(0.03)) {
        status = 'moved_away';
        statusDate = randomDateBetween(random, addDays(today, -3 * 365), addDays(today, -1));
      }
      const eidLevel = age >= 14 && status === 'living' ? random.weighted([[2, 60], [1, 18], [0, 22]] as const) : 0;
      persons.push({
        person_id: personId,
        full_name: name,
        name_search: searchKey(name),
        birth_date: birthDate,
        sex: member.sex,
        ethnicity,
        religion,
        nationality: 'VNM',
        hometown,
        permanent_address: permanentAddress,
        permanent_unit_id: permanentUnitId,
        current_address: status === 'moved_away' ? random.pick(['Thành phố Hà Nội', 'Tỉnh Bắc Ninh', 'Thành phố Hồ Chí Minh', 'Thành phố Hải Phòng']) : currentAddress,
        current_unit_id: ward.id,
        ward_code: ward.code,
        household_id: householdId,
        relation_to_head: member.relation,
        father_id: null,
        mother_id: null,
        spouse_id: null,
        father_name: null,
        mother_name: null,
        spouse_name: null,
        status,
        status_date: statusDate,
        old_ids: oldIds,
        eid_level: eidLevel as 0 | 1 | 2,
      });
      if (status !== 'moved_away') cards.push(...cardsFor(random, { id: personId, birthDate, oldIds }, today));
      if (status === 'living' && age >= 18 && age <= 60 && random.chance(wantedShare)) wanted.push({ person_id: personId, reason_code: random.weighted(WANTED_REASONS) });
    }

    // Family links between the members who are residents.
    const head = persons[0]!;
    const spouse = members[1]?.role === 'spouse' ? persons[1] : undefined;
    const link = (person: PersonInsert, relation: 'father' | 'mother' | 'spouse', other: PersonInsert | undefined) => {
      if (!other) return;
      person[`${relation}_id`] = other.person_id;
      person[`${relation}_name`] = other.full_name;
    };
    const father = head.sex === 'male' ? head : spouse;
    const mother = head.sex === 'female' ? head : spouse;
    if (spouse) {
      link(head, 'spouse', spouse);
      link(spouse, 'spouse', head);
    }
    const grandfather = persons.find((_, index) => members[index]!.role === 'parent' && members[index]!.sex === 'male');
    const grandmother = persons.find((_, index) => members[index]!.role === 'parent' && members[index]!.sex === 'female');
    if (grandfather && grandmother) {
      link(grandfather, 'spouse', grandmother);
      link(grandmother, 'spouse', grandfather);
    }
    persons.forEach((person, index) => {
      const role = members[index]!.role;
      if (role === 'child') {
        link(person, 'father', father);
        link(person, 'mother', mother);
      } else if (role === 'head') {
        link(person, 'father', grandfather);
        link(person, 'mother', grandmother);
      }
    });

    generated += persons.length;
    yield {
      household: { id: householdId, ward_code: ward.code, address: currentAddress, unit_id: ward.id, head_person_id: head.person_id },
      persons,
      cards,
      wanted,
    };
  }
}

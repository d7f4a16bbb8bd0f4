/**
 * Administrative units (đơn vị hành chính), versioned: reference data and pure look-ups. The database layer loads
 * this data; nothing here touches a database.
 *
 * Rules:
 * - A unit is a (code, validity period) pair, never a code alone: the 2025 reorganisation reused codes with new
 *   meanings (ward 13348 was Phường Yên Bắc until 30 June 2025 and is Phường Đồng Văn since; 13363 was Xã Tiên
 *   Ngoại, now Phường Tiên Sơn; 13324, 13330 and 13336 too; commune 13327 was Mộc Bắc, then Mộc Hoàn from 1 Jan 2025).
 * - `validTo` is exclusive: a unit with validTo '2025-07-01' existed on 30 June 2025 and not on 1 July.
 * - Successor links point from a unit to the unit(s) its territory went to when it ended; a split gives several.
 *   Following them transitively answers "what is this old address today?".
 * - Since 1 July 2025 there is no district level (Luật Tổ chức chính quyền địa phương 2025; Nghị quyết
 *   202/2025/QH15 for the 63 → 34 provinces; NQ 1674/NQ-UBTVQH15 for Ninh Bình's communes; codes from Công văn
 *   1027/CTK-CSCL and, for provinces, Công văn 915/CTK-CSCL): the new wards' parent is the province.
 * - Wards (phường) and communes (xã) are the same tier (cấp xã) and share one GSO code list, so a look-up by code
 *   for either level finds both: a commune that became a ward under the same code is still found.
 *
 * Coverage: all provinces since the 63-province map began (Hà Tây merged into Hà Nội on 1 Aug 2008, Nghị quyết
 * 15/2008/QH12; earlier history is not modelled), district 349 (thị xã Duy Tiên) and every commune-tier unit of the
 * Duy Tiên area since Duy Tiên became a town on 1 Jan 2020 (Nghị quyết 829/NQ-UBTVQH14 of 17 Dec 2019), per FACTS §7.
 */

export type AdministrativeLevel = 'province' | 'district' | 'ward' | 'commune';

export interface AdministrativeUnit {
  /** Unique: `${level}:${code}@${validFrom}`, e.g. 'ward:13348@2025-07-01'. */
  id: string;
  /** GSO code: 2 digits for a province, 3 for a district, 5 for a ward or commune. */
  code: string;
  /** Official name with its type: 'Phường Đồng Văn', 'Xã Mộc Hoàn', 'Tỉnh Ninh Bình'. */
  name: string;
  level: AdministrativeLevel;
  parentId: string | null;
  /** 'YYYY-MM-DD', inclusive. */
  validFrom: string;
  /** 'YYYY-MM-DD', exclusive; null while the unit exists. */
  validTo: string | null;
  successorIds: string[];
}

/** Nghị quyết 202/2025/QH15: the 34 provinces and the end of the district level take effect on this date. */
export const REORGANISATION_2025 = '2025-07-01';
/** The 63-province map starts here (see Coverage above). */
const MAP_OF_63 = '2008-08-01';
/** Thừa Thiên Huế became the centrally-run Thành phố Huế (Nghị quyết 175/2024/QH15), keeping code 46. */
const HUE_CITY = '2025-01-01';
/** Nghị quyết 829/NQ-UBTVQH14: thị xã Duy Tiên and its wards exist from this date. */
const DUY_TIEN_TOWN_SINCE = '2020-01-01';
/** Xã Mộc Bắc and Xã Mộc Nam merged into Xã Mộc Hoàn (FACTS §7). */
const MOC_HOAN_SINCE = '2025-01-01';

function unitId(level: AdministrativeLevel, code: string, validFrom: string): string {
  return `${level}:${code}@${validFrom}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Provinces

/**
 * The 63 provinces of 2008–2025: [code, name, code of the province it became on 1 July 2025]. `null` marks the
 * ten provinces the 2025 reorganisation left unchanged: they continue as the same unit. Thừa Thiên Huế is listed
 * apart because it became Thành phố Huế on 1 Jan 2025. The mapping is Nghị quyết 202/2025/QH15 Điều 1 (which
 * follows Nghị quyết 60-NQ/TW of 12 Apr 2025); where a merged province took the code of a province other than its
 * namesake, the code is that of the province holding the new seat (Bắc Ninh 24 ← Bắc Giang, Lào Cai 15 ← Yên Bái,
 * Quảng Trị 44 ← Quảng Bình, Gia Lai 52 ← Bình Định, Tây Ninh 80 ← Long An, Đồng Tháp 82 ← Tiền Giang,
 * An Giang 91 ← Kiên Giang), consistent with the list of Công văn 915/CTK-CSCL in FACTS §7.
 */
const PROVINCES_OF_63: ReadonlyArray<readonly [code: string, name: string, becomes: string | null]> = [
  ['01', 'Thành phố Hà Nội', null],
  ['02', 'Tỉnh Hà Giang', '08'],
  ['04', 'Tỉnh Cao Bằng', null],
  ['06', 'Tỉnh Bắc Kạn', '19'],
  ['08', 'Tỉnh Tuyên Quang', '08'],
  ['10', 'Tỉnh Lào Cai', '15'],
  ['11', 'Tỉnh Điện Biên', null],
  ['12', 'Tỉnh Lai Châu', null],
  ['14', 'Tỉnh Sơn La', null],
  ['15', 'Tỉnh Yên Bái', '15'],
  ['17', 'Tỉnh Hòa Bình', '25'],
  ['19', 'Tỉnh Thái Nguyên', '19'],
  ['20', 'Tỉnh Lạng Sơn', null],
  ['22', 'Tỉnh Quảng Ninh', null],
  ['24', 'Tỉnh Bắc Giang', '24'],
  ['25', 'Tỉnh Phú Thọ', '25'],
  ['26', 'Tỉnh Vĩnh Phúc', '25'],
  ['27', 'Tỉnh Bắc Ninh', '24'],
  ['30', 'Tỉnh Hải Dương', '31'],
  ['31', 'Thành phố Hải Phòng', '31'],
  ['33', 'Tỉnh Hưng Yên', '33'],
  ['34', 'Tỉnh Thái Bình', '33'],
  ['35', 'Tỉnh Hà Nam', '37'],
  ['36', 'Tỉnh Nam Định', '37'],
  ['37', 'Tỉnh Ninh Bình', '37'],
  ['38', 'Tỉnh Thanh Hóa', null],
  ['40', 'Tỉnh Nghệ An', null],
  ['42', 'Tỉnh Hà Tĩnh', null],
  ['44', 'Tỉnh Quảng Bình', '44'],
  ['45', 'Tỉnh Quảng Trị', '44'],
  ['48', 'Thành phố Đà Nẵng', '48'],
  ['49', 'Tỉnh Quảng Nam', '48'],
  ['51', 'Tỉnh Quảng Ngãi', '51'],
  ['52', 'Tỉnh Bình Định', '52'],
  ['54', 'Tỉnh Phú Yên', '66'],
  ['56', 'Tỉnh Khánh Hòa', '56'],
  ['58', 'Tỉnh Ninh Thuận', '56'],
  ['60', 'Tỉnh Bình Thuận', '68'],
  ['62', 'Tỉnh Kon Tum', '51'],
  ['64', 'Tỉnh Gia Lai', '52'],
  ['66', 'Tỉnh Đắk Lắk', '66'],
  ['67', 'Tỉnh Đắk Nông', '68'],
  ['68', 'Tỉnh Lâm Đồng', '68'],
  ['70', 'Tỉnh Bình Phước', '75'],
  ['72', 'Tỉnh Tây Ninh', '80'],
  ['74', 'Tỉnh Bình Dương', '79'],
  ['75', 'Tỉnh Đồng Nai', '75'],
  ['77', 'Tỉnh Bà Rịa - Vũng Tàu', '79'],
  ['79', 'Thành phố Hồ Chí Minh', '79'],
  ['80', 'Tỉnh Long An', '80'],
  ['82', 'Tỉnh Tiền Giang', '82'],
  ['83', 'Tỉnh Bến Tre', '86'],
  ['84', 'Tỉnh Trà Vinh', '86'],
  ['86', 'Tỉnh Vĩnh Long', '86'],
  ['87', 'Tỉnh Đồng Tháp', '82'],
  ['89', 'Tỉnh An Giang', '91'],
  ['91', 'Tỉnh Kiên Giang', '91'],
  ['92', 'Thành phố Cần Thơ', '92'],
  ['93', 'Tỉnh Hậu Giang', '92'],
  ['94', 'Tỉnh Sóc Trăng', '92'],
  ['95', 'Tỉnh Bạc Liêu', '96'],
  ['96', 'Tỉnh Cà Mau', '96'],
];

/** The 23 provinces formed by merger on 1 July 2025 (the other 11 of the 34 continue: ten above, and Huế). */
const MERGED_PROVINCES_OF_2025: ReadonlyArray<readonly [code: string, name: string]> = [
  ['08', 'Tỉnh Tuyên Quang'],
  ['15', 'Tỉnh Lào Cai'],
  ['19', 'Tỉnh Thái Nguyên'],
  ['24', 'Tỉnh Bắc Ninh'],
  ['25', 'Tỉnh Phú Thọ'],
  ['31', 'Thành phố Hải Phòng'],
  ['33', 'Tỉnh Hưng Yên'],
  ['37', 'Tỉnh Ninh Bình'],
  ['44', 'Tỉnh Quảng Trị'],
  ['48', 'Thành phố Đà Nẵng'],
  ['51', 'Tỉnh Quảng Ngãi'],
  ['52', 'Tỉnh Gia Lai'],
  ['56', 'Tỉnh Khánh Hòa'],
  ['66', 'Tỉnh Đắk Lắk'],
  ['68', 'Tỉnh Lâm Đồng'],
  ['75', 'Tỉnh Đồng Nai'],
  ['79', 'Thành phố Hồ Chí Minh'],
  ['80', 'Tỉnh Tây Ninh'],
  ['82', 'Tỉnh Đồng Tháp'],
  ['86', 'Tỉnh Vĩnh Long'],
  ['91', 'Tỉnh An Giang'],
  ['92', 'Thành phố Cần Thơ'],
  ['96', 'Tỉnh Cà Mau'],
];

const province2025 = (code: string) => unitId('province', code, REORGANISATION_2025);
const HA_NAM_PROVINCE = unitId('province', '35', MAP_OF_63);
const NINH_BINH_PROVINCE = province2025('37');

function provinceUnits(): AdministrativeUnit[] {
  const province = (code: string, name: string, validFrom: string, validTo: string | null, successorIds: string[]): AdministrativeUnit => ({
    id: unitId('province', code, validFrom),
    code,
    name,
    level: 'province',
    parentId: null,
    validFrom,
    validTo,
    successorIds,
  });
  return [
    ...PROVINCES_OF_63.map(([code, name, becomes]) =>
      becomes === null ? province(code, name, MAP_OF_63, null, []) : province(code, name, MAP_OF_63, REORGANISATION_2025, [province2025(becomes)]),
    ),
    province('46', 'Tỉnh Thừa Thiên Huế', MAP_OF_63, HUE_CITY, [unitId('province', '46', HUE_CITY)]),
    province('46', 'Thành phố Huế', HUE_CITY, null, []),
    ...MERGED_PROVINCES_OF_2025.map(([code, name]) => province(code, name, REORGANISATION_2025, null, [])),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The Duy Tiên area (FACTS §7)

const DUY_TIEN_DISTRICT = unitId('district', '349', DUY_TIEN_TOWN_SINCE);

/** The six wards of 1 July 2025 that cover the former town, parent Tỉnh Ninh Bình (no district level). */
const WARD_DONG_VAN = unitId('ward', '13348', REORGANISATION_2025);
const WARD_DUY_TIEN = unitId('ward', '13324', REORGANISATION_2025);
const WARD_DUY_TAN = unitId('ward', '13330', REORGANISATION_2025);
const WARD_DUY_HA = unitId('ward', '13336', REORGANISATION_2025);
const WARD_TIEN_SON = unitId('ward', '13363', REORGANISATION_2025);
/** Phường Hà Nam is only partly in the former town: its other parts came from Phủ Lý, which is not modelled. */
const WARD_HA_NAM = unitId('ward', '13366', REORGANISATION_2025);
const COMMUNE_MOC_HOAN = unitId('commune', '13327', MOC_HOAN_SINCE);

type LocalUnitRow = readonly [level: 'ward' | 'commune', code: string, name: string, successorIds: readonly string[]];

/** Units of thị xã Duy Tiên from 1 Jan 2020 to 30 June 2025 (Mộc Bắc and Mộc Nam until 31 Dec 2024). */
const DUY_TIEN_TOWN_UNITS: readonly LocalUnitRow[] = [
  ['ward', '13321', 'Phường Đồng Văn', [WARD_DONG_VAN]],
  ['ward', '13324', 'Phường Hòa Mạc', [WARD_DUY_TIEN, WARD_DUY_TAN]],
  ['ward', '13330', 'Phường Châu Giang', [WARD_DUY_TAN]],
  ['ward', '13333', 'Phường Bạch Thượng', [WARD_DONG_VAN]],
  ['ward', '13336', 'Phường Duy Minh', [WARD_DUY_HA]],
  ['ward', '13342', 'Phường Duy Hải', [WARD_DUY_HA]],
  ['ward', '13348', 'Phường Yên Bắc', [WARD_DONG_VAN]],
  ['ward', '13354', 'Phường Tiên Nội', [WARD_TIEN_SON, WARD_HA_NAM]],
  ['ward', '13357', 'Phường Hoàng Đông', [WARD_DUY_HA, WARD_HA_NAM]],
  ['commune', '13345', 'Xã Chuyên Ngoại', [WARD_DUY_TIEN]],
  ['commune', '13351', 'Xã Trác Văn', [WARD_DUY_TIEN]],
  ['commune', '13360', 'Xã Yên Nam', [WARD_DUY_TIEN]],
  ['commune', '13363', 'Xã Tiên Ngoại', [WARD_TIEN_SON, WARD_HA_NAM]],
  ['commune', '13369', 'Xã Tiên Sơn', [WARD_TIEN_SON]],
];

/** Merged into Xã Mộc Hoàn on 1 Jan 2025. */
const MOC_COMMUNES: readonly LocalUnitRow[] = [
  ['commune', '13327', 'Xã Mộc Bắc', [COMMUNE_MOC_HOAN]],
  ['commune', '13339', 'Xã Mộc Nam', [COMMUNE_MOC_HOAN]],
];

const WARDS_SINCE_2025: ReadonlyArray<readonly [code: string, name: string]> = [
  ['13348', 'Phường Đồng Văn'],
  ['13324', 'Phường Duy Tiên'],
  ['13330', 'Phường Duy Tân'],
  ['13336', 'Phường Duy Hà'],
  ['13363', 'Phường Tiên Sơn'],
  ['13366', 'Phường Hà Nam'],
];

function localUnit([level, code, name, successorIds]: LocalUnitRow, parentId: string, validFrom: string, validTo: string | null): AdministrativeUnit {
  return { id: unitId(level, code, validFrom), code, name, level, parentId, validFrom, validTo, successorIds: [...successorIds] };
}

function duyTienUnits(): AdministrativeUnit[] {
  return [
    {
      id: DUY_TIEN_DISTRICT,
      code: '349',
      name: 'Thị xã Duy Tiên',
      level: 'district',
      parentId: HA_NAM_PROVINCE,
      validFrom: DUY_TIEN_TOWN_SINCE,
      validTo: REORGANISATION_2025,
      // The district level ended; its territory is these wards (Hà Nam ward only in part).
      successorIds: [WARD_DONG_VAN, WARD_DUY_TIEN, WARD_DUY_TAN, WARD_DUY_HA, WARD_TIEN_SON, WARD_HA_NAM],
    },
    ...DUY_TIEN_TOWN_UNITS.map((row) => localUnit(row, DUY_TIEN_DISTRICT, DUY_TIEN_TOWN_SINCE, REORGANISATION_2025)),
    ...MOC_COMMUNES.map((row) => localUnit(row, DUY_TIEN_DISTRICT, DUY_TIEN_TOWN_SINCE, MOC_HOAN_SINCE)),
    localUnit(['commune', '13327', 'Xã Mộc Hoàn', [WARD_DUY_TAN]], DUY_TIEN_DISTRICT, MOC_HOAN_SINCE, REORGANISATION_2025),
    ...WARDS_SINCE_2025.map(([code, name]) => localUnit(['ward', code, name, []], NINH_BINH_PROVINCE, REORGANISATION_2025, null)),
  ];
}

function deepFreeze(unit: AdministrativeUnit): AdministrativeUnit {
  Object.freeze(unit.successorIds);
  return Object.freeze(unit);
}

/** Every unit, frozen: shared reference data must not be changed by a caller. */
export const ADMINISTRATIVE_UNITS: readonly AdministrativeUnit[] = Object.freeze([...provinceUnits(), ...duyTienUnits()].map(deepFreeze));

const UNITS_BY_ID: ReadonlyMap<string, AdministrativeUnit> = new Map(ADMINISTRATIVE_UNITS.map((unit) => [unit.id, unit]));

// ---------------------------------------------------------------------------------------------------------------
// Look-ups

export function findUnit(id: string): AdministrativeUnit | undefined {
  return UNITS_BY_ID.get(id);
}

export function isValidOn(unit: AdministrativeUnit, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

/** Ward and commune are one tier (cấp xã) with one code list. */
function sameTier(a: AdministrativeLevel, b: AdministrativeLevel): boolean {
  const tier = (level: AdministrativeLevel) => (level === 'commune' ? 'ward' : level);
  return tier(a) === tier(b);
}

/** The unit that carried `code` at `level` on `date` ('YYYY-MM-DD'), or undefined. */
export function unitOn(code: string, level: AdministrativeLevel, date: string): AdministrativeUnit | undefined {
  return ADMINISTRATIVE_UNITS.find((unit) => unit.code === code && sameTier(unit.level, level) && isValidOn(unit, date));
}

/** All units valid on `date`, optionally of one level (ward and commune counted as one tier). */
export function unitsOn(date: string, level?: AdministrativeLevel): AdministrativeUnit[] {
  return ADMINISTRATIVE_UNITS.filter((unit) => isValidOn(unit, date) && (level === undefined || sameTier(unit.level, level)));
}

/** Every unit that has carried `code`, oldest first: the meanings of a reused code. */
export function unitHistory(code: string): AdministrativeUnit[] {
  return ADMINISTRATIVE_UNITS.filter((unit) => unit.code === code).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/**
 * The unit(s) that the unit `unitId` had become by `today`, following successor links transitively: itself if it
 * still exists, several units after a split, none if the id is unknown or the unit did not exist yet. Sorted by code.
 */
export function currentUnitsFor(unitId: string, today: string): AdministrativeUnit[] {
  const start = findUnit(unitId);
  if (!start || start.validFrom > today) return [];
  const found = new Map<string, AdministrativeUnit>();
  const visited = new Set<string>();
  const queue: AdministrativeUnit[] = [start];
  for (let unit = queue.shift(); unit; unit = queue.shift()) {
    if (visited.has(unit.id)) continue;
    visited.add(unit.id);
    if (isValidOn(unit, today)) {
      found.set(unit.id, unit);
      continue;
    }
    for (const successor of unit.successorIds.map(findUnit)) {
      if (successor && successor.validFrom <= today) queue.push(successor);
    }
  }
  return [...found.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const CURRENT_WARD_IDS: ReadonlySet<string> = new Set(WARDS_SINCE_2025.map(([code]) => unitId('ward', code, REORGANISATION_2025)));

function duyTienWards(filter: (unit: AdministrativeUnit) => boolean): readonly AdministrativeUnit[] {
  return Object.freeze(ADMINISTRATIVE_UNITS.filter((unit) => (unit.level === 'ward' || unit.level === 'commune') && filter(unit)));
}

/**
 * The six wards covering the former town since 1 July 2025: Đồng Văn 13348, Duy Tiên 13324, Duy Tân 13330,
 * Duy Hà 13336, Tiên Sơn 13363 and Hà Nam 13366 (Hà Nam only partly in the Duy Tiên area).
 */
export const CURRENT_DUY_TIEN_WARDS = duyTienWards((unit) => CURRENT_WARD_IDS.has(unit.id));

/** The 17 commune-tier units of thị xã Duy Tiên between 2020 and the reorganisation (Mộc Hoàn included). */
export const PRE_2025_DUY_TIEN_UNITS = duyTienWards((unit) => unit.parentId === DUY_TIEN_DISTRICT);

/**
 * The town's plan as data: "Kế hoạch triển khai thực hiện các mô hình của Đề án 06", Tổ công tác Đề án 06 thị xã
 * Duy Tiên, August 2023 (the source text is kept beside this file in source/ke-hoach-43-mo-hinh-2023-08.txt).
 *
 * What comes from where:
 * - groups and models: section III (5 groups, 43 models; "Mô hình N" headings, goal, assignment, deployment force,
 *   deadline, tools);
 * - lead units: the pilot assignment of section V.2 ("Phân công đơn vị chủ trì ... 24 mô hình điểm ... tháng 8 năm
 *   2023") where a model is a pilot; otherwise the unit the model's "Phân công nhiệm vụ" names as "chủ trì"; where
 *   section III names no town office as lead, the town police, who "phụ trách toàn diện Kế hoạch này" (section V.4.a);
 * - monthly reporting to the standing agency (the town police) before the 12th: section V.3 (see report-deadline.ts).
 *
 * Vietnamese titles follow the plan, with the scan's "VNelD" read as "VNeID"; the English renderings and the English
 * goals are ours. The seed is checked against this file by plan-data.test.ts.
 *
 * The 2025 reorganisation (district police ended on 1 March 2025; district-level offices merged in March 2025 and the
 * district level abolished on 1 July 2025) renamed or dissolved most of these units. What we believe happened is in
 * PROPOSED_SUCCESSIONS_2025, seeded as *unconfirmed*: it changes nothing until an administrator confirms it, because
 * the exact successor of each town office in Duy Tiên was not verified from an official source.
 */

export type UnitKind = 'police' | 'town_office' | 'provincial_body' | 'communes' | 'other';

export interface PlanUnitData {
  /** Stable slug: the `unit` claim of a unit reporter's token. */
  id: string;
  name: { vi: string; en: string };
  /** Short name for tables and the printed report. */
  shortName: { vi: string; en: string };
  kind: UnitKind;
  /** The standing agency of the working group (Cơ quan Thường trực), which consolidates the reports (section V.3). */
  standingAgency?: boolean;
  validFrom: string;
  source: 'plan_2023' | 'proposed_2025';
}

const PLAN_START = '2023-08-01';

export const PLAN_UNITS: readonly PlanUnitData[] = [
  {
    id: 'cong-an-thi-xa',
    name: { vi: 'Công an thị xã Duy Tiên', en: 'Duy Tiên Town Police' },
    shortName: { vi: 'Công an thị xã', en: 'Town Police' },
    kind: 'police',
    standingAgency: true,
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-van-hoa-thong-tin',
    name: { vi: 'Phòng Văn hóa và Thông tin thị xã', en: 'Town Office of Culture and Information' },
    shortName: { vi: 'Phòng Văn hóa và Thông tin', en: 'Culture and Information' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-y-te',
    name: { vi: 'Phòng Y tế thị xã', en: 'Town Health Office' },
    shortName: { vi: 'Phòng Y tế', en: 'Health' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-tu-phap',
    name: { vi: 'Phòng Tư pháp thị xã', en: 'Town Justice Office' },
    shortName: { vi: 'Phòng Tư pháp', en: 'Justice' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-lao-dong-tbxh',
    name: { vi: 'Phòng Lao động – Thương binh và Xã hội thị xã', en: 'Town Office of Labour, Invalids and Social Affairs' },
    shortName: { vi: 'Phòng Lao động – TB&XH', en: 'Labour and Social Affairs' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-giao-duc-dao-tao',
    name: { vi: 'Phòng Giáo dục và Đào tạo thị xã', en: 'Town Office of Education and Training' },
    shortName: { vi: 'Phòng Giáo dục và Đào tạo', en: 'Education and Training' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'van-phong-hdnd-ubnd',
    name: { vi: 'Văn phòng HĐND và UBND thị xã', en: "Office of the Town People's Council and People's Committee" },
    shortName: { vi: 'Văn phòng HĐND và UBND', en: 'Council and Committee Office' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-tai-nguyen-moi-truong',
    name: { vi: 'Phòng Tài nguyên và Môi trường thị xã', en: 'Town Office of Natural Resources and Environment' },
    shortName: { vi: 'Phòng Tài nguyên và Môi trường', en: 'Natural Resources and Environment' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'ban-quan-ly-cac-kcn',
    name: { vi: 'Ban Quản lý các Khu công nghiệp tỉnh Hà Nam', en: 'Hà Nam Industrial Zones Authority' },
    shortName: { vi: 'Ban Quản lý các KCN', en: 'Industrial Zones Authority' },
    kind: 'provincial_body',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'phong-quan-ly-do-thi',
    name: { vi: 'Phòng Quản lý đô thị thị xã', en: 'Town Urban Management Office' },
    shortName: { vi: 'Phòng Quản lý đô thị', en: 'Urban Management' },
    kind: 'town_office',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'trung-tam-van-hoa-thong-tin-the-thao',
    name: { vi: 'Trung tâm Văn hóa, Thông tin và Thể thao thị xã', en: 'Town Centre for Culture, Information and Sports' },
    shortName: { vi: 'Trung tâm VH, TT và TT', en: 'Culture and Sports Centre' },
    kind: 'other',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'trung-tam-phat-trien-cum-cong-nghiep',
    name: { vi: 'Trung tâm Phát triển cụm công nghiệp thị xã', en: 'Town Industrial Cluster Development Centre' },
    shortName: { vi: 'Trung tâm PT cụm CN', en: 'Industrial Cluster Centre' },
    kind: 'other',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'ngan-hang-chinh-sach-xa-hoi',
    name: { vi: 'Phòng Giao dịch Ngân hàng Chính sách xã hội thị xã', en: 'Town branch of the Vietnam Bank for Social Policies' },
    shortName: { vi: 'PGD Ngân hàng CSXH', en: 'Social Policy Bank' },
    kind: 'other',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  {
    id: 'ubnd-cac-xa-phuong',
    name: { vi: 'Ủy ban nhân dân các xã, phường', en: "People's Committees of the communes and wards" },
    shortName: { vi: 'UBND các xã, phường', en: 'Communes and wards' },
    kind: 'communes',
    validFrom: PLAN_START,
    source: 'plan_2023',
  },
  // Successor units of the 2025 reorganisation, proposed (see PROPOSED_SUCCESSIONS_2025).
  {
    id: 'phong-van-hoa-khoa-hoc-thong-tin',
    name: { vi: 'Phòng Văn hóa, Khoa học và Thông tin thị xã', en: 'Town Office of Culture, Science and Information' },
    shortName: { vi: 'Phòng VH, KH và TT', en: 'Culture, Science and Information' },
    kind: 'town_office',
    validFrom: '2025-03-01',
    source: 'proposed_2025',
  },
  {
    id: 'phong-nong-nghiep-moi-truong',
    name: { vi: 'Phòng Nông nghiệp và Môi trường thị xã', en: 'Town Office of Agriculture and Environment' },
    shortName: { vi: 'Phòng Nông nghiệp và Môi trường', en: 'Agriculture and Environment' },
    kind: 'town_office',
    validFrom: '2025-03-01',
    source: 'proposed_2025',
  },
  {
    id: 'phong-noi-vu',
    name: { vi: 'Phòng Nội vụ thị xã', en: 'Town Office of Home Affairs' },
    shortName: { vi: 'Phòng Nội vụ', en: 'Home Affairs' },
    kind: 'town_office',
    validFrom: '2025-03-01',
    source: 'proposed_2025',
  },
  {
    id: 'cong-an-tinh-ha-nam',
    name: { vi: 'Công an tỉnh Hà Nam', en: 'Hà Nam Provincial Police' },
    shortName: { vi: 'Công an tỉnh', en: 'Provincial Police' },
    kind: 'police',
    validFrom: '2025-03-01',
    source: 'proposed_2025',
  },
  {
    id: 'ban-quan-ly-cac-kcn-ninh-binh',
    name: { vi: 'Ban Quản lý các Khu công nghiệp tỉnh Ninh Bình', en: 'Ninh Bình Industrial Zones Authority' },
    shortName: { vi: 'Ban Quản lý các KCN', en: 'Industrial Zones Authority' },
    kind: 'provincial_body',
    validFrom: '2025-07-01',
    source: 'proposed_2025',
  },
];

export type SuccessionKind = 'renamed' | 'merged_into' | 'absorbed_by' | 'split_into';

export interface UnitSuccessionData {
  predecessorId: string;
  successorId: string;
  effectiveOn: string;
  kind: SuccessionKind;
  note: { vi: string; en: string };
}

/**
 * Our reading of the 2025 reorganisation, to be confirmed by an administrator (they are seeded with confirmed = false
 * and change nobody's reporting until then). Basis as we understand it: Nghị định 150/2025/NĐ-CP (district-level
 * offices from 1 March 2025), the end of district police on 1 March 2025, Nghị quyết 202/2025/QH15 (Hà Nam merged
 * into Ninh Bình on 1 July 2025). From 1 July 2025 the district level itself is gone and its offices' tasks went to
 * the new wards and to provincial departments: who leads each model since then is the province's decision, recorded
 * with a lead reassignment, not guessed here.
 */
export const PROPOSED_SUCCESSIONS_2025: readonly UnitSuccessionData[] = [
  {
    predecessorId: 'phong-van-hoa-thong-tin',
    successorId: 'phong-van-hoa-khoa-hoc-thong-tin',
    effectiveOn: '2025-03-01',
    kind: 'merged_into',
    note: {
      vi: 'Hợp nhất với nhiệm vụ khoa học và công nghệ (Nghị định 150/2025/NĐ-CP) — chưa xác nhận cho thị xã Duy Tiên.',
      en: 'Merged with the science and technology functions (Decree 150/2025) — not confirmed for Duy Tiên.',
    },
  },
  {
    predecessorId: 'phong-tai-nguyen-moi-truong',
    successorId: 'phong-nong-nghiep-moi-truong',
    effectiveOn: '2025-03-01',
    kind: 'merged_into',
    note: {
      vi: 'Hợp nhất với Phòng Nông nghiệp và Phát triển nông thôn — chưa xác nhận cho thị xã Duy Tiên.',
      en: 'Merged with the agriculture office — not confirmed for Duy Tiên.',
    },
  },
  {
    predecessorId: 'phong-lao-dong-tbxh',
    successorId: 'phong-noi-vu',
    effectiveOn: '2025-03-01',
    kind: 'split_into',
    note: {
      vi: 'Lao động, việc làm, người có công chuyển sang Phòng Nội vụ — chưa xác nhận.',
      en: 'Labour, employment and war-veteran affairs moved to Home Affairs — not confirmed.',
    },
  },
  {
    predecessorId: 'phong-lao-dong-tbxh',
    successorId: 'phong-y-te',
    effectiveOn: '2025-03-01',
    kind: 'split_into',
    note: {
      vi: 'Bảo trợ xã hội, trẻ em chuyển sang Phòng Y tế — chưa xác nhận.',
      en: 'Social protection and children moved to the Health Office — not confirmed.',
    },
  },
  {
    predecessorId: 'cong-an-thi-xa',
    successorId: 'cong-an-tinh-ha-nam',
    effectiveOn: '2025-03-01',
    kind: 'absorbed_by',
    note: {
      vi: 'Công an cấp huyện kết thúc hoạt động; nhiệm vụ chuyển về Công an tỉnh và Công an cấp xã — chưa xác nhận cơ quan thường trực mới.',
      en: 'District police ended; tasks went to the provincial and commune police — the new standing agency is not confirmed.',
    },
  },
  {
    predecessorId: 'ban-quan-ly-cac-kcn',
    successorId: 'ban-quan-ly-cac-kcn-ninh-binh',
    effectiveOn: '2025-07-01',
    kind: 'merged_into',
    note: {
      vi: 'Hà Nam hợp nhất vào tỉnh Ninh Bình (Nghị quyết 202/2025/QH15) — chưa xác nhận tên cơ quan mới.',
      en: 'Hà Nam merged into Ninh Bình province (Resolution 202/2025/QH15) — the new authority’s name is not confirmed.',
    },
  },
];

export interface PlanGroupData {
  number: 1 | 2 | 3 | 4 | 5;
  /** Section of the plan. */
  section: string;
  title: { vi: string; en: string };
  /** How many models the heading says the group has ("bao gồm 05 mô hình"). */
  declaredModels: number;
}

export const PLAN_GROUPS: readonly PlanGroupData[] = [
  {
    number: 1,
    section: 'III.1',
    title: {
      vi: 'Nhóm tiện ích phục vụ giải quyết thủ tục hành chính và cung cấp Dịch vụ công trực tuyến',
      en: 'Administrative procedures and online public services',
    },
    declaredModels: 5,
  },
  { number: 2, section: 'III.2', title: { vi: 'Nhóm tiện ích phát triển kinh tế-xã hội', en: 'Socio-economic development' }, declaredModels: 17 },
  { number: 3, section: 'III.3', title: { vi: 'Nhóm tiện ích phục vụ công dân số', en: 'Digital citizens' }, declaredModels: 11 },
  {
    number: 4,
    section: 'III.4',
    title: {
      vi: 'Nhóm số hóa, tạo lập dữ liệu dùng chung trên Hệ thống CSDLQG về DC phục vụ cải cách thủ tục hành chính',
      en: 'Digitising shared data on the national population database for administrative reform',
    },
    declaredModels: 3,
  },
  {
    number: 5,
    section: 'III.5',
    title: { vi: 'Nhóm phục vụ chỉ đạo điều hành của lãnh đạo các cấp', en: 'Steering and management by leaders at every level' },
    declaredModels: 7,
  },
];

/** The tools the plan names ("Công cụ triển khai"). */
export const TOOLS = {
  vneid: { vi: 'VNeID', en: 'VNeID e-ID app' },
  chip_id_card: { vi: 'CCCD gắn chíp điện tử', en: 'chip ID card' },
  asm: { vi: 'Phần mềm thông báo lưu trú ASM', en: 'ASM stay-notice software' },
  ioc: { vi: 'IOC', en: 'intelligent operations centre (IOC)' },
  lgsp: { vi: 'LGSP', en: 'local data-sharing platform (LGSP)' },
  kiosk: { vi: 'Kiosk', en: 'self-service kiosk' },
  citizen_app: { vi: 'App công dân số', en: 'digital-citizen app' },
  soc: { vi: 'Trung tâm Giám sát an ninh mạng SOC', en: 'security operations centre (SOC)' },
  population_db: { vi: 'CSDLQG về DC', en: 'national population database' },
  call_centre: { vi: 'Call Center', en: 'call centre' },
  public_service_portal: { vi: 'Cổng Dịch vụ công, Hệ thống một cửa', en: 'public-service portal and one-stop system' },
  analytics_platform: { vi: 'Nền tảng tổng hợp, phân tích dữ liệu tập trung', en: 'central data analytics platform' },
  e_certification_software: { vi: 'Phần mềm chứng thực điện tử', en: 'e-certification software' },
  clinic_software: { vi: 'Phần mềm khám chữa bệnh', en: 'clinic software' },
  hospital_software: { vi: 'Phần mềm quản lý bệnh viện', en: 'hospital management software' },
  notary_software: { vi: 'Phần mềm công chứng, chứng thực', en: 'notary software' },
  driving_test_software: { vi: 'Phần mềm quản lý Trung tâm sát hạch lái xe', en: 'driving-test centre software' },
  ticketing_software: { vi: 'Phần mềm quản lý vé tàu, xe', en: 'ticketing software' },
  school_management: { vi: 'Ứng dụng quản lý trường học', en: 'school management application' },
  media: { vi: 'Các phương tiện truyền thông', en: 'media channels' },
} as const satisfies Record<string, { vi: string; en: string }>;
export type ToolKey = keyof typeof TOOLS;

export interface PlanModelData {
  number: number;
  group: PlanGroupData['number'];
  /** Heading number in section III ("2.4" for model 9). */
  section: string;
  title: { vi: string; en: string };
  goal: { vi: string; en: string };
  leadUnitId: string;
  /** Why this unit leads: the pilot list of V.2, a "chủ trì" of section III, or the standing agency by default (V.4.a). */
  leadBasis: 'pilot_2023' | 'section_iii' | 'standing_agency_default';
  coordinatingUnitIds: string[];
  /** "Lực lượng triển khai" as written (empty where the plan gives none). */
  force: string;
  /** "Thời gian hoàn thành / triển khai" as written. */
  deadline: string;
  /** A correction of an evident typo in the deadline, with the reason. */
  deadlineCorrection?: { text: string; note: { vi: string; en: string } };
  tools: ToolKey[];
  note?: { vi: string; en: string };
}

const CA = 'cong-an-thi-xa';
const VHTT = 'phong-van-hoa-thong-tin';
const YT = 'phong-y-te';
const TP = 'phong-tu-phap';
const LD = 'phong-lao-dong-tbxh';
const GD = 'phong-giao-duc-dao-tao';
const VP = 'van-phong-hdnd-ubnd';
const TNMT = 'phong-tai-nguyen-moi-truong';
const KCN = 'ban-quan-ly-cac-kcn';
const QLDT = 'phong-quan-ly-do-thi';
const TTVH = 'trung-tam-van-hoa-thong-tin-the-thao';
const CCN = 'trung-tam-phat-trien-cum-cong-nghiep';
const NHCS = 'ngan-hang-chinh-sach-xa-hoi';
const XP = 'ubnd-cac-xa-phuong';

/** Section V.2: the 24 pilot models assigned in August 2023, by lead unit. */
export const PILOT_ASSIGNMENT_2023_08: Readonly<Record<string, readonly number[]>> = {
  [VHTT]: [1, 23, 24, 25, 26, 27, 28, 35, 37, 38, 39, 40, 43],
  [CA]: [9, 10, 11, 12, 16, 29],
  [GD]: [21, 31],
  [YT]: [6],
  [TP]: [8],
  [LD]: [20],
};

export const PLAN_MODELS: readonly PlanModelData[] = [
  // III.1 — administrative procedures and online public services (5 models)
  {
    number: 1,
    group: 1,
    section: '1.1',
    title: { vi: 'Triển khai 53 Dịch vụ công thiết yếu', en: 'Deploy the 53 essential public services' },
    goal: { vi: 'Triển khai đồng bộ theo lộ trình Đề án 06/CP.', en: 'Roll out in step with the national Project 06 roadmap.' },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: '',
    deadline: 'Theo lộ trình Đề án 06/CP',
    tools: ['public_service_portal'],
    note: {
      vi: 'Mục III.1.1 không nêu đơn vị chủ trì; đơn vị chủ trì theo phân công mô hình điểm (mục V.2).',
      en: 'Section III.1.1 names no lead; the lead is the pilot assignment of section V.2.',
    },
  },
  {
    number: 2,
    group: 1,
    section: '1.2',
    title: {
      vi: 'Tự động hóa bộ phận giải quyết thủ tục hành chính, Bộ phận Một cửa các cấp thông qua tương tác Kiosk',
      en: 'Automate the one-stop shops through self-service kiosks',
    },
    goal: {
      vi: 'Người dân tiến hành Dịch vụ công thông qua công nghệ tự động hóa được hỗ trợ tại Kiosk không cần tiếp xúc trực tiếp với cán bộ tiếp nhận và trả kết quả.',
      en: 'Residents complete public services at kiosks without going through a reception officer.',
    },
    leadUnitId: VP,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA, VHTT],
    force: 'Công an thị xã, Văn phòng HĐND & UBND thị xã, Phòng Văn hoá và Thông tin thị xã, doanh nghiệp',
    deadline: '03 tháng sau khi có hướng dẫn của Bộ Công an, Công an tỉnh',
    tools: ['kiosk'],
  },
  {
    number: 3,
    group: 1,
    section: '1.3',
    title: { vi: 'Xây dựng tối thiểu 20 Dịch vụ công không sử dụng hồ sơ giấy', en: 'Build at least 20 paperless public services' },
    goal: {
      vi: 'Rà soát triển khai các Dịch vụ công bảo đảm điều kiện dữ liệu được "làm sạch" và được xác minh tại CSDLQG về DC để thay thế các hình thức hồ sơ giấy.',
      en: 'Replace paper files with data cleaned and verified against the national population database.',
    },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [VHTT, VP],
    force: 'Công an thị xã phối hợp phòng Văn hóa và Thông tin, Văn phòng HĐND&UBND thị xã, các cơ quan, đơn vị liên quan và các doanh nghiệp',
    deadline: 'Trong năm 2023 và năm 2024',
    tools: ['citizen_app', 'kiosk'],
  },
  {
    number: 4,
    group: 1,
    section: '1.4',
    title: {
      vi: 'Lưu trữ, chứng thực các giấy tờ tài liệu điện tử phục vụ người dân, doanh nghiệp tham gia môi trường số',
      en: 'Store and certify electronic documents for residents and businesses',
    },
    goal: {
      vi: 'Tạo kho dữ liệu, tài liệu cá nhân; tích hợp với VNeID, kết quả chứng thực điện tử của người dân có giá trị pháp lý để tái sử dụng thực hiện các giao dịch, thủ tục hành chính.',
      en: 'A personal document store integrated with VNeID, with legally valid e-certified copies reusable in procedures.',
    },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [VHTT, VP],
    force: 'Công an thị xã và các cơ quan, ban, ngành, Tổ công tác Đề án 06 thị xã; Tổ công tác Đề án 06 các xã, phường',
    deadline: 'Trong năm 2023 và những năm tiếp theo',
    tools: ['vneid', 'chip_id_card', 'e_certification_software'],
  },
  {
    number: 5,
    group: 1,
    section: '1.5',
    title: { vi: 'Triển khai cung cấp Dịch vụ công trực tuyến trên VNeID', en: 'Offer online public services in VNeID' },
    goal: {
      vi: 'Với ứng dụng định danh và xác thực điện tử VNeID bảo đảm thuận tiện, dễ sử dụng, tiết kiệm chi phí nguồn nhân lực.',
      en: 'Convenient, easy online services through the VNeID app that save staff time.',
    },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [],
    force: '',
    deadline: 'Trong năm 2023',
    tools: ['vneid'],
  },
  // III.2 — socio-economic development (17 models)
  {
    number: 6,
    group: 2,
    section: '2.1',
    title: { vi: 'Khám chữa bệnh sử dụng thẻ CCCD và VNeID', en: 'Medical care with the chip ID card and VNeID' },
    goal: {
      vi: '100% cơ sở khám chữa bệnh thực hiện tiếp nhận CCCD gắn chíp điện tử hoặc VNeID khi người dân thực hiện khám, chữa bệnh.',
      en: 'Every clinic and hospital accepts the chip ID card or VNeID at admission.',
    },
    leadUnitId: YT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA, VHTT],
    force: 'Công an thị xã, phòng Y tế thị xã, phòng Văn hoá và Thông tin thị xã; các cơ sở khám chữa bệnh và các doanh nghiệp',
    deadline: 'Trong năm 2023 (theo kết quả đầu tư thiết bị đọc QR, chíp)',
    tools: ['vneid', 'chip_id_card', 'clinic_software'],
  },
  {
    number: 7,
    group: 2,
    section: '2.2',
    title: { vi: 'Khám chữa bệnh sử dụng sinh trắc học, Kiosk tự phục vụ', en: 'Medical care with biometrics and self-service kiosks' },
    goal: {
      vi: 'Người dân tiến hành đăng ký khám chữa bệnh thông qua công nghệ tự động hóa được hỗ trợ tại Kiosk.',
      en: 'Patients register for care at self-service kiosks.',
    },
    leadUnitId: YT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA],
    force: 'Phòng Y tế thị xã, các cơ sở khám, chữa bệnh',
    deadline: 'Trong năm 2023 và năm tiếp theo',
    tools: ['hospital_software', 'kiosk'],
  },
  {
    number: 8,
    group: 2,
    section: '2.3',
    title: {
      vi: 'Triển khai tại các cơ quan thực hiện chứng thực công chứng, tổ chức hành nghề công chứng',
      en: 'Deploy at certification offices and notaries',
    },
    goal: {
      vi: 'Người dân sử dụng CCCD gắn chíp điện tử hoặc VNeID khi đi công chứng, chứng thực thay cho các loại giấy tờ chứng minh thông tin cá nhân, nơi thường trú.',
      en: 'Notaries and certification offices accept the chip ID card or VNeID instead of paper proofs of identity and residence.',
    },
    leadUnitId: TP,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA, VHTT],
    force: 'Phòng Tư pháp thị xã, các tổ chức hành nghề công chứng và doanh nghiệp; Công an thị xã, phòng Văn hóa và Thông tin thị xã',
    deadline: '30/11/2023',
    tools: ['vneid', 'chip_id_card', 'notary_software'],
  },
  {
    number: 9,
    group: 2,
    section: '2.4',
    title: {
      vi: 'Triển khai nền tảng quản lý lưu trú tại khách sạn, căn hộ, biệt thự, nhà nghỉ, nhà ở có phòng cho khách du lịch thuê; nhà trọ, nhà khách, nhà công vụ',
      en: 'Stay notification at hotels, apartments, villas, guesthouses, homestays, lodging houses and official guesthouses',
    },
    goal: {
      vi: 'Các cơ sở lưu trú sử dụng phần mềm thông báo lưu trú ASM kết nối CSDLQG về DC, thông tin khách lưu trú được đồng bộ liên tục, phục vụ bảo đảm an ninh, trật tự và quản lý du lịch.',
      en: 'Accommodation uses the ASM stay-notice software connected to the population database, for public order and tourism management.',
    },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VHTT],
    force: 'Các cơ sở lưu trú trên địa bàn thị xã; Công an thị xã và phòng Văn hóa và Thông tin thị xã',
    deadline: '30/12/2023',
    tools: ['asm', 'vneid'],
  },
  {
    number: 10,
    group: 2,
    section: '2.5',
    title: {
      vi: 'Triển khai nền tảng quản lý lưu trú tại nhà cho thuê, nhà ở trong khu công nghiệp',
      en: 'Stay notification at rented housing in industrial zones',
    },
    goal: {
      vi: 'Nhà cho thuê, nhà ở trong khu công nghiệp sử dụng phần mềm thông báo lưu trú ASM kết nối CSDLQG về DC, phục vụ quản lý của Ban Quản lý các KCN, Trung tâm phát triển cụm công nghiệp và bảo đảm an ninh, trật tự.',
      en: 'Rented housing in industrial zones uses ASM, serving the zone authorities and public order.',
    },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [KCN, CCN],
    force: 'Các Khu, cụm Công nghiệp trên địa bàn thị xã',
    deadline: '30/12/2023',
    tools: ['asm', 'vneid'],
  },
  {
    number: 11,
    group: 2,
    section: '2.6',
    title: { vi: 'Triển khai nền tảng quản lý lưu trú tại cơ sở khám, chữa bệnh', en: 'Stay notification at hospitals and clinics' },
    goal: {
      vi: 'Các cơ sở khám, chữa bệnh sử dụng phần mềm thông báo lưu trú ASM kết nối CSDLQG về DC, phục vụ bảo đảm an ninh, trật tự và quản lý của phòng Y tế.',
      en: 'Hospitals and clinics notify in-patient stays through ASM, for public order and the Health Office.',
    },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [YT],
    force: 'Các cơ sở khám, chữa bệnh; Công an thị xã, Phòng Y tế thị xã',
    deadline: '30/12/2023',
    tools: ['asm', 'vneid'],
  },
  {
    number: 12,
    group: 2,
    section: '2.7',
    title: { vi: 'Triển khai nền tảng quản lý lưu trú trên xe khách đường dài', en: 'Passenger notification on long-distance buses' },
    goal: {
      vi: 'Các nhà xe khách đường dài sử dụng phần mềm thông báo lưu trú ASM kết nối CSDLQG về DC, góp phần phòng ngừa, phát hiện tội phạm.',
      en: 'Long-distance bus operators notify passengers through ASM, helping to prevent and detect crime.',
    },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [],
    force: 'Các nhà xe khách',
    deadline: '30/12/2023 (Căn cứ tình hình thực tế ở địa phương)',
    tools: ['asm', 'vneid'],
  },
  {
    number: 13,
    group: 2,
    section: '2.8',
    title: {
      vi: 'Triển khai giải pháp kiểm soát ra/vào tại điểm du lịch, khu du lịch',
      en: 'Entry control at tourist sites and resorts',
    },
    goal: {
      vi: 'Triển khai tại một số điểm du lịch, khu du lịch phục vụ theo dõi, quản lý, thống kê người ra vào khu vực và kiểm soát an ninh, trật tự.',
      en: 'Count and manage people entering tourist sites, for public order.',
    },
    leadUnitId: VHTT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA],
    force: 'Các điểm du lịch, khu du lịch; Phòng Văn hóa và thông tin, Công an thị xã',
    deadline: 'Giai đoạn 1 trước 30/12/2023',
    tools: ['vneid'],
  },
  {
    number: 14,
    group: 2,
    section: '2.9',
    title: { vi: 'Triển khai giải pháp kiểm soát ra/vào tại khu công nghiệp', en: 'Entry control at industrial zones' },
    goal: {
      vi: 'Triển khai tại các Khu Công nghiệp phục vụ theo dõi, quản lý, thống kê người ra vào khu vực và kiểm soát an ninh, trật tự.',
      en: 'Count and manage people entering industrial zones, for public order.',
    },
    leadUnitId: KCN,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [VHTT, CA],
    force: 'Các Khu công nghiệp trên địa bàn; Phòng Văn hóa và Thông tin, Công an thị xã',
    deadline: '30/12/2023',
    tools: ['vneid'],
  },
  {
    number: 15,
    group: 2,
    section: '2.10',
    title: { vi: 'Triển khai giải pháp kiểm soát ra vào tại Nhà ga đường sắt', en: 'Entry control at railway stations' },
    goal: {
      vi: 'Triển khai tại các nhà ga phục vụ theo dõi, quản lý, thống kê người ra vào khu vực và kiểm soát an ninh, trật tự.',
      en: 'Count and manage people entering railway stations, for public order.',
    },
    leadUnitId: VHTT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [QLDT, CA],
    force: 'Các nhà ga; Công an thị xã, phối hợp phòng Văn hóa và Thông tin, phòng Quản lý đô thị thị xã và các đơn vị có liên quan',
    deadline: '30/12/2023 (Căn cứ tình hình thực tế ở địa phương)',
    tools: ['vneid'],
  },
  {
    number: 16,
    group: 2,
    section: '2.11',
    title: {
      vi: 'Triển khai tại các cơ sở kinh doanh có điều kiện về an ninh, trật tự (cơ sở cầm đồ; dịch vụ bảo vệ; cơ sở khác)',
      en: 'Deploy at businesses under security conditions (pawnshops, security services, others)',
    },
    goal: {
      vi: 'Khuyến khích sử dụng thiết bị xác minh di động và đầu đọc CCCD gắn chíp điện tử bảo đảm chính xác danh tính khách hàng.',
      en: 'Encourage mobile verification devices and chip-card readers to establish customers’ identity.',
    },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [],
    force: 'Các cơ sở kinh doanh có điều kiện về an ninh, trật tự; Công an thị xã',
    deadline: '30/11/2023',
    tools: ['vneid', 'chip_id_card'],
  },
  {
    number: 17,
    group: 2,
    section: '2.12',
    title: { vi: 'Triển khai thiết bị giám sát thi cử, sát hạch lái xe', en: 'Identity checks at driving tests' },
    goal: {
      vi: 'Triển khai thiết bị xác minh di động và đầu đọc CCCD gắn chíp điện tử đảm bảo chính xác danh tính học viên, tránh gian lận tại các Trung tâm đào tạo, sát hạch lái xe.',
      en: 'Card readers at driving schools and test centres to establish candidates’ identity and prevent fraud.',
    },
    leadUnitId: CA,
    leadBasis: 'standing_agency_default',
    coordinatingUnitIds: [VHTT],
    force: 'Các Trung tâm đào tạo, sát hạch lái xe; Công an thị xã, phòng Văn hoá và Thông tin thị xã',
    deadline: '30/12/2023 (Căn cứ tình hình tực tế tại địa phương)',
    tools: ['vneid', 'chip_id_card', 'driving_test_software'],
    note: {
      vi: 'Mục III.2.12 giao các Trung tâm đào tạo, sát hạch (không thuộc thị xã); Công an thị xã báo cáo theo mục V.4.a.',
      en: 'Section III.2.12 assigns the driving-test centres (not town offices); the town police report under section V.4.a.',
    },
  },
  {
    number: 18,
    group: 2,
    section: '2.13',
    title: {
      vi: 'Triển khai giải pháp xử phạt vi phạm trật tự, an toàn giao thông và trật tự, an toàn xã hội',
      en: 'Penalties for traffic and public-order offences',
    },
    goal: {
      vi: 'Sử dụng hệ thống quản lý, đăng ký xe, CSDLQG về DC, VNeID để xác minh phương tiện vi phạm qua hệ thống giám sát thông minh tại IOC.',
      en: 'Identify offending vehicles through the IOC’s smart cameras, the vehicle register, the population database and VNeID.',
    },
    leadUnitId: CA,
    leadBasis: 'standing_agency_default',
    coordinatingUnitIds: [XP, VHTT],
    force: 'Công an thị xã phối hợp phòng Văn hoá và Thông tin thị xã, UBND các xã, phường',
    deadline: '30/12/2023 và những năm tiếp theo',
    tools: ['vneid', 'citizen_app', 'ioc'],
    note: {
      vi: 'UBND các xã, phường chủ trì phần camera; Công an thị xã chủ trì phần kỹ thuật và báo cáo chung (mục V.4.a).',
      en: 'The communes lead the camera part; the town police lead the technical part and report for the model (section V.4.a).',
    },
  },
  {
    number: 19,
    group: 2,
    section: '2.14',
    title: {
      vi: 'Triển khai sử dụng CCCD gắn chíp điện tử quẹt thanh toán vé tàu, xe... không dùng tiền mặt',
      en: 'Cashless train and bus tickets with the chip ID card',
    },
    goal: { vi: 'Triển khai tích hợp vé tàu xe và đầu đọc CCCD gắn chíp điện tử.', en: 'Integrate train and bus tickets with chip-card readers.' },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [],
    force: 'Các nhà xe khách; Công an thị xã',
    deadline: '30/12/2023',
    tools: ['chip_id_card', 'ticketing_software'],
  },
  {
    number: 20,
    group: 2,
    section: '2.15',
    title: { vi: 'Triển khai cho vay tín chấp công dân: Hộ nghèo, người có công', en: 'Unsecured loans to poor households and people with merit' },
    goal: {
      vi: 'Xác định đúng đối tượng diện được vay tín chấp công dân, hỗ trợ cho vay đúng đối tượng, tránh gian lận.',
      en: 'Lend to the right people and prevent fraudulent loan files.',
    },
    leadUnitId: LD,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA, NHCS],
    force: 'Phòng Giao dịch Ngân hàng chính sách xã hội thị xã; Công an thị xã, phòng Lao động - Thương binh và Xã hội thị xã',
    deadline: 'Quý I/2024',
    tools: ['population_db'],
  },
  {
    number: 21,
    group: 2,
    section: '2.16',
    title: {
      vi: 'Mô hình thi online tập trung qua nền tảng công nghệ xác thực thẻ CCCD gắn chíp điện tử',
      en: 'Supervised online exams with chip ID card authentication',
    },
    goal: { vi: 'Xác định đúng thí sinh tham gia dự thi, tránh gian lận.', en: 'Make sure the right candidate sits the exam.' },
    leadUnitId: GD,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: 'Các trường học: Mầm non, Tiểu học, Tiểu học và THCS, THCS trên địa bàn; Công an thị xã, phòng Giáo dục và Đào tạo thị xã',
    deadline: 'Quý II/2024',
    tools: ['chip_id_card'],
  },
  {
    number: 22,
    group: 2,
    section: '2.17',
    title: {
      vi: 'Phát triển du lịch, gắn với phát triển đặc sản vùng miền hỗ trợ người dân ứng dụng dữ liệu dân cư, định danh xác thực điện tử trong phát triển kinh tế hộ gia đình, kinh tế số',
      en: 'Tourism and local specialities: residents use population data and e-ID in household and digital business',
    },
    goal: { vi: 'Giới thiệu, cung cấp sàn thương mại điện tử.', en: 'Introduce and provide an e-commerce marketplace.' },
    leadUnitId: VHTT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA],
    force: '',
    deadline: 'Quý I/2024',
    tools: ['vneid', 'chip_id_card'],
  },
  // III.3 — digital citizens (11 models)
  {
    number: 23,
    group: 3,
    section: '3.1',
    title: { vi: 'Đảm bảo điều kiện công dân số', en: 'Everyone equipped to be a digital citizen' },
    goal: {
      vi: 'Tạo lập, cấp phát các tài khoản tối thiểu của công dân số: tài khoản định danh điện tử (VNeID), tài khoản thanh toán điện tử, địa chỉ số, chữ ký số cho 100% người dân đủ điều kiện.',
      en: 'Every eligible resident gets the minimum digital-citizen accounts: VNeID, an e-payment account, a digital address and a digital signature.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: 'Công an thị xã; Tổ công tác Đề án 06 các cấp và Tổ công nghệ số cộng đồng',
    deadline: '30/12/2023',
    tools: ['vneid', 'citizen_app'],
    note: {
      vi: 'Công an thị xã chủ trì cấp tài khoản định danh điện tử; Phòng Văn hóa và Thông tin chủ trì địa chỉ số, tài khoản thanh toán và báo cáo mô hình (mục V.2).',
      en: 'The police issue e-ID accounts; the Culture and Information office leads digital addresses and payments and reports for the model (section V.2).',
    },
  },
  {
    number: 24,
    group: 3,
    section: '3.2',
    title: { vi: 'Chuẩn hóa xác thực tập trung (SSO)', en: 'Single sign-on (SSO) for every town system' },
    goal: {
      vi: 'Sử dụng hệ thống xác thực tập trung (SSO) của Bộ Công an qua CSDLQG về DC và hệ thống định danh điện tử cho toàn bộ nền tảng số của thị xã.',
      en: 'Use the Ministry of Public Security’s single sign-on and e-ID for all the town’s digital platforms.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: 'Công an phối hợp phòng văn hoá và Thông tin thị xã',
    deadline: '30/12/2023',
    tools: ['citizen_app', 'public_service_portal'],
  },
  {
    number: 25,
    group: 3,
    section: '3.3',
    title: { vi: 'Nền tảng tích hợp, chia sẻ dữ liệu thị xã (LGSP)', en: 'The town’s data integration and sharing platform (LGSP)' },
    goal: {
      vi: 'Tích hợp, chia sẻ dữ liệu dùng chung giữa các cơ quan nhà nước trong thị xã, kết nối tới các nền tảng tích hợp của tỉnh và quốc gia.',
      en: 'Share common data between the town’s agencies and connect to the provincial and national platforms.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: 'Công an thị xã, phòng Văn hoá và Thông tin thị xã phối hợp với các đơn vị nghiệp vụ; cán bộ kỹ thuật các đơn vị có liên quan',
    deadline: '30/12/2013',
    deadlineCorrection: {
      text: '30/12/2023',
      note: {
        vi: 'Kế hoạch ghi "30/12/2013", rõ ràng là lỗi đánh máy của 30/12/2023 (kế hoạch thực hiện từ tháng 8/2023, mục II.3).',
        en: 'The plan says "30/12/2013", an evident typo for 30/12/2023 (the plan runs from August 2023, section II.3).',
      },
    },
    tools: ['lgsp'],
  },
  {
    number: 26,
    group: 3,
    section: '3.4',
    title: {
      vi: 'Truyền thông nội bộ cho toàn bộ cán bộ, công chức, viên chức cơ quan nhà nước',
      en: 'Internal communication to all public servants',
    },
    goal: {
      vi: 'Bảo đảm toàn bộ cán bộ, công chức, viên chức thị xã nắm rõ mục tiêu, nội dung, triển khai thành công Đề án 06/CP.',
      en: 'Every public servant of the town understands the aims and content of Project 06.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [TTVH, CA],
    force: 'Phòng Văn hoá và Thông tin thị xã, Trung tâm Văn hóa, thông tin và thể thao thị xã; Công an thị xã',
    deadline: 'Thực hiện thường xuyên',
    tools: ['citizen_app', 'media'],
  },
  {
    number: 27,
    group: 3,
    section: '3.5',
    title: {
      vi: 'Truyền thông chính sách qua hệ thống LED, Pano, Áp phích, Truyền thanh cơ sở, Truyền hình thị xã, hệ thống phát thanh thông minh, nền tảng số',
      en: 'Public communication through LED screens, billboards, posters, local radio and TV, smart loudspeakers and digital platforms',
    },
    goal: {
      vi: 'Tăng cường truyền thông đến mọi người dân nắm, hiểu, cùng đồng hành thực hiện thành công Đề án 06/CP.',
      en: 'Reach every resident so that they understand and take part in Project 06.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [TTVH, CA, XP],
    force: 'Phòng Văn hoá và Thông tin, Trung tâm Văn hóa, thông tin và thể thao thị xã, các cơ quan, đơn vị liên quan, xã, phường; Công an thị xã',
    deadline: 'Thực hiện thường xuyên',
    tools: ['media'],
  },
  {
    number: 28,
    group: 3,
    section: '3.6',
    title: {
      vi: 'Triển khai nền tảng đào tạo, giáo dục trực tuyến đại chúng mở (MOOC) trên toàn quốc để nâng cao nhận thức, hỗ trợ triển khai Đề án 06/CP cho các cán bộ, công chức, viên chức, giảm chi phí đào tạo truyền thống',
      en: 'An open online course platform (MOOC) to train public servants on Project 06',
    },
    goal: {
      vi: 'Cung cấp nền tảng đào tạo trực tuyến cho cán bộ, công chức, viên chức theo quy mô 5000 học viên.',
      en: 'An online training platform for up to 5,000 public servants.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [XP],
    force: 'Phòng Văn hóa và Thông tin thị xã; các cơ quan, ban, ngành, Ủy ban nhân dân xã, phường có nhu cầu',
    deadline: '30/10/2023',
    tools: [],
  },
  {
    number: 29,
    group: 3,
    section: '3.7',
    title: { vi: 'Triển khai tố giác tội phạm qua ứng dụng VNeID', en: 'Crime reporting through VNeID' },
    goal: { vi: 'Sử dụng VNeID trong công tác tố giác tội phạm bảo đảm an ninh, trật tự.', en: 'Use VNeID for reporting crime.' },
    leadUnitId: CA,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VHTT],
    force: 'Công an thị xã, Phòng Văn hoá và Thông tin thị xã; Tổ công tác Đề án 06 các cấp và Công nghệ số cộng đồng',
    deadline: 'Thực hiện thường xuyên',
    tools: ['vneid'],
  },
  {
    number: 30,
    group: 3,
    section: '3.8',
    title: {
      vi: 'Triển khai tuyên truyền chính sách, hỗ trợ pháp lý qua ứng dụng VNeID, Call Center',
      en: 'Policy information and legal help through VNeID and a call centre',
    },
    goal: { vi: 'Sử dụng VNeID tuyên truyền và hỗ trợ pháp lý qua tổng đài.', en: 'Inform residents and give legal help through VNeID and a hotline.' },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [VHTT],
    force: 'Công an thị xã, phòng Văn hoá và Thông tin thị xã; Tổ công tác Đề án 06 các cấp và Tổ Công nghệ số cộng đồng',
    deadline: 'Thực hiện thường xuyên',
    tools: ['vneid', 'call_centre'],
  },
  {
    number: 31,
    group: 3,
    section: '3.9',
    title: { vi: 'Triển khai hệ thống quản lý trường học', en: 'School management system' },
    goal: {
      vi: 'Xác thực thông tin giáo viên và học sinh, cho phép giáo viên đăng nhập bằng tài khoản VNeID (SSO); quản lý điểm, lịch học, dữ liệu ngành, thu học phí không dùng tiền mặt.',
      en: 'Verified teacher and pupil data, VNeID sign-in for teachers, grades, timetables and cashless school fees.',
    },
    leadUnitId: GD,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VHTT, CA],
    force: 'Phòng Giáo dục và Đào tạo thị xã, Công an thị xã, đơn vị liên quan; các trường học trên địa bàn thị xã',
    deadline: '30/12/2023',
    tools: ['school_management', 'vneid'],
  },
  {
    number: 32,
    group: 3,
    section: '3.10',
    title: { vi: 'Thông tin lý lịch tư pháp trên VNeID', en: 'Criminal-record certificates in VNeID' },
    goal: { vi: 'Hiển thị thông tin lý lịch tư pháp công dân trên VNeID.', en: 'Show residents’ criminal-record information in VNeID.' },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [TP, VHTT],
    force: 'Công an thị xã; Phòng Tư pháp thị xã, phòng Văn hoá và Thông tin thị xã',
    deadline: '30/9/2023',
    tools: ['vneid'],
  },
  {
    number: 33,
    group: 3,
    section: '3.11',
    title: {
      vi: 'Triển khai tích hợp thông tin Sổ sức khỏe điện tử, Sổ lao động điện tử trên VNeID',
      en: 'Electronic health book and labour book in VNeID',
    },
    goal: {
      vi: 'Trên VNeID cung cấp thông tin sức khỏe điện tử và lao động điện tử cần thiết, là kênh thông tin chính thức được xác thực cho bệnh viện, doanh nghiệp và người dân.',
      en: 'VNeID carries verified health and employment information for hospitals, employers and residents.',
    },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [YT, LD, VHTT],
    force: '',
    deadline: 'Quý I/2024',
    tools: ['vneid'],
  },
  // III.4 — shared data on the population database (3 models)
  {
    number: 34,
    group: 4,
    section: '4.1',
    title: {
      vi: 'Quản lý thông tin người sử dụng đất, chủ sở hữu nhà ở, tài sản gắn liền với đất thông qua CSDLQG về DC, VNeID',
      en: 'Land users and home owners managed through the population database and VNeID',
    },
    goal: {
      vi: 'Toàn bộ thông tin người sử dụng đất, chủ sở hữu nhà ở, tài sản gắn liền với đất được số hóa, "làm sạch", xác thực và tích hợp Giấy chứng nhận trên VNeID.',
      en: 'Land-user and owner data digitised, reconciled and verified; land certificates shown in VNeID.',
    },
    leadUnitId: TNMT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA, XP, VHTT],
    force: 'Tổ công tác Đề án 06 các cấp và Tổ Công nghệ số cộng đồng; Công an thị xã, phòng Tài nguyên và Môi trường, phòng Văn hoá và Thông tin thị xã',
    deadline: 'Quý 1/2024',
    tools: ['population_db', 'vneid'],
  },
  {
    number: 35,
    group: 4,
    section: '4.2',
    title: {
      vi: 'Số hóa tạo lập dữ liệu trên nền CSDLQG về DC như: lao động – thương binh và xã hội, các tổ chức hội, đoàn thể… phục vụ cải cách thủ tục hành chính',
      en: 'Sector data (labour and social affairs, associations) built on the population database',
    },
    goal: {
      vi: 'Tạo lập, số hóa dữ liệu ban đầu cho các đơn vị trên nền dữ liệu dân cư như: Lao động - Thương binh và xã hội, các hội, đoàn thể.',
      en: 'Create and digitise the first sector datasets on top of population data.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA, LD],
    force: 'Phòng Lao động - Thương binh và Xã hội thị xã; các tổ chức hội, đoàn thể; Tổ Đề án 06 các xã, phường; Công an thị xã',
    deadline: '30/12/2023',
    tools: ['population_db'],
  },
  {
    number: 36,
    group: 4,
    section: '4.3',
    title: { vi: 'Quản lý chương trình an sinh xã hội thông qua VNeID', en: 'Social-protection programmes through VNeID' },
    goal: {
      vi: 'Toàn bộ đối tượng an sinh xã hội được số hóa, "làm sạch", xác thực; theo dõi, giám sát, chi trả không dùng tiền mặt trên một nền tảng thống nhất.',
      en: 'All social-protection beneficiaries digitised, reconciled and verified, with cashless payments on one platform.',
    },
    leadUnitId: LD,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [XP, CA, VHTT],
    force: 'Tổ công tác Đề án 06 các cấp và Tổ Công nghệ số cộng đồng; các đơn vị tài chính ngân hàng, ví điện tử; Công an thị xã và phòng Văn hoá và Thông tin thị xã',
    deadline: 'Quý I/2024',
    tools: ['vneid', 'citizen_app'],
  },
  // III.5 — steering by leaders (7 models)
  {
    number: 37,
    group: 5,
    section: '5.1',
    title: { vi: 'Phân tích tình hình dân cư', en: 'Population analysis' },
    goal: {
      vi: 'Thông qua CSDLQG về DC phân tích tình hình dân cư trên địa bàn thị xã phục vụ chỉ đạo điều hành, thúc đẩy phát triển kinh tế - xã hội.',
      en: 'Analyse the town’s population from the population database for the town’s leaders.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VP, CA],
    force: 'Phòng Văn hoá và Thông tin, phối hợp Văn phòng HĐND & UBND thị xã và Công an thị xã',
    deadline: '30/11/2023',
    tools: ['ioc'],
  },
  {
    number: 38,
    group: 5,
    section: '5.2',
    title: { vi: 'Phân tích tình hình lao động', en: 'Labour-market analysis' },
    goal: {
      vi: 'Thông qua CSDLQG về DC phân tích tình hình lao động trên địa bàn thị xã phục vụ chỉ đạo điều hành, bảo đảm an sinh xã hội.',
      en: 'Analyse the town’s labour force from the population database for the town’s leaders.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VP, LD, CA],
    force: 'Phòng Văn hoá và Thông tin; Văn phòng HĐND & UBND thị xã; Công an; Phòng Lao động - Thương binh và Xã hội',
    deadline: '30/11/2023',
    tools: ['ioc'],
  },
  {
    number: 39,
    group: 5,
    section: '5.3',
    title: { vi: 'Phân tích tình hình du lịch thông qua lưu trú', en: 'Tourism analysis through stay notices' },
    goal: {
      vi: 'Thông qua CSDLQG về DC phân tích tình hình du lịch thông qua lưu trú trên địa bàn thị xã phục vụ chỉ đạo điều hành.',
      en: 'Analyse tourism from stay notices for the town’s leaders.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VP, CA],
    force: 'Phòng Văn hoá và Thông tin thị xã, Văn phòng HĐND & UBND thị xã, Công an thị xã',
    deadline: '30/11/2023',
    tools: ['ioc', 'analytics_platform'],
  },
  {
    number: 40,
    group: 5,
    section: '5.4',
    title: { vi: 'Phân tích tình hình trật tự, an toàn xã hội trên địa bàn', en: 'Public-order analysis' },
    goal: {
      vi: 'Thông qua CSDLQG về DC phân tích tình hình trật tự, an toàn xã hội trên địa bàn thị xã phục vụ chỉ đạo điều hành.',
      en: 'Analyse public order and safety for the town’s leaders.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [VP, CA],
    force: 'Phòng Văn hoá và Thông tin; Văn phòng HĐND & UBND thị xã, Công an thị xã',
    deadline: '30/11/2023',
    tools: ['ioc', 'analytics_platform'],
  },
  {
    number: 41,
    group: 5,
    section: '5.5',
    title: {
      vi: 'Triển khai cuộc thi sáng kiến phát triển ứng dụng khai thác dữ liệu phục vụ xây dựng Chính phủ số, xã hội số và nền kinh tế số',
      en: 'Innovation contest for applications built on data, for digital government, society and economy',
    },
    goal: {
      vi: 'Qua cuộc thi, cá nhân, tổ chức, doanh nghiệp công nghệ thông tin đóng góp sáng kiến, giải pháp cho Chuyển đổi số; tạo sản phẩm dựa trên dữ liệu mở.',
      en: 'A contest where people and IT businesses contribute ideas, producing products built on open data.',
    },
    leadUnitId: CA,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [XP],
    force: '',
    deadline: 'Trong năm 2024',
    tools: [],
  },
  {
    number: 42,
    group: 5,
    section: '5.6',
    title: { vi: 'Trung tâm Giám sát an ninh mạng SOC thị xã', en: 'The town’s security operations centre (SOC)' },
    goal: {
      vi: 'Triển khai các giải pháp bảo đảm an toàn an ninh thông tin tối thiểu cấp độ 3 theo Nghị định số 85/2016/NĐ-CP.',
      en: 'Information-security measures at level 3 or above under Decree 85/2016.',
    },
    leadUnitId: VHTT,
    leadBasis: 'section_iii',
    coordinatingUnitIds: [CA],
    force: 'Phòng Văn hoá và Thông tin thị xã, phối hợp phòng nghiệp vụ thuộc Sở Thông tin và Truyền thông; Công an thị xã',
    deadline: '30/12/2023',
    tools: ['soc'],
  },
  {
    number: 43,
    group: 5,
    section: '5.7',
    title: {
      vi: 'Tổ chức đào tạo, tập huấn an ninh, an toàn, bảo mật thông tin cho người sử dụng cuối (end user)',
      en: 'Information-security training for end users',
    },
    goal: {
      vi: 'Cung cấp kiến thức về an ninh, an toàn bảo mật thông tin, bảo vệ dữ liệu cá nhân cho người sử dụng cuối các hệ thống công nghệ thông tin.',
      en: 'Teach end users information security and personal-data protection.',
    },
    leadUnitId: VHTT,
    leadBasis: 'pilot_2023',
    coordinatingUnitIds: [CA],
    force: '',
    deadline: 'Quý I/2024',
    tools: [],
  },
];

/** The first month of the plan (section II.3: "Từ tháng 8/2023"). */
export const PLAN_FIRST_MONTH = '2023-08';

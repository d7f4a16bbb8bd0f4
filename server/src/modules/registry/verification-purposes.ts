/**
 * Why an identity is checked, and what each purpose may receive (purpose limitation, Luật Bảo vệ dữ liệu cá nhân
 * 91/2025/QH15): a hotel gets the name and the id it must notify, a hospital what it needs to admit a patient, the
 * police the whole record. Each purpose lists the roles that may declare it and the legal basis recorded in the audit
 * log with every check.
 */
import type { Role } from '../../kernel/auth.ts';

export const PERSON_FIELDS = [
  'personId',
  'fullName',
  'birthDate',
  'sex',
  'nationality',
  'ethnicity',
  'religion',
  'hometown',
  'permanentAddress',
  'currentAddress',
  'wardCode',
  'oldIds',
  'householdId',
  'status',
  'card',
  'eIdLevel',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface VerificationPurpose {
  label: { vi: string; en: string };
  roles: readonly Role[];
  fields: readonly PersonField[];
  legalBasis: string;
}

export const VERIFICATION_PURPOSES = {
  stay_notice: {
    label: { vi: 'Thông báo lưu trú', en: 'Accommodation notice' },
    roles: ['host', 'police'],
    fields: ['personId', 'fullName', 'birthDate'],
    legalBasis: 'Luật Cư trú 68/2020/QH14 Điều 30 (sửa đổi bởi Luật 118/2025/QH15); Thông tư 55/2021/TT-BCA',
  },
  entry_control: {
    label: { vi: 'Kiểm soát ra vào', en: 'Entry control' },
    roles: ['checkpoint_operator', 'police'],
    fields: ['personId', 'fullName'],
    legalBasis: 'Quyết định 06/QĐ-TTg (Đề án 06), mô hình 13–15; nội quy khu vực kiểm soát',
  },
  boarding: {
    label: { vi: 'Lên xe khách', en: 'Bus boarding' },
    roles: ['host', 'checkpoint_operator'],
    fields: ['personId', 'fullName'],
    legalBasis: 'Quyết định 06/QĐ-TTg (Đề án 06), mô hình 12 và 19; Luật Cư trú 68/2020/QH14 Điều 30',
  },
  medical_checkin: {
    label: { vi: 'Khám, chữa bệnh', en: 'Medical check-in' },
    roles: ['checkpoint_operator'],
    fields: ['personId', 'fullName', 'birthDate', 'sex', 'permanentAddress', 'currentAddress'],
    legalBasis: 'Luật Khám bệnh, chữa bệnh 15/2023/QH15; Quyết định 06/QĐ-TTg, mô hình 6',
  },
  notary: {
    label: { vi: 'Công chứng, chứng thực', en: 'Notarisation' },
    roles: ['checkpoint_operator', 'one_stop_officer'],
    fields: ['personId', 'fullName', 'birthDate', 'sex', 'nationality', 'permanentAddress', 'oldIds'],
    legalBasis: 'Luật Công chứng 46/2024/QH15; Nghị định 23/2015/NĐ-CP; Quyết định 06/QĐ-TTg, mô hình 8',
  },
  exam_checkin: {
    label: { vi: 'Dự thi, sát hạch', en: 'Exam check-in' },
    roles: ['checkpoint_operator'],
    fields: ['personId', 'fullName', 'birthDate', 'sex'],
    legalBasis: 'Quy chế thi của Bộ Giáo dục và Đào tạo / Bộ Công an; Quyết định 06/QĐ-TTg, mô hình 16, 21',
  },
  public_service: {
    label: { vi: 'Giải quyết thủ tục hành chính', en: 'Public service' },
    roles: ['one_stop_officer', 'police'],
    fields: ['personId', 'fullName', 'birthDate', 'sex', 'nationality', 'ethnicity', 'hometown', 'permanentAddress', 'currentAddress', 'oldIds', 'card'],
    legalBasis: 'Nghị định 45/2020/NĐ-CP (thủ tục hành chính trên môi trường điện tử); Chỉ thị 24/CT-TTg',
  },
  police_inquiry: {
    label: { vi: 'Nghiệp vụ công an', en: 'Police inquiry' },
    roles: ['police'],
    fields: PERSON_FIELDS,
    legalBasis: 'Luật Cư trú 68/2020/QH14; Luật Căn cước 26/2023/QH15; Luật Công an nhân dân 2018',
  },
} as const satisfies Record<string, VerificationPurpose>;

export type VerificationPurposeCode = keyof typeof VERIFICATION_PURPOSES;
export const VERIFICATION_PURPOSE_CODES = Object.keys(VERIFICATION_PURPOSES) as VerificationPurposeCode[];

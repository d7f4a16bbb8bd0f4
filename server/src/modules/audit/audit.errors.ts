import { defineErrors } from '../../kernel/errors.ts';

export const AuditErrors = defineErrors({
  AUDIT_NO_PERSON: {
    status: 403,
    vi: 'Tài khoản này không gắn với một công dân nên không có nhật ký truy cập dữ liệu cá nhân.',
    en: 'This account is not linked to a citizen, so it has no personal-data access log.',
  },
  AUDIT_BAD_RANGE: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: "từ" phải trước "đến".',
    en: 'Invalid time range: "from" must be before "to".',
  },
});

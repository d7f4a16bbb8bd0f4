import { defineErrors } from '../../kernel/errors.ts';

export const PlanErrors = defineErrors({
  PLAN_MODEL_NOT_FOUND: {
    status: 404,
    vi: 'Kế hoạch không có mô hình số {number}; các mô hình được đánh số từ 1 đến 43.',
    en: 'The plan has no model number {number}; models are numbered 1 to 43.',
  },
  PLAN_REPORT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy báo cáo tháng {month} của mô hình {number} (hoặc báo cáo không thuộc đơn vị của bạn).',
    en: 'There is no report for model {number} in {month} (or it is not your unit’s).',
  },
  PLAN_NO_UNIT: {
    status: 403,
    vi: 'Tài khoản báo cáo chưa gắn với đơn vị nào; đề nghị quản trị gán đơn vị (claim "unit") cho tài khoản.',
    en: 'This reporter account is not linked to a unit; ask an administrator to set its unit claim.',
  },
  PLAN_NOT_YOUR_ACTION: {
    status: 403,
    vi: 'Thao tác "{action}" do {party} thực hiện; bạn chỉ có thể xem báo cáo này.',
    en: 'The "{action}" action belongs to {party}; you may only view this report.',
  },
  PLAN_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái "{status}"; chỉ có thể {allowedVi}.',
    en: 'The report is "{statusEn}"; you can only {allowedEn}.',
  },
  PLAN_REPORT_INCOMPLETE: {
    status: 422,
    vi: 'Chưa thể nộp báo cáo: còn thiếu hoặc chưa hợp lệ {fields}. Hãy bổ sung rồi nộp lại; bản nháp đã được giữ nguyên.',
    en: 'The report cannot be submitted yet: {fields} missing or invalid. Complete them and submit again; the draft is unchanged.',
  },
  PLAN_MONTH_OUT_OF_RANGE: {
    status: 400,
    vi: 'Tháng {month} nằm ngoài thời gian thực hiện kế hoạch (từ tháng 8/2023) hoặc mô hình chưa được giao đơn vị chủ trì.',
    en: 'Month {month} is outside the plan (which starts in August 2023), or the model had no lead unit then.',
  },
  PLAN_MONTH_NOT_STARTED: {
    status: 400,
    vi: 'Tháng {month} chưa bắt đầu; chỉ báo cáo được tháng hiện tại hoặc các tháng trước.',
    en: 'Month {month} has not started; you can report on the current month or earlier ones.',
  },
  PLAN_REQUEST_ID_REUSED: {
    status: 409,
    vi: 'Mã yêu cầu (requestId) này đã được dùng cho một thao tác khác; hãy tạo mã mới cho mỗi thao tác.',
    en: 'This requestId was already used for another operation; use a new one for each operation.',
  },
  PLAN_UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không có đơn vị "{unitId}" trong danh mục đơn vị của kế hoạch.',
    en: 'There is no unit "{unitId}" in the plan’s units.',
  },
  PLAN_UNIT_EXISTS: {
    status: 409,
    vi: 'Đơn vị "{unitId}" đã có; hãy sửa đơn vị đó hoặc chọn mã khác.',
    en: 'Unit "{unitId}" already exists; edit it or choose another id.',
  },
  PLAN_SUCCESSION_INVALID: {
    status: 400,
    vi: 'Không thể ghi nhận kế thừa: {reason}',
    en: 'The succession cannot be recorded: {reason}',
  },
  PLAN_CONSOLIDATION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy báo cáo tổng hợp này.',
    en: 'There is no such consolidated report.',
  },
  PLAN_DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    vi: 'Số văn bản {number}/{symbol} năm {year} đã được dùng; hãy để trống để hệ thống cấp số tiếp theo.',
    en: 'Document number {number}/{symbol} of {year} is already used; leave it empty to take the next number.',
  },
  PLAN_NOTIFICATION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thông báo này (hoặc thông báo không dành cho bạn).',
    en: 'There is no such notification (or it is not addressed to you).',
  },
});

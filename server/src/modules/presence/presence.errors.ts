import { defineErrors } from '../../kernel/errors.ts';

export const PresenceErrors = defineErrors({
  ESTABLISHMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ sở trong phạm vi của bạn.', en: 'No such establishment within your scope.' },
  ESTABLISHMENT_NOT_APPROVED: {
    status: 409,
    vi: 'Cơ sở đang ở trạng thái "{status}"; chỉ cơ sở đã được công an phê duyệt mới gửi được thông báo.',
    en: 'The establishment is "{status}"; only an establishment approved by the police can submit.',
  },
  NO_ESTABLISHMENT: {
    status: 403,
    vi: 'Tài khoản của bạn không gắn với cơ sở nào.',
    en: 'Your account is not bound to an establishment.',
  },
  WRONG_ESTABLISHMENT_KIND: {
    status: 409,
    vi: 'Cơ sở loại "{kind}" không làm được việc này (cần: {allowed}).',
    en: 'An establishment of kind "{kind}" cannot do this (needs: {allowed}).',
  },
  GUESTS_NOT_VERIFIED: {
    status: 422,
    vi: 'Thông tin của khách số {guests} không khớp với Cơ sở dữ liệu quốc gia về dân cư. Đề nghị khách xuất trình thẻ căn cước hoặc kiểm tra lại; chưa có gì được ghi.',
    en: 'The particulars of guest(s) {guests} do not match the national population database. Ask for the ID card or check again; nothing was recorded.',
  },
  PERSON_NOT_VERIFIED: {
    status: 422,
    vi: 'Không xác thực được người này với Cơ sở dữ liệu quốc gia về dân cư.',
    en: 'This person could not be verified against the national population database.',
  },
  ARRIVAL_OUT_OF_RANGE: {
    status: 422,
    vi: 'Giờ đến không hợp lệ: không được sau hiện tại quá 1 giờ hoặc trước quá 30 ngày.',
    en: 'The arrival time is not valid: at most 1 hour ahead of now and at most 30 days ago.',
  },
  DEPARTURE_BEFORE_ARRIVAL: { status: 422, vi: 'Ngày dự kiến đi phải sau giờ đến.', en: 'The expected departure must be after the arrival.' },
  TRIP_REQUIRED: { status: 422, vi: 'Nhà xe gửi danh sách hành khách theo chuyến: cần tuyến, giờ xuất bến và biển số xe.', en: 'A bus operator submits a trip’s passenger list: route, departure time and plate are needed.' },
  STAY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lượt lưu trú này tại cơ sở của bạn.', en: 'No such stay at your establishment.' },
  ALREADY_CHECKED_OUT: { status: 409, vi: 'Khách đã trả phòng lúc {at}.', en: 'The guest already checked out at {at}.' },
  TICKET_CONFLICT: { status: 409, vi: 'Hành khách này đã có vé của chuyến {trip}.', en: 'This passenger already holds a ticket for trip {trip}.' },
  ALERT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cảnh báo trong địa bàn của bạn.', en: 'No such alert in your wards.' },
  RULE_INVALID: { status: 422, vi: 'Điều kiện của quy tắc không hợp lệ: {problems}', en: 'The rule’s condition is not valid: {problems}' },
  RULE_EXISTS: { status: 409, vi: 'Đã có quy tắc mang mã {id}.', en: 'A rule with id {id} already exists.' },
  RULE_NOT_FOUND: { status: 404, vi: 'Không có quy tắc {id}.', en: 'There is no rule {id}.' },
  NOT_YOUR_WARD: { status: 403, vi: 'Bạn không được giao địa bàn phường {ward}.', en: 'You are not assigned to ward {ward}.' },
  UNKNOWN_WARD_CODE: { status: 422, vi: 'Mã phường {ward} không thuộc các phường hiện nay của thị xã.', en: 'Ward code {ward} is not one of the town’s current wards.' },
  RANGE_TOO_LONG: { status: 422, vi: 'Khoảng thời gian tối đa 366 ngày, "từ" trước "đến".', en: 'The range is at most 366 days, with "from" before "to".' },
});

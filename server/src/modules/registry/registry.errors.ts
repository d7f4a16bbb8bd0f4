import { defineErrors } from '../../kernel/errors.ts';

export const RegistryErrors = defineErrors({
  RESIDENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy công dân trong phạm vi địa bàn bạn được giao.',
    en: 'No resident found within the wards assigned to you.',
  },
  HOUSEHOLD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hộ gia đình {householdId} trong địa bàn của bạn.', en: 'Household {householdId} was not found in your wards.' },
  CARD_NOT_FOUND: { status: 404, vi: 'Công dân không có thẻ mang mã này.', en: 'The resident has no card with this id.' },
  PARENT_NOT_FOUND: { status: 422, vi: 'Không tìm thấy {parent} với số định danh đã nhập.', en: 'No {parent} with the given personal id was found.' },
  WARD_NOT_ASSIGNED: {
    status: 403,
    vi: 'Bạn không được giao địa bàn phường/xã {ward}.',
    en: 'You are not assigned to ward {ward}.',
  },
  UNKNOWN_WARD: { status: 422, vi: 'Mã phường/xã {ward} không tồn tại vào ngày {date}.', en: 'Ward code {ward} does not exist on {date}.' },
  PURPOSE_NOT_ALLOWED: {
    status: 403,
    vi: 'Vai trò của bạn không được dùng mục đích "{purpose}". Mục đích được phép: {allowed}.',
    en: 'Your role may not use the purpose "{purpose}". Allowed purposes: {allowed}.',
  },
  QR_INVALID: {
    status: 400,
    vi: 'Không đọc được mã QR của thẻ: {reasonVi}',
    en: 'Cannot read the card QR code: {reasonEn}',
  },
  APP_CODE_INVALID: {
    status: 400,
    vi: 'Mã QR trên ứng dụng không hợp lệ, đã hết hạn hoặc đã được dùng. Đề nghị công dân mở lại "Mã QR của tôi".',
    en: 'The app QR code is invalid, expired or already used. Ask the citizen to reopen "My QR code".',
  },
  INVALID_NAME: {
    status: 422,
    vi: 'Họ và tên chỉ gồm chữ cái, dấu cách, dấu nháy hoặc gạch nối (tối đa 100 ký tự).',
    en: 'A full name holds only letters, spaces, apostrophes or hyphens (at most 100 characters).',
  },
  INVALID_DATE: { status: 422, vi: 'Ngày {field} không hợp lệ: {value}.', en: 'The {field} date is not valid: {value}.' },
  DATE_IN_FUTURE: { status: 422, vi: 'Ngày {field} không được sau hôm nay.', en: 'The {field} date cannot be after today.' },
  DATE_ORDER: { status: 422, vi: 'Ngày {later} không được trước ngày {earlier}.', en: 'The {later} date cannot be before the {earlier} date.' },
  RESIDENT_NOT_LIVING: {
    status: 409,
    vi: 'Công dân đang ở trạng thái "{status}"; chỉ ghi nhận thay đổi cho người đang cư trú.',
    en: 'The resident is "{status}"; changes are recorded only for living residents.',
  },
  CARD_TYPE_NOT_ISSUED_ON_DATE: {
    status: 422,
    vi: 'Thẻ {cardType} không được cấp vào ngày {date}: từ 01/07/2024 chỉ cấp thẻ Căn cước (Luật Căn cước 2023); trước đó cấp thẻ CCCD.',
    en: 'A {cardType} card is not issued on {date}: from 1 July 2024 only the Căn cước card is issued (Luật Căn cước 2023); before that, the CCCD.',
  },
  CARD_TOO_YOUNG: {
    status: 422,
    vi: 'Trước 01/07/2024 thẻ CCCD chỉ cấp cho công dân từ đủ 14 tuổi.',
    en: 'Before 1 July 2024 the CCCD card was issued only from the age of 14.',
  },
  CARD_NOT_ACTIVE: { status: 409, vi: 'Thẻ đang ở trạng thái "{status}"; chỉ thẻ đang hiệu lực mới bị thu hồi hoặc báo mất.', en: 'The card is "{status}"; only an active card can be revoked or reported lost.' },
  MOVE_NEEDS_WARD: {
    status: 422,
    vi: 'Chuyển đến trong thị xã cần mã phường mới và địa chỉ (hoặc hộ gia đình nhận).',
    en: 'A move within the town needs the new ward code and address (or the receiving household).',
  },
  BIRTH_NEEDS_HOUSEHOLD: {
    status: 422,
    vi: 'Khai sinh cần hộ gia đình của mẹ/cha, hoặc mã phường và địa chỉ cư trú.',
    en: 'A birth needs the mother’s or father’s household, or a ward code and address.',
  },
  ALREADY_WANTED: { status: 409, vi: 'Người này đã có trong danh sách truy tìm.', en: 'This person is already on the wanted list.' },
  NOT_WANTED: { status: 404, vi: 'Người này không có trong danh sách truy tìm.', en: 'This person is not on the wanted list.' },
});

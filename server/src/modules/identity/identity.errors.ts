import { defineErrors } from '../../kernel/errors.ts';

export const IdentityErrors = defineErrors({
  // One message for an unknown name, a wrong password and a locked account (OWASP ASVS V6.3.8: no account
  // enumeration); it says what happens after repeated failures so that a locked-out person knows to wait.
  IDENTITY_LOGIN_FAILED: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Sau nhiều lần sai liên tiếp, việc đăng nhập bằng mật khẩu bị tạm khóa 15 phút.',
    en: 'Wrong login name or password. After repeated failures, password login is locked for 15 minutes.',
  },
  IDENTITY_LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đã thử đăng nhập quá nhiều lần. Hãy thử lại sau {seconds} giây.',
    en: 'Too many login attempts. Try again in {seconds} seconds.',
  },
  IDENTITY_CODE_INVALID: {
    status: 400,
    vi: 'Mã xác nhận không đúng hoặc đã hết hạn. Hãy kiểm tra tin nhắn mới nhất hoặc yêu cầu mã mới.',
    en: 'The confirmation code is wrong or has expired. Check the latest message or ask for a new code.',
  },
  IDENTITY_PASSWORD_POLICY: {
    status: 422,
    vi: 'Mật khẩu chưa đạt yêu cầu: {reasonsVi}',
    en: 'The password does not meet the rules: {reasonsEn}',
  },
  IDENTITY_PASSWORD_WRONG: {
    status: 403,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  IDENTITY_ACCOUNT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tài khoản.',
    en: 'No such account.',
  },
  IDENTITY_USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã được dùng; hãy chọn tên khác.',
    en: 'The login name "{username}" is taken; choose another.',
  },
  IDENTITY_ROLES_INVALID: {
    status: 422,
    vi: 'Vai trò không phù hợp với loại tài khoản {kind}. Vai trò được phép: {allowed}.',
    en: 'These roles do not fit a {kind} account. Allowed roles: {allowed}.',
  },
  IDENTITY_NOT_ESTABLISHMENT_OWNER: {
    status: 403,
    vi: 'Chỉ tài khoản chủ cơ sở mới thêm được tài khoản nhân viên của cơ sở.',
    en: 'Only the owner account of an establishment may add its operator accounts.',
  },
  IDENTITY_NOT_CITIZEN_ACCOUNT: {
    status: 404,
    vi: 'Công dân này chưa có tài khoản định danh điện tử mức 1; hãy hướng dẫn đăng ký trước.',
    en: 'This citizen has no level 1 e-ID account yet; they must register first.',
  },
  IDENTITY_RESIDENT_OUT_OF_SCOPE: {
    status: 404,
    vi: 'Không tìm thấy công dân trong phạm vi địa bàn bạn được giao.',
    en: 'No resident found within the wards assigned to you.',
  },
  IDENTITY_DEPENDANT_INVALID: {
    status: 422,
    vi: 'Không gắn được trẻ vào tài khoản: thông tin không khớp, trẻ không cùng hộ với bạn, hoặc trẻ đã đủ 14 tuổi.',
    en: 'The child cannot be attached: the particulars do not match, the child is not in your household, or is 14 or older.',
  },
  IDENTITY_TOTP_INVALID: {
    status: 400,
    vi: 'Mã xác thực (TOTP) không đúng hoặc đã dùng. Hãy nhập mã 6 chữ số mới nhất trong ứng dụng xác thực.',
    en: 'The authenticator code (TOTP) is wrong or was already used. Enter the latest 6-digit code from your authenticator app.',
  },
  IDENTITY_TOTP_NOT_STARTED: {
    status: 409,
    vi: 'Chưa bắt đầu đăng ký ứng dụng xác thực; hãy tạo mã bí mật trước.',
    en: 'Authenticator enrolment has not started; create a secret first.',
  },
  IDENTITY_PASSKEY_INVALID: {
    status: 400,
    vi: 'Không xác minh được khóa truy cập (passkey). Hãy thử lại trên thiết bị đã đăng ký.',
    en: 'The passkey could not be verified. Try again on the device you registered.',
  },
  IDENTITY_PASSKEY_NOT_FOUND: {
    status: 404,
    vi: 'Không có khóa truy cập này trong tài khoản của bạn.',
    en: 'Your account has no such passkey.',
  },
  IDENTITY_CLIENT_NOT_FOUND: {
    status: 404,
    vi: 'Không có ứng dụng (client) {clientId}.',
    en: 'There is no client {clientId}.',
  },
  IDENTITY_CLIENT_INVALID: {
    status: 422,
    vi: 'Đăng ký ứng dụng không hợp lệ: {reason}',
    en: 'Invalid client registration: {reason}',
  },
  IDENTITY_CLIENT_PROTECTED: {
    status: 409,
    vi: 'Ứng dụng web của nền tảng do hệ thống quản lý; không sửa được qua API.',
    en: 'The platform web client is managed by the platform; it cannot be changed through the API.',
  },
  IDENTITY_KEYS_FROM_CONFIG: {
    status: 409,
    vi: 'Khóa ký lấy từ cấu hình JWT_PRIVATE_JWK; hãy đổi khóa bằng cách sửa cấu hình.',
    en: 'The signing key comes from JWT_PRIVATE_JWK; rotate it by changing the configuration.',
  },
  IDENTITY_CSRF_REJECTED: {
    status: 403,
    vi: 'Yêu cầu thay đổi dữ liệu từ trình duyệt thiếu mã chống giả mạo (tiêu đề x-da06-csrf). Hãy tải lại trang.',
    en: 'A state-changing browser request lacks its anti-forgery token (x-da06-csrf header). Reload the page.',
  },
  IDENTITY_SIGN_IN_INVALID: {
    status: 400,
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.',
    en: 'The sign-in attempt is invalid or has expired; sign in again.',
  },
  IDENTITY_RETURN_TO_INVALID: {
    status: 400,
    vi: 'Địa chỉ quay lại phải là một đường dẫn trong DA06 (bắt đầu bằng "/").',
    en: 'The return address must be a path within DA06 (starting with "/").',
  },
  IDENTITY_INTERACTION_EXPIRED: {
    status: 400,
    vi: 'Phiên đăng nhập đã hết hạn. Hãy quay lại ứng dụng và đăng nhập lại.',
    en: 'The login session has expired. Go back to the application and sign in again.',
  },
  IDENTITY_CROSS_SITE: {
    status: 403,
    vi: 'Biểu mẫu đăng nhập phải được gửi từ chính trang đăng nhập của DA06.',
    en: 'The login form must be submitted from the DA06 login page itself.',
  },
  IDENTITY_NO_PHONE: {
    status: 409,
    vi: 'Tài khoản chưa có số điện thoại để nhận mã; hãy liên hệ quản trị viên.',
    en: 'The account has no phone number to receive codes; contact an administrator.',
  },
});

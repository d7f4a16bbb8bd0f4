/**
 * Domain errors and their messages.
 *
 * Services throw `DomainError(code, params)`; they never import Fastify. Each module declares its codes with
 * `defineErrors`, giving the HTTP status and the message in Vietnamese and English (a message says what blocked the
 * action and what is allowed). One handler (kernel/http.ts) turns them into RFC 9457 problem documents.
 */

export type Language = 'vi' | 'en';

export interface ErrorDefinition {
  status: number;
  /** Message templates; `{name}` is replaced by the error's params. */
  vi: string;
  en: string;
}

const catalogue = new Map<string, ErrorDefinition>();

/** Registers a module's error codes; returns the codes as constants so call sites cannot misspell them. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(definitions: T): { readonly [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, definition] of Object.entries(definitions)) {
    const existing = catalogue.get(code);
    if (existing && (existing.vi !== definition.vi || existing.status !== definition.status)) {
      throw new Error(`error code ${code} is defined twice with different meanings`);
    }
    catalogue.set(code, definition);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function findErrorDefinition(code: string): ErrorDefinition | undefined {
  return catalogue.get(code);
}

export function listErrorDefinitions(): Array<[string, ErrorDefinition]> {
  return [...catalogue.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    /** Extra machine-readable members for the problem document (for example the fields that failed). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(renderMessage(code, 'en', params));
    this.name = 'DomainError';
  }

  get status(): number {
    return catalogue.get(this.code)?.status ?? 500;
  }
}

export function renderMessage(code: string, language: Language, params: ErrorParams = {}): string {
  const definition = catalogue.get(code);
  if (!definition) return code;
  return definition[language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Picks Vietnamese or English from an Accept-Language header (RFC 9110 §12.5.4), Vietnamese by default:
 * the first of vi/en in order of quality wins; other languages are ignored.
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}

/** Errors of the kernel itself: transport, authentication, generic validation. */
export const KernelErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ: {summary}',
    en: 'The request data is not valid: {summary}',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Cần đăng nhập: yêu cầu không mang mã truy cập (Bearer).',
    en: 'Sign-in required: the request carries no bearer access token.',
  },
  TOKEN_INVALID: {
    status: 401,
    vi: 'Mã truy cập không hợp lệ hoặc không do DA06 cấp.',
    en: 'The access token is invalid or was not issued by DA06.',
  },
  TOKEN_EXPIRED: { status: 401, vi: 'Mã truy cập đã hết hạn; hãy đăng nhập lại.', en: 'The access token has expired; sign in again.' },
  FORBIDDEN_ROLE: {
    status: 403,
    vi: 'Vai trò của bạn không được phép thực hiện thao tác này (cần một trong: {allowed}).',
    en: 'Your role may not perform this action (requires one of: {allowed}).',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to perform this action.' },
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: 'Không có địa chỉ {method} {path} trên DA06. Xem danh sách tại /api/docs.',
    en: 'There is no {method} {path} on DA06. See /api/docs for the list.',
  },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Xung đột dữ liệu: {reason}', en: 'Conflict: {reason}' },
  BODY_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn (tối đa {limit} byte).',
    en: 'The request body is too large (at most {limit} bytes).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung {contentType} không được hỗ trợ; hãy gửi application/json.',
    en: 'Content type {contentType} is not supported; send application/json.',
  },
  TOO_MANY_REQUESTS: { status: 429, vi: 'Quá nhiều yêu cầu; hãy thử lại sau.', en: 'Too many requests; try again later.' },
  INTERNAL_ERROR: {
    status: 500,
    vi: 'Lỗi hệ thống. Mã yêu cầu {requestId} đã được ghi lại để kiểm tra.',
    en: 'Internal error. Request {requestId} has been logged for investigation.',
  },
  NOT_READY: {
    status: 503,
    vi: 'Hệ thống chưa sẵn sàng: {reason}',
    en: 'The platform is not ready: {reason}',
  },
});

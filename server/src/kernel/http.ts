/**
 * The HTTP kernel: request ids, validation, access policy, and RFC 9457 problem documents.
 *
 * Rules enforced for every route:
 * - a route declares its access (`config.access`): public, or the roles it allows; a route without one stops
 *   start-up, so nothing is open by accident (deny by default);
 * - a protected route needs `Authorization: Bearer <jwt>` signed by the platform, or the web app's session cookie
 *   (`sessionActor`, plugged in by the identity module); missing → 401, forged or expired → 401, a role the route
 *   does not allow → 403;
 * - bodies are validated strictly (no type coercion, no unknown properties); query strings and path parameters are
 *   coerced from text (`?page=2`);
 * - every error leaves as `application/problem+json` with `type`, `title`, `status`, `detail` (in the request's
 *   Accept-Language, Vietnamese by default), a stable `code`, both languages under `messages`, and the request id.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isRole, type Actor, type Role, type TokenIssuer, ROLE_LABELS } from './auth.ts';
import { DomainError, KernelErrors, findErrorDefinition, negotiateLanguage, renderMessage, type Language } from './errors.ts';
import { redactValue } from './logger.ts';

export type Access = { public: true } | { roles: readonly Role[] };

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    language: Language;
  }
}

/** Path prefixes of routes registered by framework plugins (the OpenAPI browser): public, read-only pages. */
const FRAMEWORK_PUBLIC_PREFIXES = ['/api/docs'];

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/** Ids a client may propose for its request (so its logs and ours line up); anything else is replaced. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

export interface HttpKernelOptions {
  tokens: TokenIssuer;
  bodyLimit: number;
  /**
   * Authenticates a request that carries no bearer token (the web app's session cookie): an actor, or undefined when
   * it is not signed in. It may refuse with a DomainError (a state-changing request without its CSRF token). The
   * kernel imports no module, so the identity module plugs this in.
   */
  sessionActor?: (request: FastifyRequest) => Promise<Actor | undefined>;
}

export function installHttpKernel(app: FastifyInstance, options: HttpKernelOptions): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const strictAjv = createAjv(false);
  const coercingAjv = createAjv(true);

  // The API speaks JSON only: a text/plain body would otherwise reach the validators as a bare string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema));

  app.decorateRequest('actor', undefined);
  app.decorateRequest('language', 'vi');

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => method === 'HEAD') && route.config?.access) return;
    let access = route.config?.access;
    if (!access && FRAMEWORK_PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix))) {
      access = { public: true };
      route.config = { ...route.config, access };
      route.schema = { ...route.schema, hide: true };
    }
    if (!access) throw new Error(`route ${methods.join(',')} ${url} declares no access policy (config.access)`);
    if ('roles' in access) {
      if (access.roles.length === 0 || !access.roles.every(isRole)) throw new Error(`route ${url} lists unknown or no roles`);
      const roles = access.roles.map((role) => `${role} (${ROLE_LABELS[role].vi})`).join(', ');
      route.schema = {
        ...route.schema,
        security: [{ bearerAuth: [] }],
        description: [route.schema?.description, `Vai trò / roles: ${roles}`].filter(Boolean).join('\n\n'),
      };
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url, access, hasBody: route.schema?.body !== undefined });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (match) {
      try {
        request.actor = await options.tokens.verify(match[1]!);
      } catch (error) {
        reply.header('www-authenticate', 'Bearer realm="da06", error="invalid_token"');
        throw error;
      }
    } else {
      // No bearer token: the browser's session cookie, when one is configured (an Authorization header of another
      // scheme is not a session either).
      request.actor = header === undefined ? await options.sessionActor?.(request) : undefined;
      if (!request.actor) {
        reply.header('www-authenticate', 'Bearer realm="da06"');
        throw new DomainError(KernelErrors.UNAUTHENTICATED);
      }
    }
    if (!request.actor.roles.some((role) => access.roles.includes(role))) {
      throw new DomainError(KernelErrors.FORBIDDEN_ROLE, { allowed: access.roles.join(', ') });
    }
  });

  app.setNotFoundHandler((request, reply) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    sendProblem(request, reply, new DomainError(KernelErrors.ROUTE_NOT_FOUND, { method: request.method, path }));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    request.language ??= negotiateLanguage(request.headers['accept-language']);
    const domainError = toDomainError(error, request, options.bodyLimit);
    if (domainError.status >= 500) request.log.error({ err: error }, 'request failed');
    sendProblem(request, reply, domainError);
  });

  return routes;
}

function summariseValidation(errors: ErrorObject[] | FastifyError['validation'], context: string | undefined): {
  summary: string;
  errors: Array<{ path: string; message: string }>;
} {
  const list = (errors ?? []).slice(0, 20).map((error) => {
    const params = error.params as Record<string, unknown>;
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    return { path: `${context ?? 'body'}${error.instancePath}${extra}${missing}`, message: error.message ?? 'invalid' };
  });
  return { summary: list.map((entry) => `${entry.path} ${entry.message}`).join('; ').slice(0, 500), errors: list };
}

export function toDomainError(error: FastifyError, request: FastifyRequest, bodyLimit: number): DomainError {
  if (error instanceof DomainError) return error;
  if (error.validation) {
    const { summary, errors } = summariseValidation(error.validation, error.validationContext);
    return new DomainError(KernelErrors.VALIDATION_FAILED, { summary }, { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError(KernelErrors.BODY_TOO_LARGE, { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError(KernelErrors.UNSUPPORTED_MEDIA_TYPE, { contentType: String(request.headers['content-type'] ?? '').slice(0, 80) || '(none)' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError(KernelErrors.MALFORMED_JSON);
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new DomainError(KernelErrors.BAD_REQUEST);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new DomainError(KernelErrors.MALFORMED_JSON);
  if (error.statusCode === 413) return new DomainError(KernelErrors.BODY_TOO_LARGE, { limit: bodyLimit });
  if (error.statusCode === 415) return new DomainError(KernelErrors.UNSUPPORTED_MEDIA_TYPE, { contentType: '?' });
  if (error.statusCode === 429) return new DomainError(KernelErrors.TOO_MANY_REQUESTS);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new DomainError(KernelErrors.BAD_REQUEST);
  return new DomainError(KernelErrors.INTERNAL_ERROR, { requestId: String(request.id) });
}

const STATUS_TITLES: Record<number, { vi: string; en: string }> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad Request' },
  401: { vi: 'Chưa xác thực', en: 'Unauthorized' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not Found' },
  405: { vi: 'Phương thức không được phép', en: 'Method Not Allowed' },
  409: { vi: 'Xung đột', en: 'Conflict' },
  410: { vi: 'Không còn hiệu lực', en: 'Gone' },
  413: { vi: 'Nội dung quá lớn', en: 'Content Too Large' },
  415: { vi: 'Kiểu nội dung không hỗ trợ', en: 'Unsupported Media Type' },
  422: { vi: 'Không thể xử lý', en: 'Unprocessable Content' },
  423: { vi: 'Đang bị khóa', en: 'Locked' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too Many Requests' },
  500: { vi: 'Lỗi hệ thống', en: 'Internal Server Error' },
  503: { vi: 'Chưa sẵn sàng', en: 'Service Unavailable' },
};

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  messages: { vi: string; en: string };
  [extension: string]: unknown;
}

export function problemFor(error: DomainError, language: Language, requestId: string, instance: string): ProblemDocument {
  const status = findErrorDefinition(error.code) ? error.status : 500;
  const messages = { vi: renderMessage(error.code, 'vi', error.params), en: renderMessage(error.code, 'en', error.params) };
  return {
    ...error.extensions,
    type: `/api/problems/${error.code}`,
    title: (STATUS_TITLES[status] ?? STATUS_TITLES[500]!)[language],
    status,
    detail: messages[language],
    code: error.code,
    instance: instance.split('?')[0]!.slice(0, 200),
    requestId,
    messages,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError): void {
  const problem = problemFor(error, request.language ?? 'vi', String(request.id), request.url);
  if (problem.status >= 400 && problem.status < 500) {
    request.log.info({ code: problem.code, status: problem.status, detail: redactValue(problem.messages.en) }, 'request refused');
  }
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').header('content-language', request.language ?? 'vi').send(JSON.stringify(problem));
}

/** The actor of a protected route (the access hook has already checked it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError(KernelErrors.UNAUTHENTICATED);
  return request.actor;
}

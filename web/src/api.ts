/**
 * The one way the web app talks to the server.
 *
 * - Same origin only, with the session cookie (`credentials: 'same-origin'`): the browser never holds a token, the
 *   server is the web app's confidential OpenID client (backend-for-frontend, identity/web-session.ts).
 * - `Accept-Language` follows the UI language, so a problem's `detail` arrives in the language on screen.
 * - Every state-changing request carries the session's CSRF token in `x-da06-csrf`; the server refuses it otherwise.
 * - Errors are RFC 9457 problem documents; they become `ApiProblem`s that screens show as they are.
 * - 401 means the session ended: the browser goes through sign-in and comes back to the same page.
 */
import { currentLanguage } from './i18n/index.ts';

export const CSRF_HEADER = 'x-da06-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  messages?: { vi: string; en: string };
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

/** A refused or failed request, carrying the server's problem document. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemDocument;

  constructor(status: number, problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.problem = problem;
  }

  /** The message in `language` when the server sent both, else the detail it sent. */
  messageIn(language: 'vi' | 'en'): string | undefined {
    return this.problem.messages?.[language] ?? this.problem.detail;
  }

  /** Per-field messages of a validation problem, keyed by the body property (`body/fullName` → `fullName`). */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const field = /^body\/([A-Za-z0-9_]+)/.exec(error.path)?.[1];
      if (field && !result[field]) result[field] = error.message;
    }
    return result;
  }
}

let csrfToken: string | undefined;

/** Set by the session provider from GET /auth/session. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** The server-side sign-in (redirects to the OpenID provider's pages and back to `returnTo`). */
export function signInUrl(returnTo: string = currentPath(), options: { acr?: '2' } = {}): string {
  const query = new URLSearchParams({ returnTo, lang: currentLanguage() });
  if (options.acr) query.set('acr', options.acr);
  return `/auth/login?${query.toString()}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of going to sign-in (the session probe). */
  allowUnauthenticated?: boolean;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiProblem(0, { code: 'NETWORK_ERROR' });
  }
  if (response.status === 401 && !options.allowUnauthenticated) {
    window.location.assign(signInUrl());
  }
  if (!response.ok) {
    let problem: ProblemDocument = { status: response.status };
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        problem = (await response.json()) as ProblemDocument;
      } catch {
        // A body that is not JSON: keep the status alone.
      }
    }
    throw new ApiProblem(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A client-made idempotency key: a retry from a flaky phone or kiosk never doubles a record (DESIGN.md §2). */
export function newRequestId(): string {
  // crypto.randomUUID exists only in secure contexts; a kiosk on a plain-http LAN address still needs keys.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

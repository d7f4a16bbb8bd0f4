/**
 * Structured logging that never writes personal data in clear.
 *
 * Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 treats ID numbers as personal data: logs are copied to places with
 * weaker access control than the database, so they must not carry them. Rules enforced here:
 * - fields whose name says they hold personal data (ID numbers, names, birth dates, phones, addresses, QR payloads,
 *   tokens, passwords) are replaced by "[redacted]" at any depth;
 * - runs of 9 or more digits in any string (ID numbers, old CMND numbers, phone numbers) are masked;
 * - request URLs are logged with their query values removed and digit runs masked.
 */
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

const PERSONAL_KEY =
  /^(person_?id|personids?|subject_?person_?id|old_?id|id_?number|card_?number|full_?name|name|given_?name|family_?name|middle_?name|birth_?date|date_?of_?birth|dob|phone|phone_?number|email|address|residence|hometown|qr|mrz|passport(_?number)?|password|otp|code_?verifier|authorization|cookie|token|access_?token|refresh_?token|id_?token|secret)$/i;

const LONG_DIGIT_RUN = /\d{9,}/g;

/** Replaces every run of 9+ digits by its length: "035090001234" → "[12 digits]". */
export function maskDigits(text: string): string {
  return text.replace(LONG_DIGIT_RUN, (run) => `[${run.length} digits]`);
}

/** A URL fit for logs: path with digit runs masked, query values dropped (they carry names and ids). */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const pathPart = maskDigits(queryStart === -1 ? url : url.slice(0, queryStart));
  if (queryStart === -1) return pathPart;
  const keys = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => pair.split('=')[0])
    .filter(Boolean);
  return `${pathPart}?${keys.map((k) => `${k}=…`).join('&')}`;
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskDigits(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskDigits(value.message), stack: value.stack ? maskDigits(value.stack) : undefined, code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = PERSONAL_KEY.test(key) ? '[redacted]' : redactValue(item, depth + 1);
  }
  return out;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskDigits(arg) : arg)) as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url ?? '') }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => redactValue(err),
      },
    },
    destination,
  );
}

/**
 * Time-based one-time passwords (RFC 6238) for staff second factors.
 *
 * Rules enforced:
 * - SHA-1, 6 digits, 30-second steps: what every authenticator app understands (RFC 6238 §4, Google Key URI format);
 * - 160-bit random secrets (RFC 4226 §4 R6 recommends at least 128, 160 is the HMAC-SHA-1 block);
 * - one step of clock drift either way is accepted (RFC 6238 §5.2);
 * - a code is accepted once: the caller stores the accepted time step and refuses any step not after it, so a code
 *   seen over a shoulder cannot be replayed within its 90-second validity (RFC 6238 §5.2).
 */
import * as OTPAuth from 'otpauth';

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'DA06';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/** The code for `at` (tests and the demo). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'code').generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, when it is valid at `at` and later than `lastStep`; otherwise undefined.
 */
export function acceptTotp(secretBase32: string, code: string, at: Date, lastStep: number | null): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpFor(secretBase32, 'check').validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}

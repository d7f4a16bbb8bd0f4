/**
 * Guests as the operator adds them, before the notice is sent: what was scanned or typed, and what to show for it.
 *
 * The card QR is read here only to show the name and number the operator expects to see (field layout of
 * registry/card-qr.ts: id | old id | name | birth date | sex | address | issue date, 6–12 fields); the server reads it
 * again and checks it against the registry. An app code ("DA06P:…") is one-time and short-lived, so it says nothing
 * here and must be sent while it is valid.
 */
import { cleanScan } from '../../components/ScannerInput.tsx';
import type { ForeignerInput, GuestInput } from './api.ts';

export type GuestSource = 'card' | 'app' | 'particulars' | 'passport';

export interface GuestDraft {
  key: string;
  source: GuestSource;
  input: GuestInput;
  /** A name (from the card, typed, or the passport), or empty for an app code. */
  name: string;
  /** The id or passport number shown beside the name. */
  reference: string;
  room?: string;
}

export const APP_CODE = /^DA06P:[A-Za-z0-9_-]+$/;

export function previewCardQr(text: string): { personId: string; fullName: string } | undefined {
  const fields = text.split('|');
  if (fields.length < 6 || fields.length > 12) return undefined;
  const personId = (fields[0] ?? '').trim();
  if (!/^\d{12}$/.test(personId)) return undefined;
  // The re-share format has no old-id field, so the name moves up one place.
  const fullName = (fields.length === 6 ? fields[1] : fields[2])?.normalize('NFC').replace(/\s+/g, ' ').trim() ?? '';
  return { personId, fullName };
}

let counter = 0;
function key(): string {
  counter += 1;
  return `g${Date.now().toString(36)}${counter}`;
}

export type ScanOutcome = { guest: GuestDraft } | { problem: 'unreadable' };

/** A scanner's (or the camera's) text as a guest: the app code or a card QR. */
export function guestFromScan(raw: string): ScanOutcome {
  const text = cleanScan(raw).normalize('NFC');
  if (APP_CODE.test(text)) return { guest: { key: key(), source: 'app', input: { appCode: text }, name: '', reference: `${text.slice(0, 12)}…` } };
  const card = previewCardQr(text);
  if (!card) return { problem: 'unreadable' };
  return { guest: { key: key(), source: 'card', input: { qr: text }, name: card.fullName, reference: card.personId } };
}

export function guestFromParticulars(values: { personId: string; fullName: string; birthDate: string }): GuestDraft {
  const fullName = values.fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
  return { key: key(), source: 'particulars', input: { personId: values.personId.trim(), fullName, birthDate: values.birthDate }, name: fullName, reference: values.personId.trim() };
}

export function guestFromPassport(values: ForeignerInput): GuestDraft {
  const foreigner: ForeignerInput = {
    passportNumber: values.passportNumber.trim().toUpperCase(),
    nationality: values.nationality.trim().toUpperCase(),
    fullName: values.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(),
    birthDate: values.birthDate,
    sex: values.sex,
    ...(values.visaNumber?.trim() ? { visaNumber: values.visaNumber.trim().toUpperCase() } : {}),
    ...(values.entryDate ? { entryDate: values.entryDate } : {}),
  };
  return { key: key(), source: 'passport', input: { foreigner }, name: foreigner.fullName, reference: `${foreigner.nationality} ${foreigner.passportNumber}` };
}

/** The same person twice in one notice is a mistake (a double scan): found by id number, passport or app code. */
export function sameGuest(a: GuestDraft, b: GuestDraft): boolean {
  if (a.source === 'app' || b.source === 'app') return 'appCode' in a.input && 'appCode' in b.input && a.input.appCode === b.input.appCode;
  if (a.source === 'passport' || b.source === 'passport') return a.source === b.source && a.reference === b.reference;
  return a.reference === b.reference;
}

/** The guest as the server takes it, with the guest's own room when one was given. */
export function guestPayload(guest: GuestDraft): GuestInput {
  return guest.room?.trim() ? { ...guest.input, room: guest.room.trim() } : guest.input;
}

/** Nationalities offered first (ISO 3166-1 alpha-3); any other code can be typed. */
export const COMMON_NATIONALITIES = ['CHN', 'KOR', 'JPN', 'USA', 'TWN', 'THA', 'LAO', 'KHM', 'SGP', 'MYS', 'IDN', 'PHL', 'IND', 'AUS', 'GBR', 'FRA', 'DEU', 'RUS', 'CAN'];

/** Calls to the presence module (/api/v1/presence) and the shapes it answers (presence.schemas.ts). */
import { api } from '../../api.ts';

export const ESTABLISHMENT_KINDS = [
  'hotel',
  'guesthouse',
  'homestay',
  'dormitory',
  'rental_rooms',
  'household',
  'hospital',
  'bus_operator',
  'tourist_site',
  'industrial_park_gate',
  'railway_station',
] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];
export const LODGING_KINDS: readonly string[] = ['hotel', 'guesthouse', 'homestay', 'dormitory', 'rental_rooms', 'household', 'hospital', 'bus_operator'];
export const STAY_REASONS = ['tourism', 'business', 'work', 'study', 'medical', 'family', 'transit', 'other'] as const;
export type StayReason = (typeof STAY_REASONS)[number];
/** Purposes the server accepts for reading a person's stays and entries (PersonPresenceQuery). */
export const PERSON_PURPOSES = ['police_inquiry', 'criminal_investigation', 'missing_person'] as const;

export interface Establishment {
  id: string;
  kind: EstablishmentKind | string;
  name: string;
  address: string;
  wardCode: string;
  policeWardCode: string;
  capacity: number | null;
  remoteArea: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'suspended' | string;
  createdAt: string;
}

export interface ForeignerInput {
  passportNumber: string;
  nationality: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  visaNumber?: string;
  entryDate?: string;
}

/** One guest as the server takes it: the card's QR text, the citizen app's code, the particulars, or a passport. */
export type GuestInput =
  | { qr: string; room?: string }
  | { appCode: string; room?: string }
  | { personId: string; fullName: string; birthDate: string; room?: string }
  | { foreigner: ForeignerInput; room?: string };

export interface StayNoticeRequest {
  requestId: string;
  arrivalAt: string;
  expectedDepartureAt?: string;
  room?: string;
  reason?: StayReason;
  guests: GuestInput[];
  trip?: { route: string; departureAt: string; vehiclePlate: string };
}

/** The operator's receipt. It never carries an alert or its reason (presence README: the receipt shows no reason). */
export interface Receipt {
  receiptCode: string;
  noticeId: string;
  establishmentId: string;
  submittedAt: string;
  lateCount: number;
  guests: Array<{ stayId: string; name: string; room: string | null; arrivalAt: string; deadlineAt: string; late: boolean }>;
  replayed: boolean;
}

export interface CurrentGuest {
  stayId: string;
  personId: string | null;
  name: string;
  nationality: string;
  passportNumber: string | null;
  room: string | null;
  arrivalAt: string;
  expectedDepartureAt: string | null;
  late: boolean;
}

export interface GuestList {
  establishment: Establishment;
  guests: CurrentGuest[];
}

export interface EntryResponse {
  direction: 'in' | 'out' | string;
  name: string;
  occupancy: number;
  replayed: boolean;
}

export interface Occupancy {
  siteId: string;
  name: string;
  inside: number;
  capacity: number | null;
}

export interface Alert {
  id: string;
  ruleId: string;
  ruleName: { vi: string; en: string };
  severity: 'critical' | 'high' | 'medium' | 'low' | string;
  policeWardCode: string;
  establishmentId: string;
  establishmentName: string;
  personId: string | null;
  personName: string | null;
  /** Only in the police list (GET /alerts); the live stream leaves it out. */
  reason?: string | null;
  source: 'stay' | 'entry' | 'boarding' | string;
  sourceId: string;
  raisedAt: string;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
}

export interface ComplianceRow {
  establishmentId: string;
  name: string;
  kind: string;
  policeWardCode: string;
  notices: number;
  guests: number;
  lateGuests: number;
  lastNoticeAt: string | null;
  silent: boolean;
}

export interface PersonPresence {
  personId: string;
  stays: Array<{ stayId: string; establishmentId: string; establishmentName: string; establishmentKind: string; wardCode: string; room: string | null; arrivalAt: string; departedAt: string | null; autoCheckedOut: boolean }>;
  entries: Array<{ entryId: string; siteId: string; siteName: string; direction: string; occurredAt: string; method: string }>;
}

export interface Breakdown {
  key: string;
  arrivals: number;
  nights: number;
}

export interface Tourism {
  from: string;
  to: string;
  ward: string | null;
  arrivals: number;
  nights: number;
  foreigners: number;
  averageNights: number;
  perDay: Array<{ day: string; arrivals: number }>;
  byNationality: Breakdown[];
  byKind: Breakdown[];
  byWard: Breakdown[];
}

export type PersonPresented = { qr: string } | { appCode: string } | { personId: string; fullName: string; birthDate: string };

const BASE = '/api/v1/presence';

export const presenceApi = {
  establishments: (query: { status?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => api<Establishment[]>(`${BASE}/establishments`, { query, signal }),
  establishment: (id: string, signal?: AbortSignal) => api<Establishment>(`${BASE}/establishments/${encodeURIComponent(id)}`, { signal }),
  registerEstablishment: (body: { requestId: string; kind: string; name: string; address: string; wardCode: string; policeWardCode?: string; capacity?: number; remoteArea?: boolean }) =>
    api<{ id: string; status: string }>(`${BASE}/establishments`, { method: 'POST', body }),
  decide: (id: string, body: { requestId: string; decision: 'approved' | 'rejected' | 'suspended' }) =>
    api<{ id: string; status: string }>(`${BASE}/establishments/${encodeURIComponent(id)}/decision`, { method: 'POST', body }),
  guestsOf: (id: string, signal?: AbortSignal) => api<GuestList>(`${BASE}/establishments/${encodeURIComponent(id)}/guests`, { signal }),
  myGuests: (signal?: AbortSignal) => api<GuestList>(`${BASE}/my/guests`, { signal }),
  /** Used by the offline queue, which must see a 401 itself rather than be taken to the sign-in page mid-send. */
  submitNotice: (body: StayNoticeRequest, signal?: AbortSignal) => api<Receipt>(`${BASE}/stay-notices`, { method: 'POST', body, signal, allowUnauthenticated: true }),
  checkOut: (stayId: string, body: { requestId: string; at?: string }, signal?: AbortSignal) =>
    api<{ stayId: string; departedAt: string; autoCheckedOut: boolean }>(`${BASE}/stays/${encodeURIComponent(stayId)}/check-out`, { method: 'POST', body, signal, allowUnauthenticated: true }),
  entry: (body: { requestId: string; direction: 'in' | 'out'; guest: PersonPresented }) => api<EntryResponse>(`${BASE}/entries`, { method: 'POST', body }),
  occupancy: (siteId: string, signal?: AbortSignal) => api<Occupancy>(`${BASE}/sites/${encodeURIComponent(siteId)}/occupancy`, { signal }),
  person: (personId: string, purpose: string, signal?: AbortSignal) => api<PersonPresence>(`${BASE}/persons/${encodeURIComponent(personId)}`, { query: { purpose }, signal }),
  alerts: (query: { unacknowledged?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) => api<Alert[]>(`${BASE}/alerts`, { query, signal }),
  acknowledge: (alertId: string, requestId: string) => api<{ id: string; acknowledged: boolean }>(`${BASE}/alerts/${encodeURIComponent(alertId)}/acknowledgement`, { method: 'POST', body: { requestId } }),
  compliance: (days: number, signal?: AbortSignal) => api<ComplianceRow[]>(`${BASE}/compliance`, { query: { days }, signal }),
  tourism: (query: { from: string; to: string; ward?: string }, signal?: AbortSignal) => api<Tourism>(`${BASE}/statistics/tourism`, { query, signal }),
};

export const ALERT_STREAM_URL = `${BASE}/alerts/stream`;

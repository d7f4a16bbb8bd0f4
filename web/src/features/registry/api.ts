/** Calls to the registry module (/api/v1/registry) and the shapes it answers (registry.schemas.ts). */
import { api } from '../../api.ts';

export interface Card {
  id: string;
  type: 'CMND' | 'CCCD' | 'CAN_CUOC' | string;
  number: string;
  issueDate: string;
  expiryDate: string | null;
  status: 'active' | 'replaced' | 'revoked' | 'lost' | string;
  expired: boolean;
}

export interface ResidentSummary {
  personId: string;
  fullName: string;
  birthDate: string;
  sex: string;
  wardCode: string;
  wardName: string | null;
  currentAddress: string | null;
  householdId: string | null;
  status: string;
}

export interface ResidentPage {
  items: ResidentSummary[];
  page: number;
  pageSize: number;
  total: number;
  totalIsCapped: boolean;
}

type Relative = { personId: string | null; fullName: string | null } | null;

export interface HouseholdMember {
  personId: string;
  fullName: string;
  birthDate: string;
  sex: string;
  relationToHead: string | null;
  status: string;
}

export interface HistoryEntry {
  version: number;
  changedAt: string;
  changedBy: string;
  kind: string;
  reason: string | null;
  fields: string[];
}

export interface ResidentRecord {
  personId: string;
  fullName: string;
  birthDate: string;
  sex: string;
  nationality: string;
  ethnicity: string;
  religion: string;
  hometown: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  wardCode: string;
  wardName: string | null;
  oldIds: string[];
  householdId: string | null;
  relationToHead: string | null;
  status: string;
  statusDate: string | null;
  eIdLevel: number;
  card: Card | null;
  version: number;
  father: Relative;
  mother: Relative;
  spouse: Relative;
  cards: Card[];
  household: { id: string; address: string; wardCode: string; headPersonId: string | null; members: HouseholdMember[] } | null;
  history: HistoryEntry[];
  wanted?: boolean;
}

export interface ChangeResult {
  personId: string;
  householdId?: string | null;
  wardCode?: string;
  status?: string;
  version?: number;
  replayed: boolean;
}

export interface ResidentQuery {
  q?: string;
  ward?: string;
  page?: number;
  pageSize?: number;
}

export interface VerifiedPerson {
  personId?: string;
  fullName?: string;
  birthDate?: string;
  sex?: string;
  nationality?: string;
  ethnicity?: string;
  religion?: string;
  hometown?: string | null;
  permanentAddress?: string | null;
  currentAddress?: string | null;
  wardCode?: string;
  oldIds?: string[];
  householdId?: string | null;
  status?: string;
  card?: Card | null;
  eIdLevel?: number;
}

export type VerificationOutcome = 'match' | 'mismatch' | 'not_found' | 'card_expired' | 'card_revoked' | 'deceased';

export interface VerificationResponse {
  result: VerificationOutcome;
  mismatchedFields: string[];
  person: VerifiedPerson | null;
  /** Remarks on the card's data, with the server's wording in both languages (one source for every station). */
  findings: Array<{ code: string; severity: string; field: string; message: { vi: string; en: string } }>;
  purpose: string;
  checkedAt: string;
}

export type VerificationRequest =
  | { qr: string; purpose: string }
  | { appCode: string; purpose: string }
  | { personId: string; fullName: string; birthDate: string; purpose: string };

const BASE = '/api/v1/registry';

export const registryApi = {
  searchResidents: (query: ResidentQuery, signal?: AbortSignal) => api<ResidentPage>(`${BASE}/residents`, { query: { ...query }, signal }),
  getResident: (personId: string, signal?: AbortSignal) => api<ResidentRecord>(`${BASE}/residents/${encodeURIComponent(personId)}`, { signal }),
  getMyRecord: (signal?: AbortSignal) => api<ResidentRecord>(`${BASE}/me`, { signal }),
  recordBirth: (body: Record<string, unknown>) => api<ChangeResult>(`${BASE}/births`, { method: 'POST', body }),
  recordDeath: (personId: string, body: Record<string, unknown>) => api<ChangeResult>(`${BASE}/residents/${personId}/death`, { method: 'POST', body }),
  recordMove: (personId: string, body: Record<string, unknown>) => api<ChangeResult>(`${BASE}/residents/${personId}/moves`, { method: 'POST', body }),
  issueCard: (personId: string, body: Record<string, unknown>) => api<Card & { replayed: boolean }>(`${BASE}/residents/${personId}/cards`, { method: 'POST', body }),
  changeCardStatus: (personId: string, cardId: string, body: Record<string, unknown>) =>
    api<Card & { replayed: boolean }>(`${BASE}/residents/${personId}/cards/${encodeURIComponent(cardId)}/status`, { method: 'POST', body }),
  verify: (body: VerificationRequest) => api<VerificationResponse>(`${BASE}/verifications`, { method: 'POST', body }),
  presentationCode: () => api<{ code: string; expiresAt: string; ttlSeconds: number }>(`${BASE}/presentation-codes`, { method: 'POST' }),
};

/** Kinh-language relation words in the registry's data → i18n keys (`relations.*`); others are shown as written. */
const RELATIONS: Record<string, string> = { 'Chủ hộ': 'head', Vợ: 'wife', Chồng: 'husband', Con: 'child', Bố: 'father', Mẹ: 'mother', Cháu: 'grandchild', 'Anh': 'sibling', 'Chị': 'sibling', 'Em': 'sibling' };

export function relationKey(relation: string | null | undefined): string | undefined {
  return relation ? RELATIONS[relation] : undefined;
}

/** Calls to the identity module's administration routes (/api/v1/identity) and their shapes (identity.schemas.ts). */
import { api } from '../../api.ts';

export interface Account {
  id: string;
  kind: 'citizen' | 'staff' | 'business' | string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  wards: string[];
  unitId: string | null;
  establishmentId: string | null;
  establishmentKind: string | null;
  isEstablishmentOwner: boolean;
  eIdLevel: number | null;
  status: 'active' | 'disabled' | string;
  passwordMustChange: boolean;
  secondFactors: { totp: boolean; passkeys: number };
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface CreatedAccount {
  account: Account;
  temporaryPassword: string | null;
  replayed: boolean;
}

export interface Client {
  clientId: string;
  name: string;
  kind: 'relying_party' | 'agency' | string;
  purpose: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  scopes: string[];
  subjectType: string;
  sectorIdentifier: string | null;
  apiAccess: boolean;
  roles: string[];
  wards: string[];
  tokenEndpointAuthMethod: string;
  status: string;
  createdAt: string;
}

export const ESTABLISHMENT_KINDS = ['hotel', 'rental_house', 'hospital', 'bus_operator', 'site_gate', 'pawn_shop', 'exam_centre'] as const;
/** identity client-registry.ts RELYING_PARTY_SCOPES. */
export const CLIENT_SCOPES = ['openid', 'profile', 'birthdate', 'address', 'person_id', 'api'] as const;

const BASE = '/api/v1/identity';

export const identityApi = {
  listAccounts: (query: { kind?: string; q?: string; page: number; pageSize: number }, signal?: AbortSignal) => api<Page<Account>>(`${BASE}/accounts`, { query, signal }),
  createStaff: (body: Record<string, unknown>) => api<CreatedAccount>(`${BASE}/accounts/staff`, { method: 'POST', body }),
  createBusiness: (body: Record<string, unknown>) => api<CreatedAccount>(`${BASE}/accounts/businesses`, { method: 'POST', body }),
  updateAccount: (id: string, body: Record<string, unknown>) => api<Account>(`${BASE}/accounts/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: string) => api<{ accountId: string; temporaryPassword: string }>(`${BASE}/accounts/${id}/password-reset`, { method: 'POST' }),
  resetSecondFactors: (id: string) => api<{ accountId: string; reset: boolean }>(`${BASE}/accounts/${id}/second-factor-reset`, { method: 'POST' }),
  unlock: (id: string) => api<{ accountId: string; unlocked: boolean }>(`${BASE}/accounts/${id}/unlock`, { method: 'POST' }),
  listClients: (query: { page: number; pageSize: number }, signal?: AbortSignal) => api<Page<Client>>(`${BASE}/clients`, { query, signal }),
  registerClient: (body: Record<string, unknown>) => api<{ client: Client; clientSecret: string | null; replayed: boolean }>(`${BASE}/clients`, { method: 'POST', body }),
  updateClient: (clientId: string, body: Record<string, unknown>) => api<Client>(`${BASE}/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body }),
  rotateClientSecret: (clientId: string) => api<{ clientId: string; clientSecret: string }>(`${BASE}/clients/${encodeURIComponent(clientId)}/secret`, { method: 'POST' }),
};

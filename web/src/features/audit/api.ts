/** Calls to the audit module (/api/v1/audit) that the web app makes. */
import { api } from '../../api.ts';

/** One read or change of the citizen's data (audit.schemas.ts OwnDataAccess): who by role, when, why, which fields. */
export interface OwnDataAccess {
  occurredAt: string;
  actorKind: string;
  actorRole: string;
  clientId: string | null;
  action: string;
  purpose: string;
  legalBasis: string;
  fields: string[];
  outcome: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const auditApi = {
  myDataAccess: (page: number, pageSize: number, signal?: AbortSignal) => api<Page<OwnDataAccess>>('/api/v1/audit/my-data-access', { query: { page, pageSize }, signal }),
};

/** i18n key of an audit action code (dots are i18next's key separator): registry.resident.read → registry_resident_read. */
export function actionKey(action: string): string {
  return action.replace(/\./g, '_');
}

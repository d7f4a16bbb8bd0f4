/**
 * Use cases of the audit log: record an entry, read entries (itself audited), show citizens who read their data,
 * and verify the chain.
 */
import type { Actor } from '../../kernel/auth.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { AuditRecord } from './audit.chain.ts';
import { AuditErrors } from './audit.errors.ts';
import { findEntries, verifyChain, type AuditEntryRow, type EntryFilter, type VerifyResult } from './audit.repository.ts';
import type { AuditWriter } from './audit.writer.ts';

/** Whoever acted when no person or client did (the scheduler, the seed, the CLI). */
export const SYSTEM_ACTOR: Actor = { kind: 'client', id: 'da06-system', roles: [], wards: [], scopes: [] };

export interface AuditEntryInput {
  actor: Actor;
  /** Dotted verb, module first: "registry.resident.read", "presence.stay.submit". */
  action: string;
  /** Purpose code the actor declared (Luật BVDLCN 2025: processing is bound to a purpose). */
  purpose: string;
  /** The law or decision that allows the processing. */
  legalBasis: string;
  subjectPersonId?: string | undefined;
  /** Names of the personal-data fields read or changed. */
  fields?: readonly string[];
  outcome?: AuditRecord['outcome'];
  requestId?: string | undefined;
  /** Context without names or id numbers in clear. */
  details?: Record<string, unknown>;
}

export interface AuditService {
  /** Resolves once the entry is durable. */
  record(input: AuditEntryInput): Promise<void>;
  search(actor: Actor, filter: Omit<EntryFilter, 'excludeActorId'>, requestId: string): Promise<{ rows: AuditEntryRow[]; total: number }>;
  /** Reads of and changes to the actor's own data by others (the citizen's "who read my data"). */
  accessToOwnData(actor: Actor, page: { limit: number; offset: number }, requestId: string): Promise<{ rows: AuditEntryRow[]; total: number }>;
  verify(): Promise<VerifyResult>;
  flush(): Promise<void>;
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

/** Legal bases of the audit module's own processing. */
const LEGAL_BASIS = {
  securityMonitoring: 'Nghị định 85/2016/NĐ-CP; Luật An ninh mạng 116/2025/QH15 (giám sát an toàn hệ thống thông tin cấp độ 3)',
  dataSubjectAccess: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (quyền được biết của chủ thể dữ liệu)',
};

export function createAuditService(deps: { db: Database; writer: AuditWriter; clock: Clock }): AuditService {
  const { db, writer, clock } = deps;

  function toRecord(input: AuditEntryInput): AuditRecord {
    const fields = [...(input.fields ?? [])];
    const badField = fields.find((field) => !FIELD_NAME.test(field));
    if (badField !== undefined) throw new Error(`audit field name "${badField.slice(0, 40)}" is not an identifier`);
    return {
      occurredAt: clock.now(),
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      actorRole: input.actor.roles.join(',') || 'system',
      clientId: input.actor.clientId ?? null,
      action: input.action,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      subjectPersonId: input.subjectPersonId ?? null,
      fields,
      outcome: input.outcome ?? 'success',
      requestId: input.requestId ?? null,
      details: input.details ?? null,
    };
  }

  const service: AuditService = {
    record: (input) => writer.write(toRecord(input)),

    async search(actor, filter, requestId) {
      const result = await findEntries(db, filter);
      await service.record({
        actor,
        action: 'audit.entries.read',
        purpose: 'security_monitoring',
        legalBasis: LEGAL_BASIS.securityMonitoring,
        subjectPersonId: filter.subjectPersonId,
        fields: ['audit.entry'],
        requestId,
        details: { returned: result.rows.length, filteredBySubject: filter.subjectPersonId !== undefined, action: filter.action ?? null },
      });
      return result;
    },

    async accessToOwnData(actor, page, requestId) {
      if (!actor.personId) throw new DomainError(AuditErrors.AUDIT_NO_PERSON);
      const result = await findEntries(db, { subjectPersonId: actor.personId, excludeActorId: actor.id, ...page });
      await service.record({
        actor,
        action: 'audit.own_data_access.read',
        purpose: 'data_subject_access',
        legalBasis: LEGAL_BASIS.dataSubjectAccess,
        subjectPersonId: actor.personId,
        fields: ['audit.entry'],
        requestId,
      });
      return result;
    },

    verify: () => verifyChain(db),
    flush: () => writer.flush(),
  };
  return service;
}

import { Type, type Static } from 'typebox';
import { Page, PageQuery, PersonIdSchema } from '../../kernel/schemas.ts';

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorId: Type.String(),
  actorRole: Type.String(),
  clientId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  subjectPersonId: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(Type.String()),
  outcome: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditEntryQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    subject: Type.Optional(PersonIdSchema),
    actor: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9_.]+$' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);
export type AuditEntryQuery = Static<typeof AuditEntryQuery>;

export const AuditEntryPage = Page(AuditEntry);

/** What a citizen sees of a read of their data: who (role and organisation), when, why and which fields. */
export const OwnDataAccess = Type.Object({
  occurredAt: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorRole: Type.String(),
  clientId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  fields: Type.Array(Type.String()),
  outcome: Type.String(),
});
export const OwnDataAccessPage = Page(OwnDataAccess);

export const VerifyReport = Type.Object({
  ok: Type.Boolean(),
  batches: Type.Integer(),
  entries: Type.Integer(),
  headBatchId: Type.Optional(Type.Integer()),
  batchId: Type.Optional(Type.Integer()),
  entryId: Type.Optional(Type.Integer()),
  position: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});

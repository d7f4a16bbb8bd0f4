import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { DomainError } from '../../kernel/errors.ts';
import { actorOf } from '../../kernel/http.ts';
import { PageQuery, pageWindow } from '../../kernel/schemas.ts';
import { AuditErrors } from './audit.errors.ts';
import type { AuditEntryRow } from './audit.repository.ts';
import { AuditEntryPage, AuditEntryQuery, OwnDataAccessPage, VerifyReport } from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';

function toEntry(row: AuditEntryRow) {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    clientId: row.client_id,
    action: row.action,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    subjectPersonId: row.subject_person_id,
    fields: row.fields,
    outcome: row.outcome,
    requestId: row.request_id,
  };
}

export function auditRoutes(audit: AuditService) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: Static<typeof AuditEntryQuery> }>(
      '/entries',
      {
        config: { access: { roles: ['soc_analyst', 'admin'] } },
        schema: {
          summary: 'Tra cứu nhật ký kiểm toán (việc tra cứu cũng được ghi nhật ký) / search the audit log (audited)',
          tags: ['audit'],
          querystring: AuditEntryQuery,
          response: { 200: AuditEntryPage },
        },
      },
      async (request) => {
        const { subject, actor, action, from, to } = request.query;
        const window = pageWindow(request.query);
        const fromDate = from ? new Date(from) : undefined;
        const toDate = to ? new Date(to) : undefined;
        if (fromDate && toDate && fromDate >= toDate) throw new DomainError(AuditErrors.AUDIT_BAD_RANGE);
        const result = await audit.search(
          actorOf(request),
          { subjectPersonId: subject, actorId: actor, action, from: fromDate, to: toDate, limit: window.limit, offset: window.offset },
          request.id,
        );
        return { items: result.rows.map(toEntry), page: window.page, pageSize: window.pageSize, total: result.total };
      },
    );

    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/my-data-access',
      {
        config: { access: { roles: ['citizen'] } },
        schema: {
          summary: 'Ai đã xem dữ liệu của tôi / who read my data',
          tags: ['audit'],
          querystring: PageQuery,
          response: { 200: OwnDataAccessPage },
        },
      },
      async (request) => {
        const window = pageWindow(request.query);
        const result = await audit.accessToOwnData(actorOf(request), window, request.id);
        return { items: result.rows.map(toEntry), page: window.page, pageSize: window.pageSize, total: result.total };
      },
    );

    app.get(
      '/verification',
      {
        config: { access: { roles: ['soc_analyst', 'admin'] } },
        schema: {
          summary: 'Kiểm tra toàn vẹn chuỗi nhật ký / verify the audit chain',
          tags: ['audit'],
          response: { 200: VerifyReport },
        },
      },
      async () => audit.verify(),
    );
  };
}

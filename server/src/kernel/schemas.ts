/**
 * Schemas shared by every module's routes.
 */
import { Type, type Static, type TSchema } from 'typebox';

export const PersonIdSchema = Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân (12 chữ số) / personal id number' });
export const IsoDateSchema = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD', maxLength: 10 });
export const WardCodeSchema = Type.String({ pattern: '^[0-9]{5}$', description: 'Mã đơn vị hành chính cấp xã (5 chữ số)' });

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type PageQuery = Static<typeof PageQuery>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  });
}

export function pageWindow(query: PageQuery): { limit: number; offset: number; page: number; pageSize: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { limit: pageSize, offset: (page - 1) * pageSize, page, pageSize };
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    messages: Type.Object({ vi: Type.String(), en: Type.String() }),
  },
  { additionalProperties: true, description: 'RFC 9457 problem document' },
);

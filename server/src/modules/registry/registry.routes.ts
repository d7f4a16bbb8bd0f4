import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../kernel/http.ts';
import { pageWindow, PageQuery } from '../../kernel/schemas.ts';
import type { AdministrativeUnit } from './administrative-units.ts';
import {
  BirthRequest,
  CardChangeResult,
  CardParams,
  CardRequest,
  CardStatusRequest,
  ChangeResult,
  DeathRequest,
  MoveRequest,
  PersonIdParams,
  PresentationCode,
  ResidentPage,
  ResidentQuery,
  ResidentRecord,
  UnitQuery,
  UnitResolution,
  VerificationRequest,
  VerificationResponse,
  WantedEntry,
  WantedRequest,
  Ward,
} from './registry.schemas.ts';
import type { RegistryService } from './registry.service.ts';

const police = { access: { roles: ['police'] as const } };
const tags = ['registry'];

function unitView(unit: AdministrativeUnit) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentId: unit.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    successorIds: unit.successorIds,
  };
}

export function registryRoutes(registry: RegistryService) {
  return async function routes(app: FastifyInstance) {
    app.post<{ Body: Static<typeof VerificationRequest> }>(
      '/verifications',
      {
        config: { access: { roles: ['police', 'one_stop_officer', 'host', 'checkpoint_operator'] } },
        schema: {
          summary: 'Xác thực danh tính theo mục đích (QR thẻ hoặc thông tin) / verify an identity for a purpose',
          description: 'Trả về chỉ những trường mà mục đích cho phép; mọi lần kiểm tra được ghi nhật ký. / Returns only the fields the purpose allows; every check is audited.',
          tags,
          body: VerificationRequest,
          response: { 200: VerificationResponse },
        },
      },
      async (request) => registry.verify(actorOf(request), request.body, request.id),
    );

    app.post(
      '/presentation-codes',
      {
        config: { access: { roles: ['citizen'] } },
        schema: {
          summary: 'Mã QR của tôi: mã dùng một lần, hiệu lực 60 giây / my QR code: single use, valid for 60 s',
          description: 'Ứng dụng xin mã mới mỗi 30 giây; ảnh chụp mã cũ không dùng được. / The app asks for a new code every 30 s; a screenshot of an old code fails.',
          tags,
          response: { 200: PresentationCode },
        },
      },
      async (request) => registry.issuePresentationCode(actorOf(request)),
    );

    app.get(
      '/me',
      {
        config: { access: { roles: ['citizen'] } },
        schema: { summary: 'Hồ sơ của tôi: thông tin, hộ gia đình, thẻ / my record, household and card', tags, response: { 200: ResidentRecord } },
      },
      async (request) => registry.getOwnRecord(actorOf(request), request.id),
    );

    app.get<{ Querystring: Static<typeof ResidentQuery> }>(
      '/residents',
      {
        config: police,
        schema: {
          summary: 'Tìm công dân (họ tên không dấu, số định danh, CMND, ngày sinh, phường, hộ) / search residents',
          tags,
          querystring: ResidentQuery,
          response: { 200: ResidentPage },
        },
      },
      async (request) => {
        const window = pageWindow(request.query);
        const { q, ward, bornFrom, bornTo, household } = request.query;
        const result = await registry.searchResidents(actorOf(request), { q, ward, bornFrom, bornTo, household, limit: window.limit, offset: window.offset }, request.id);
        return { ...result, page: window.page, pageSize: window.pageSize };
      },
    );

    app.get<{ Params: Static<typeof PersonIdParams> }>(
      '/residents/:personId',
      {
        config: police,
        schema: { summary: 'Hồ sơ một công dân: hộ gia đình, thẻ, lịch sử / a resident’s record', tags, params: PersonIdParams, response: { 200: ResidentRecord } },
      },
      async (request) => registry.getResident(actorOf(request), request.params.personId, request.id),
    );

    app.post<{ Body: Static<typeof BirthRequest> }>(
      '/births',
      { config: police, schema: { summary: 'Ghi nhận khai sinh / record a birth', tags, body: BirthRequest, response: { 200: ChangeResult } } },
      async (request) => registry.recordBirth(actorOf(request), request.body, request.id),
    );

    app.post<{ Params: Static<typeof PersonIdParams>; Body: Static<typeof DeathRequest> }>(
      '/residents/:personId/death',
      { config: police, schema: { summary: 'Ghi nhận khai tử / record a death', tags, params: PersonIdParams, body: DeathRequest, response: { 200: ChangeResult } } },
      async (request) => registry.recordDeath(actorOf(request), request.params.personId, request.body, request.id),
    );

    app.post<{ Params: Static<typeof PersonIdParams>; Body: Static<typeof MoveRequest> }>(
      '/residents/:personId/moves',
      { config: police, schema: { summary: 'Ghi nhận chuyển nơi ở / record a move', tags, params: PersonIdParams, body: MoveRequest, response: { 200: ChangeResult } } },
      async (request) => registry.recordMove(actorOf(request), request.params.personId, request.body, request.id),
    );

    app.post<{ Params: Static<typeof PersonIdParams>; Body: Static<typeof CardRequest> }>(
      '/residents/:personId/cards',
      { config: police, schema: { summary: 'Ghi nhận cấp thẻ căn cước / record a card issuance', tags, params: PersonIdParams, body: CardRequest, response: { 200: CardChangeResult } } },
      async (request) => registry.issueCard(actorOf(request), request.params.personId, request.body, request.id),
    );

    app.post<{ Params: Static<typeof CardParams>; Body: Static<typeof CardStatusRequest> }>(
      '/residents/:personId/cards/:cardId/status',
      {
        config: police,
        schema: { summary: 'Thu hồi hoặc báo mất thẻ / revoke a card or report it lost', tags, params: CardParams, body: CardStatusRequest, response: { 200: CardChangeResult } },
      },
      async (request) => registry.changeCardStatus(actorOf(request), request.params.personId, request.params.cardId, request.body, request.id),
    );

    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/wanted',
      { config: police, schema: { summary: 'Danh sách truy tìm trong địa bàn / the wanted list in my wards', tags, querystring: PageQuery, response: { 200: Type.Array(WantedEntry) } } },
      async (request) => registry.listWanted(actorOf(request), pageWindow(request.query), request.id),
    );

    app.post<{ Body: Static<typeof WantedRequest> }>(
      '/wanted',
      {
        config: police,
        schema: { summary: 'Thêm người vào danh sách truy tìm / add a person to the wanted list', tags, body: WantedRequest, response: { 200: Type.Object({ personId: Type.String(), active: Type.Boolean() }) } },
      },
      async (request) => registry.addWanted(actorOf(request), request.body, request.id),
    );

    app.delete<{ Params: Static<typeof PersonIdParams> }>(
      '/wanted/:personId',
      {
        config: police,
        schema: { summary: 'Xóa khỏi danh sách truy tìm / clear from the wanted list', tags, params: PersonIdParams, response: { 200: Type.Object({ personId: Type.String(), active: Type.Boolean() }) } },
      },
      async (request) => registry.clearWanted(actorOf(request), request.params.personId, request.id),
    );

    app.get(
      '/wards',
      {
        config: { access: { public: true } },
        schema: { summary: 'Các phường hiện nay của thị xã / the town’s current wards', tags, response: { 200: Type.Array(Ward) } },
      },
      async () => registry.units.current().map((ward) => ({ code: ward.code, name: ward.name, id: ward.id, validFrom: ward.validFrom })),
    );

    app.get<{ Querystring: Static<typeof UnitQuery> }>(
      '/units',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Đơn vị hành chính mang mã này vào một ngày, và đơn vị ngày nay / the unit with this code on a date, and what it is today',
          tags,
          querystring: UnitQuery,
          response: { 200: UnitResolution },
        },
      },
      async (request) => {
        const date = request.query.date ?? registry.today();
        const code = request.query.code;
        const unit = (['ward', 'commune', 'district', 'province'] as const).map((level) => registry.units.on(code, level, date)).find(Boolean);
        return { date, unit: unit ? unitView(unit) : null, today: unit ? registry.units.today(unit.id).map(unitView) : [] };
      },
    );
  };
}

import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../kernel/http.ts';
import { pageWindow } from '../../kernel/schemas.ts';
import type { GuestInput } from '../registry/index.ts';
import * as S from './presence.schemas.ts';
import type { Guest, PresenceService } from './presence.service.ts';

const tags = ['presence'];
const police = { access: { roles: ['police'] as const } };
const host = { access: { roles: ['host'] as const } };

/** Strips the per-guest room from what the registry checks. */
function presented<T extends { room?: string | undefined }>(guest: T): GuestInput {
  const { room: _room, ...rest } = guest;
  return rest as unknown as GuestInput;
}

export function presenceRoutes(presence: PresenceService) {
  return async function routes(app: FastifyInstance) {
    const streams = new Set<ServerResponse>();
    // Open alert streams would keep the server from closing: end them first.
    app.addHook('preClose', async () => {
      for (const stream of streams) stream.end();
    });

    app.post<{ Body: Static<typeof S.EstablishmentRequest> }>(
      '/establishments',
      {
        config: { access: { roles: ['host', 'checkpoint_operator', 'police', 'admin'] } },
        schema: { summary: 'Đăng ký cơ sở (chờ công an phê duyệt) / register an establishment', tags, body: S.EstablishmentRequest, response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) } },
      },
      async (request) => {
        const { requestId: _requestId, ...input } = request.body;
        return presence.registerEstablishment(actorOf(request), input as Parameters<PresenceService['registerEstablishment']>[1], request.id);
      },
    );

    app.get<{ Querystring: Static<typeof S.PageQuery> & { status?: string } }>(
      '/establishments',
      {
        config: { access: { roles: ['police', 'admin', 'host', 'checkpoint_operator'] } },
        schema: {
          summary: 'Các cơ sở trong địa bàn (công an) hoặc cơ sở của tôi / establishments in my wards, or mine',
          tags,
          querystring: Type.Intersect([S.PageQuery, Type.Object({ status: Type.Optional(Type.Union(['pending', 'approved', 'rejected', 'suspended'].map((s) => Type.Literal(s)))) })]),
          response: { 200: Type.Array(S.Establishment) },
        },
      },
      async (request) => presence.listEstablishments(actorOf(request), { status: request.query.status, ...pageWindow(request.query) }),
    );

    app.get<{ Params: Static<typeof S.EstablishmentIdParams> }>(
      '/establishments/:establishmentId',
      { config: { access: { roles: ['police', 'admin', 'host', 'checkpoint_operator'] } }, schema: { summary: 'Một cơ sở / one establishment', tags, params: S.EstablishmentIdParams, response: { 200: S.Establishment } } },
      async (request) => presence.getEstablishment(actorOf(request), request.params.establishmentId),
    );

    app.post<{ Params: Static<typeof S.EstablishmentIdParams>; Body: Static<typeof S.DecisionRequest> }>(
      '/establishments/:establishmentId/decision',
      {
        config: { access: { roles: ['police', 'admin'] } },
        schema: { summary: 'Phê duyệt, từ chối hoặc đình chỉ cơ sở / approve, reject or suspend', tags, params: S.EstablishmentIdParams, body: S.DecisionRequest, response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) } },
      },
      async (request) => presence.decideEstablishment(actorOf(request), request.params.establishmentId, request.body.decision, request.id),
    );

    app.get<{ Params: Static<typeof S.EstablishmentIdParams> }>(
      '/establishments/:establishmentId/guests',
      {
        config: { access: { roles: ['police', 'admin', 'host'] } },
        schema: { summary: 'Khách đang lưu trú tại cơ sở / current guests of an establishment', tags, params: S.EstablishmentIdParams, response: { 200: S.GuestList } },
      },
      async (request) => presence.currentGuests(actorOf(request), request.params.establishmentId, request.id),
    );

    app.post<{ Body: Static<typeof S.StayNoticeRequest> }>(
      '/stay-notices',
      {
        config: host,
        schema: {
          summary: 'Thông báo lưu trú (một hoặc nhiều khách; danh sách hành khách một chuyến xe) / submit an accommodation notice',
          description:
            'Hạn: trước 23 giờ ngày đến, hoặc trước 8 giờ sáng hôm sau nếu đến sau 23 giờ; người nước ngoài trong 12 giờ. Gửi lại cùng requestId trả về biên nhận cũ. / Due before 23:00 on arrival day (08:00 next day after 23:00); foreigners within 12 h. A retry with the same requestId returns the first receipt.',
          tags,
          body: S.StayNoticeRequest,
          response: { 200: S.Receipt },
        },
      },
      async (request) => {
        const body = request.body;
        const guests: Guest[] = body.guests.map((guest) => ('foreigner' in guest ? guest : { ...presented(guest), room: guest.room }));
        return presence.submitStayNotice(actorOf(request), { ...body, guests }, request.id);
      },
    );

    app.post<{ Params: Static<typeof S.StayIdParams>; Body: Static<typeof S.CheckOutRequest> }>(
      '/stays/:stayId/check-out',
      { config: host, schema: { summary: 'Trả phòng / check a guest out', tags, params: S.StayIdParams, body: S.CheckOutRequest, response: { 200: S.CheckOutResponse } } },
      async (request) => presence.checkOut(actorOf(request), request.params.stayId, request.body.at, request.id),
    );

    app.get(
      '/my/guests',
      { config: host, schema: { summary: 'Khách đang lưu trú tại cơ sở của tôi / guests at my establishment', tags, response: { 200: S.GuestList } } },
      async (request) => presence.currentGuests(actorOf(request), undefined, request.id),
    );

    app.get<{ Querystring: Static<typeof S.PageQuery> }>(
      '/my/notices',
      {
        config: host,
        schema: {
          summary: 'Các thông báo đã gửi của cơ sở (biên nhận) / notices my establishment submitted (receipts)',
          tags,
          querystring: S.PageQuery,
          response: {
            200: Type.Array(
              Type.Object({ receiptCode: Type.String(), noticeId: Type.String(), submittedAt: Type.String(), guestCount: Type.Integer(), lateCount: Type.Integer(), tripRoute: Type.Union([Type.String(), Type.Null()]) }),
            ),
          },
        },
      },
      async (request) => presence.myNotices(actorOf(request), pageWindow(request.query)),
    );

    app.post<{ Body: Static<typeof S.EntryRequest> }>(
      '/entries',
      {
        config: { access: { roles: ['checkpoint_operator'] } },
        schema: { summary: 'Ghi nhận ra/vào tại điểm kiểm soát / record a gate passage', tags, body: S.EntryRequest, response: { 200: S.EntryResponse } },
      },
      async (request) => presence.recordEntry(actorOf(request), { requestId: request.body.requestId, direction: request.body.direction, guest: presented(request.body.guest) }, request.id),
    );

    app.get<{ Params: Static<typeof S.EstablishmentIdParams> }>(
      '/sites/:establishmentId/occupancy',
      {
        config: { access: { roles: ['checkpoint_operator', 'police', 'admin'] } },
        schema: { summary: 'Số người đang ở trong khu vực / people inside a site now', tags, params: S.EstablishmentIdParams, response: { 200: S.Occupancy } },
      },
      async (request) => presence.occupancy(actorOf(request), request.params.establishmentId),
    );

    app.post<{ Body: Static<typeof S.TicketRequest> }>(
      '/tickets',
      { config: host, schema: { summary: 'Phát hành vé gắn số định danh hành khách / issue a ticket bound to the passenger’s id', tags, body: S.TicketRequest, response: { 200: S.Ticket } } },
      async (request) => presence.issueTicket(actorOf(request), request.body, request.id),
    );

    app.post<{ Body: Static<typeof S.BoardingRequest> }>(
      '/boardings',
      { config: host, schema: { summary: 'Lên xe bằng thẻ căn cước (mô hình 19) / board with the ID card (model 19)', tags, body: S.BoardingRequest, response: { 200: S.Boarding } } },
      async (request) => presence.board(actorOf(request), { tripCode: request.body.tripCode, guest: presented(request.body.guest) }, request.id),
    );

    app.get<{ Params: Static<typeof S.PersonIdParams>; Querystring: Static<typeof S.PersonPresenceQuery> }>(
      '/persons/:personId',
      {
        config: police,
        schema: {
          summary: 'Lưu trú và ra vào của một người (cần mục đích) / a person’s stays and entries (purpose required)',
          tags,
          params: S.PersonIdParams,
          querystring: S.PersonPresenceQuery,
          response: { 200: S.PersonPresence },
        },
      },
      async (request) => presence.personPresence(actorOf(request), request.params.personId, request.query.purpose, request.id),
    );

    app.get<{ Querystring: Static<typeof S.AlertQuery> }>(
      '/alerts',
      { config: police, schema: { summary: 'Cảnh báo trong địa bàn / alerts in my wards', tags, querystring: S.AlertQuery, response: { 200: Type.Array(S.Alert) } } },
      async (request) => presence.listAlerts(actorOf(request), { unacknowledged: request.query.unacknowledged, ...pageWindow(request.query) }, request.id),
    );

    app.get(
      '/alerts/stream',
      {
        config: police,
        schema: { summary: 'Luồng cảnh báo trực tiếp (server-sent events) / live alerts (server-sent events)', tags, produces: ['text/event-stream'] },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        reply.hijack();
        const stream = reply.raw;
        stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        stream.write('retry: 3000\n: connected\n\n');
        streams.add(stream);
        const unsubscribe = presence.subscribeAlerts(actor, (alert) => stream.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`), request.id);
        const heartbeat = setInterval(() => stream.write(': ping\n\n'), 15_000);
        heartbeat.unref();
        stream.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(stream);
        });
      },
    );

    app.post<{ Params: Static<typeof S.AlertIdParams>; Body: { requestId: string } }>(
      '/alerts/:alertId/acknowledgement',
      {
        config: police,
        schema: {
          summary: 'Xác nhận đã xử lý cảnh báo / acknowledge an alert',
          tags,
          params: S.AlertIdParams,
          body: Type.Object({ requestId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Type.String(), acknowledged: Type.Boolean() }) },
        },
      },
      async (request) => presence.acknowledgeAlert(actorOf(request), request.params.alertId, request.id),
    );

    app.get(
      '/alert-rules',
      { config: { access: { roles: ['police', 'admin'] } }, schema: { summary: 'Quy tắc cảnh báo / alert rules', tags, response: { 200: Type.Array(S.Rule) } } },
      async () => presence.listRules(),
    );

    app.post<{ Body: Static<typeof S.RuleRequest> }>(
      '/alert-rules',
      {
        config: { access: { roles: ['police', 'admin'] } },
        schema: { summary: 'Thêm quy tắc cảnh báo (không cần sửa mã) / add an alert rule (no code change)', tags, body: S.RuleRequest, response: { 200: S.Rule } },
      },
      async (request) => presence.addRule(actorOf(request), request.body, request.id),
    );

    app.post<{ Params: Static<typeof S.RuleIdParams>; Body: Static<typeof S.RuleActiveRequest> }>(
      '/alert-rules/:ruleId/active',
      {
        config: { access: { roles: ['police', 'admin'] } },
        schema: { summary: 'Bật hoặc tắt quy tắc / switch a rule on or off', tags, params: S.RuleIdParams, body: S.RuleActiveRequest, response: { 200: Type.Object({ id: Type.String(), active: Type.Boolean() }) } },
      },
      async (request) => presence.setRuleActive(actorOf(request), request.params.ruleId, request.body.active, request.id),
    );

    app.get<{ Querystring: Static<typeof S.ComplianceQuery> }>(
      '/compliance',
      {
        config: police,
        schema: { summary: 'Cơ sở thông báo muộn hoặc im lặng / establishments that notify late or not at all', tags, querystring: S.ComplianceQuery, response: { 200: Type.Array(S.ComplianceRow) } },
      },
      async (request) => presence.compliance(actorOf(request), request.query.days ?? 7),
    );

    app.get<{ Querystring: Static<typeof S.TourismQuery> }>(
      '/statistics/tourism',
      {
        config: { access: { roles: ['police', 'leader', 'admin'] } },
        schema: { summary: 'Du lịch qua lưu trú (mô hình 39): số liệu tổng hợp / tourism through stays (model 39): aggregates', tags, querystring: S.TourismQuery, response: { 200: S.Tourism } },
      },
      async (request) => presence.tourism(actorOf(request), request.query),
    );

    app.post(
      '/housekeeping',
      { config: { access: { roles: ['admin'] } }, schema: { summary: 'Chạy trả phòng tự động và xóa dữ liệu quá hạn / run auto check-out and retention now', tags, response: { 200: S.Housekeeping } } },
      async () => presence.runHousekeeping(),
    );
  };
}

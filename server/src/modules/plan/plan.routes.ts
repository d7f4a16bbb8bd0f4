import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Role } from '../../kernel/auth.ts';
import { actorOf } from '../../kernel/http.ts';
import { pageWindow } from '../../kernel/schemas.ts';
import {
  AcceptBody,
  BinaryFile,
  Consolidation,
  ConsolidationBody,
  ConsolidationList,
  DraftBody,
  Group,
  IdParams,
  LeadBody,
  ModelDetail,
  ModelFigures,
  ModelHistory,
  ModelParams,
  ModelSummary,
  MonthParams,
  Notification,
  NotificationPage,
  NotificationParams,
  NotificationQuery,
  OptionalMonthQuery,
  Overview,
  ReminderRun,
  Report,
  ReportHistory,
  ReportList,
  ReportParams,
  ReportQuery,
  ReturnBody,
  Submissions,
  SuccessionBody,
  Unit,
  UnitCreateBody,
  UnitParams,
  UnitUpdateBody,
} from './plan.schemas.ts';
import type { FileResult, PlanService } from './plan.service.ts';
import { Type } from 'typebox';

/** Everyone who works with the plan reads it; what a reporter sees of reports is narrowed by the service. */
const READERS: Role[] = ['working_group_secretary', 'unit_reporter', 'leader', 'admin'];
/** The standing agency, leaders and administrators: the whole town's picture. */
const STAFF: Role[] = ['working_group_secretary', 'leader', 'admin'];
const SECRETARY: Role[] = ['working_group_secretary'];
const REPORTER: Role[] = ['unit_reporter'];
const ADMIN: Role[] = ['admin'];
const tags = ['plan'];

function sendFile(reply: FastifyReply, file: FileResult) {
  // RFC 6266: an ASCII filename (the names are ASCII slugs) and the UTF-8 form.
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

export function planRoutes(plan: PlanService) {
  return async function routes(app: FastifyInstance) {
    app.get(
      '/groups',
      {
        config: { access: { roles: READERS } },
        schema: { summary: 'Năm nhóm mô hình của kế hoạch / the five groups of models', tags, response: { 200: Type.Array(Group) } },
      },
      async () => plan.listGroups(),
    );

    app.get(
      '/units',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Các đơn vị và lịch sử kế thừa (sắp xếp 2025) / units and their succession history',
          tags,
          response: { 200: Type.Array(Unit) },
        },
      },
      async () => plan.listUnits(),
    );

    app.get<{ Querystring: OptionalMonthQuery }>(
      '/models',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: '43 mô hình và tình trạng hiện tại / the 43 models with their current status',
          description: 'Không có ?month: tháng báo cáo gần nhất của mỗi mô hình. / Without ?month: each model’s latest reported month.',
          tags,
          querystring: OptionalMonthQuery,
          response: { 200: Type.Array(ModelSummary) },
        },
      },
      async (request) => plan.listModels(actorOf(request), request.query.month),
    );

    app.get<{ Params: ModelParams }>(
      '/models/:number',
      {
        config: { access: { roles: READERS } },
        schema: { summary: 'Một mô hình: mục tiêu, phân công, thời hạn, số liệu / one model', tags, params: ModelParams, response: { 200: ModelDetail } },
      },
      async (request) => plan.getModel(actorOf(request), request.params.number),
    );

    app.get<{ Params: ModelParams; Querystring: OptionalMonthQuery }>(
      '/models/:number/figures',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Số liệu trực tiếp của mô hình trong tháng / live figures of a model for a month',
          tags,
          params: ModelParams,
          querystring: OptionalMonthQuery,
          response: { 200: ModelFigures },
        },
      },
      async (request) => plan.modelFigures(actorOf(request), request.params.number, request.query.month),
    );

    app.get<{ Params: ModelParams }>(
      '/models/:number/history',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Lịch sử mô hình: phân công, các báo cáo và mọi thay đổi / history of a model',
          tags,
          params: ModelParams,
          response: { 200: ModelHistory },
        },
      },
      async (request) => plan.modelHistory(actorOf(request), request.params.number),
    );

    app.put<{ Params: ModelParams; Body: LeadBody }>(
      '/models/:number/lead',
      {
        config: { access: { roles: ADMIN } },
        schema: {
          summary: 'Giao đơn vị chủ trì mô hình từ một tháng / assign a model’s lead unit from a month',
          tags,
          params: ModelParams,
          body: LeadBody,
          response: { 200: ModelDetail },
        },
      },
      async (request) => plan.reassignLead(actorOf(request), request.params.number, request.body),
    );

    app.get<{ Querystring: ReportQuery }>(
      '/reports',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Danh sách báo cáo tháng (đơn vị chỉ thấy báo cáo của mình) / monthly reports (a unit sees its own)',
          tags,
          querystring: ReportQuery,
          response: { 200: ReportList },
        },
      },
      async (request) => plan.listReports(actorOf(request), request.query),
    );

    app.get<{ Params: ReportParams }>(
      '/reports/:month/:number',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Báo cáo tháng của một mô hình (chưa lập: mẫu điền sẵn số liệu) / a model’s monthly report',
          tags,
          params: ReportParams,
          response: { 200: Report },
        },
      },
      async (request) => plan.getReport(actorOf(request), request.params.month, request.params.number),
    );

    app.get<{ Params: ReportParams }>(
      '/reports/:month/:number/actions',
      {
        config: { access: { roles: READERS } },
        schema: {
          summary: 'Nhật ký thao tác và mọi phiên bản của báo cáo / the report’s action log and every version',
          tags,
          params: ReportParams,
          response: { 200: ReportHistory },
        },
      },
      async (request) => plan.reportHistory(actorOf(request), request.params.month, request.params.number),
    );

    app.put<{ Params: ReportParams; Body: DraftBody }>(
      '/reports/:month/:number/draft',
      {
        config: { access: { roles: REPORTER } },
        schema: {
          summary: 'Lưu nháp báo cáo tháng (đơn vị chủ trì) / save a draft (lead unit)',
          tags,
          params: ReportParams,
          body: DraftBody,
          response: { 200: Report },
        },
      },
      async (request) => plan.saveDraft(actorOf(request), request.params.month, request.params.number, request.body),
    );

    app.post<{ Params: ReportParams; Body: DraftBody }>(
      '/reports/:month/:number/submit',
      {
        config: { access: { roles: REPORTER } },
        schema: {
          summary: 'Nộp báo cáo tháng; sau ngày 11 tháng sau là nộp muộn / submit (late from the 12th of the next month)',
          tags,
          params: ReportParams,
          body: DraftBody,
          response: { 200: Report },
        },
      },
      async (request) => plan.submit(actorOf(request), request.params.month, request.params.number, request.body),
    );

    app.post<{ Params: ReportParams; Body: ReturnBody }>(
      '/reports/:month/:number/return',
      {
        config: { access: { roles: SECRETARY } },
        schema: {
          summary: 'Trả lại báo cáo kèm ý kiến để chỉnh sửa (Cơ quan Thường trực) / return a report for correction',
          tags,
          params: ReportParams,
          body: ReturnBody,
          response: { 200: Report },
        },
      },
      async (request) => plan.returnReport(actorOf(request), request.params.month, request.params.number, request.body),
    );

    app.post<{ Params: ReportParams; Body: AcceptBody }>(
      '/reports/:month/:number/accept',
      {
        config: { access: { roles: SECRETARY } },
        schema: {
          summary: 'Tiếp nhận báo cáo (Cơ quan Thường trực) / accept a report (standing agency)',
          tags,
          params: ReportParams,
          body: AcceptBody,
          response: { 200: Report },
        },
      },
      async (request) => plan.acceptReport(actorOf(request), request.params.month, request.params.number, request.body),
    );

    app.get<{ Params: MonthParams }>(
      '/months/:month/submissions',
      {
        config: { access: { roles: STAFF } },
        schema: {
          summary: 'Tình hình nộp báo cáo của các đơn vị trong tháng / which units have reported, which are late',
          tags,
          params: MonthParams,
          response: { 200: Submissions },
        },
      },
      async (request) => plan.submissions(request.params.month),
    );

    app.get<{ Querystring: OptionalMonthQuery }>(
      '/consolidations',
      {
        config: { access: { roles: STAFF } },
        schema: { summary: 'Các báo cáo tổng hợp đã ban hành / consolidated reports issued', tags, querystring: OptionalMonthQuery, response: { 200: ConsolidationList } },
      },
      async (request) => ({ items: await plan.listConsolidations(request.query.month) }),
    );

    app.post<{ Body: ConsolidationBody }>(
      '/consolidations',
      {
        config: { access: { roles: SECRETARY } },
        schema: {
          summary: 'Lập báo cáo tổng hợp của thị xã cho một tháng (cấp số văn bản) / issue the town’s consolidated report',
          tags,
          body: ConsolidationBody,
          response: { 201: Consolidation },
        },
      },
      async (request, reply) => reply.status(201).send(await plan.consolidate(actorOf(request), request.body)),
    );

    app.get<{ Params: IdParams }>(
      '/consolidations/:id/pdf',
      {
        config: { access: { roles: STAFF } },
        schema: {
          summary: 'Báo cáo tổng hợp dạng PDF để in (thể thức Nghị định 30/2020/NĐ-CP) / printable PDF',
          tags,
          params: IdParams,
          produces: ['application/pdf'],
          response: { 200: BinaryFile },
        },
      },
      async (request, reply) => sendFile(reply, await plan.consolidationFile(request.params.id, 'pdf')),
    );

    app.get<{ Params: IdParams }>(
      '/consolidations/:id/xlsx',
      {
        config: { access: { roles: STAFF } },
        schema: {
          summary: 'Báo cáo tổng hợp dạng bảng tính XLSX / the consolidated report as a workbook',
          tags,
          params: IdParams,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: BinaryFile },
        },
      },
      async (request, reply) => sendFile(reply, await plan.consolidationFile(request.params.id, 'xlsx')),
    );

    app.get<{ Querystring: OptionalMonthQuery }>(
      '/overview',
      {
        config: { access: { roles: STAFF } },
        schema: {
          summary: 'Tổng quan cho lãnh đạo: theo nhóm, theo đơn vị, mốc thời hạn / leaders’ overview',
          tags,
          querystring: OptionalMonthQuery,
          response: { 200: Overview },
        },
      },
      async (request) => plan.overview(actorOf(request), request.query.month),
    );

    app.get<{ Querystring: NotificationQuery }>(
      '/notifications',
      {
        config: { access: { roles: ['working_group_secretary', 'unit_reporter', 'admin'] } },
        schema: {
          summary: 'Nhắc việc: báo cáo và mô hình sắp đến hạn, quá hạn / reminders: due and overdue reports and models',
          tags,
          querystring: NotificationQuery,
          response: { 200: NotificationPage },
        },
      },
      async (request) => {
        const window = pageWindow(request.query);
        const result = await plan.listNotifications(actorOf(request), { unread: request.query.unread, limit: window.limit, offset: window.offset });
        return { items: result.items, page: window.page, pageSize: window.pageSize, total: result.total };
      },
    );

    app.post<{ Params: NotificationParams }>(
      '/notifications/:id/read',
      {
        config: { access: { roles: ['working_group_secretary', 'unit_reporter', 'admin'] } },
        schema: { summary: 'Đánh dấu đã đọc / mark a reminder read', tags, params: NotificationParams, response: { 200: Notification } },
      },
      async (request) => plan.markNotificationRead(actorOf(request), request.params.id),
    );

    app.post(
      '/reminders/run',
      {
        config: { access: { roles: ['admin', 'working_group_secretary'] } },
        schema: {
          summary: 'Chạy nhắc việc ngay (bình thường chạy theo giờ; không tạo trùng) / run reminders now (idempotent)',
          tags,
          response: { 200: ReminderRun },
        },
      },
      async () => plan.runReminders(),
    );

    app.post<{ Body: UnitCreateBody }>(
      '/units',
      {
        config: { access: { roles: ADMIN } },
        schema: { summary: 'Thêm đơn vị (ví dụ đơn vị kế thừa sau sắp xếp) / add a unit', tags, body: UnitCreateBody, response: { 201: Unit } },
      },
      async (request, reply) => reply.status(201).send(await plan.createUnit(actorOf(request), request.body)),
    );

    app.patch<{ Params: UnitParams; Body: UnitUpdateBody }>(
      '/units/:unitId',
      {
        config: { access: { roles: ADMIN } },
        schema: { summary: 'Sửa đơn vị: tên, hộp thư nhắc việc, ngày kết thúc / edit a unit', tags, params: UnitParams, body: UnitUpdateBody, response: { 200: Unit } },
      },
      async (request) => plan.updateUnit(actorOf(request), request.params.unitId, request.body),
    );

    app.post<{ Params: UnitParams; Body: SuccessionBody }>(
      '/units/:unitId/successions',
      {
        config: { access: { roles: ADMIN } },
        schema: {
          summary: 'Ghi nhận (xác nhận) đơn vị kế thừa: đổi tên, sáp nhập, chia tách / record or confirm a successor',
          tags,
          params: UnitParams,
          body: SuccessionBody,
          response: { 200: Unit },
        },
      },
      async (request) => plan.recordSuccession(actorOf(request), request.params.unitId, request.body),
    );
  };
}

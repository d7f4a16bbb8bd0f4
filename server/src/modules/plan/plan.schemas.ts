import { Type, type Static, type TSchema } from 'typebox';
import { IsoDateSchema, Page, PageQuery } from '../../kernel/schemas.ts';
import { MONTH_PATTERN } from './report-deadline.ts';
import { IMPLEMENTATION_STATUSES, REPORT_ACTIONS, REPORT_STATUSES } from './report-status.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Text = Type.Object({ vi: Type.String(), en: Type.String() });
export const MonthSchema = Type.String({ pattern: MONTH_PATTERN, description: 'Tháng báo cáo YYYY-MM / reporting month', maxLength: 7 });
export const UnitIdSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 64, description: 'Mã đơn vị / unit id (slug)' });
/** A client's idempotency key: a retry with the same key never doubles a record. */
export const RequestIdSchema = Type.String({ pattern: '^[A-Za-z0-9._:-]{8,100}$', description: 'Khóa chống gửi trùng / idempotency key' });
const ModelNumberSchema = Type.Integer({ minimum: 1, maximum: 43 });
const ShortText = (maxLength: number) => Type.String({ maxLength });

export const ModelParams = Type.Object({ number: ModelNumberSchema });
export type ModelParams = Static<typeof ModelParams>;
export const ReportParams = Type.Object({ month: MonthSchema, number: ModelNumberSchema });
export type ReportParams = Static<typeof ReportParams>;
export const MonthParams = Type.Object({ month: MonthSchema });
export type MonthParams = Static<typeof MonthParams>;
export const UnitParams = Type.Object({ unitId: UnitIdSchema });
export type UnitParams = Static<typeof UnitParams>;
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type IdParams = Static<typeof IdParams>;
export const NotificationParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
export type NotificationParams = Static<typeof NotificationParams>;
export const OptionalMonthQuery = Type.Object({ month: Type.Optional(MonthSchema) });
export type OptionalMonthQuery = Static<typeof OptionalMonthQuery>;

export const UnitRef = Type.Object({ id: Type.String(), name: Text, shortName: Text });

export const SuccessionLink = Type.Object({
  unitId: Type.String(),
  effectiveOn: Type.String(),
  kind: Type.String(),
  confirmed: Type.Boolean(),
  note: Text,
});

export const Unit = Type.Object({
  id: Type.String(),
  name: Text,
  shortName: Text,
  kind: Type.String(),
  standingAgency: Type.Boolean(),
  email: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  source: Type.String(),
  successors: Type.Array(SuccessionLink),
  predecessors: Type.Array(SuccessionLink),
});
export type Unit = Static<typeof Unit>;

export const Group = Type.Object({ number: Type.Integer(), section: Type.String(), title: Text, declaredModels: Type.Integer(), modelCount: Type.Integer() });
export type Group = Static<typeof Group>;

export const Deadline = Type.Object({
  text: Type.String({ description: 'Như kế hoạch ghi / as written' }),
  corrected: Nullable(Type.String()),
  correctionNote: Nullable(Text),
  kind: Type.String({ description: 'date | quarter | year | recurring | relative | unscheduled' }),
  date: Nullable(Type.String()),
  continuing: Type.Boolean(),
});

export const Tool = Type.Object({ key: Type.String(), label: Text });

export const ModelStatus = Type.Object({
  month: Type.String(),
  reportStatus: Type.String(),
  implementationStatus: Nullable(Type.String()),
  progressPercent: Nullable(Type.Integer()),
  late: Type.Boolean(),
});

export const ModelSummary = Type.Object({
  number: Type.Integer(),
  group: Type.Integer(),
  section: Type.String(),
  title: Text,
  leadUnit: UnitRef,
  awaitingReassignment: Type.Boolean(),
  pilot2023: Type.Boolean(),
  deadline: Deadline,
  tools: Type.Array(Tool),
  hasLiveFigures: Type.Boolean(),
  /** The month's report, or the latest reported month without ?month; null when none or not visible to the caller. */
  status: Nullable(ModelStatus),
  statusVisible: Type.Boolean(),
});
export type ModelSummary = Static<typeof ModelSummary>;

export const FigureBinding = Type.Object({
  hasLiveFigures: Type.Boolean(),
  note: Text,
  live: Type.Array(Type.Object({ key: Type.String(), label: Text, unit: Type.String() })),
  planned: Type.Array(Type.Object({ key: Type.String(), label: Text, unit: Type.String(), module: Type.String() })),
});

export const LeadHistoryEntry = Type.Object({ unit: UnitRef, validFrom: Type.String(), basis: Type.String(), note: Type.String(), recordedAt: Type.String(), recordedBy: Type.String() });

export const ModelDetail = Type.Object({
  ...ModelSummary.properties,
  goal: Text,
  force: Type.String(),
  leadBasis: Type.String(),
  note: Nullable(Text),
  coordinatingUnits: Type.Array(UnitRef),
  figures: FigureBinding,
  leads: Type.Array(LeadHistoryEntry),
});
export type ModelDetail = Static<typeof ModelDetail>;

export const LiveFigure = Type.Object({ key: Type.String(), label: Text, unit: Type.String(), value: Nullable(Type.Number()), error: Nullable(Type.String()) });
export const ModelFigures = Type.Object({ modelNumber: Type.Integer(), month: Type.String(), hasLiveFigures: Type.Boolean(), note: Text, figures: Type.Array(LiveFigure) });

export const ReportFigure = Type.Object({ key: Type.String(), label: Text, unit: Type.String(), value: Nullable(Type.Number()), source: Type.String() });

export const Report = Type.Object({
  id: Nullable(Type.String()),
  modelNumber: Type.Integer(),
  modelTitle: Text,
  month: Type.String(),
  unit: UnitRef,
  status: Type.Enum([...REPORT_STATUSES]),
  statusLabel: Text,
  implementationStatus: Nullable(Type.String()),
  implementationLabel: Nullable(Text),
  progressPercent: Nullable(Type.Integer()),
  results: Type.String(),
  figures: Type.Array(ReportFigure),
  difficulties: Type.String(),
  proposals: Type.String(),
  dueAt: Type.String({ format: 'date-time' }),
  lastOnTimeDay: Type.String(),
  firstSubmittedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  late: Type.Boolean(),
  returnComment: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  availableActions: Type.Array(Type.String()),
});
export type Report = Static<typeof Report>;

export const ReportList = Type.Object({ items: Type.Array(Report), total: Type.Integer() });

export const ReportQuery = Type.Object({
  month: Type.Optional(MonthSchema),
  unitId: Type.Optional(UnitIdSchema),
  status: Type.Optional(Type.Enum(['draft', 'submitted', 'returned', 'accepted'])),
  modelNumber: Type.Optional(ModelNumberSchema),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportActionEntry = Type.Object({
  seq: Type.Integer(),
  action: Type.Enum([...REPORT_ACTIONS]),
  fromStatus: Type.String(),
  toStatus: Type.String(),
  actorId: Type.String(),
  actorRoles: Type.String(),
  actorUnit: Nullable(Type.String()),
  at: Type.String(),
  comment: Nullable(Type.String()),
  content: Type.Object({
    implementationStatus: Nullable(Type.String()),
    progressPercent: Nullable(Type.Integer()),
    results: Type.String(),
    figures: Type.Array(ReportFigure),
    difficulties: Type.String(),
    proposals: Type.String(),
  }),
});
export const ReportHistory = Type.Object({ report: Report, actions: Type.Array(ReportActionEntry) });

const FigureInput = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$', maxLength: 64 }),
    value: Nullable(Type.Number({ minimum: -1e12, maximum: 1e12 })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    labelEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    unit: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const ContentFields = {
  implementationStatus: Type.Optional(Type.Enum([...IMPLEMENTATION_STATUSES])),
  progressPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  results: Type.Optional(ShortText(20_000)),
  figures: Type.Optional(Type.Array(FigureInput, { maxItems: 40 })),
  difficulties: Type.Optional(ShortText(10_000)),
  proposals: Type.Optional(ShortText(10_000)),
};

export const DraftBody = Type.Object({ requestId: RequestIdSchema, ...ContentFields }, { additionalProperties: false });
export type DraftBody = Static<typeof DraftBody>;
export const ReturnBody = Type.Object({ requestId: RequestIdSchema, comment: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type ReturnBody = Static<typeof ReturnBody>;
export const AcceptBody = Type.Object({ requestId: RequestIdSchema, comment: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });
export type AcceptBody = Static<typeof AcceptBody>;

const SubmissionCounts = {
  expected: Type.Integer(),
  submitted: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  accepted: Type.Integer(),
  returned: Type.Integer(),
  draft: Type.Integer(),
  missing: Type.Integer(),
};

export const Submissions = Type.Object({
  month: Type.String(),
  dueAt: Type.String(),
  lastOnTimeDay: Type.String(),
  pastDue: Type.Boolean(),
  totals: Type.Object(SubmissionCounts),
  units: Type.Array(
    Type.Object({
      unit: UnitRef,
      ...SubmissionCounts,
      reported: Type.Boolean({ description: 'Mọi mô hình của đơn vị đã nộp / every model submitted' }),
      isLate: Type.Boolean({ description: 'Có báo cáo nộp muộn hoặc quá hạn chưa nộp / a late or overdue report' }),
      missingModels: Type.Array(Type.Integer()),
      lateModels: Type.Array(Type.Integer()),
    }),
  ),
  models: Type.Array(Type.Object({ number: Type.Integer(), unitId: Type.String(), status: Type.String(), late: Type.Boolean(), submittedAt: Nullable(Type.String()) })),
});
export type Submissions = Static<typeof Submissions>;

export const ConsolidationBody = Type.Object(
  {
    requestId: RequestIdSchema,
    month: MonthSchema,
    number: Type.Optional(Type.Integer({ minimum: 1, maximum: 99_999 })),
    signerName: Type.Optional(Type.String({ maxLength: 120 })),
    signerTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    recipients: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ConsolidationBody = Static<typeof ConsolidationBody>;

export const Consolidation = Type.Object({
  id: Type.String(),
  month: Type.String(),
  documentNumber: Type.String(),
  number: Type.Integer(),
  symbol: Type.String(),
  issuedOn: Type.String(),
  signerName: Type.String(),
  signerTitle: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  totals: Type.Object({ models: Type.Integer(), reported: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), returned: Type.Integer(), missing: Type.Integer() }),
  links: Type.Object({ pdf: Type.String(), xlsx: Type.String() }),
});
export type Consolidation = Static<typeof Consolidation>;
export const ConsolidationList = Type.Object({ items: Type.Array(Consolidation) });

export const StatusCounts = Type.Object({
  completed: Type.Integer(),
  in_progress: Type.Integer(),
  blocked: Type.Integer(),
  not_started: Type.Integer(),
  not_reported: Type.Integer(),
});

export const Overview = Type.Object({
  month: Type.String(),
  generatedAt: Type.String(),
  reporting: Type.Object({ month: Type.String(), dueAt: Type.String(), pastDue: Type.Boolean(), expected: Type.Integer(), submitted: Type.Integer(), late: Type.Integer(), missing: Type.Integer() }),
  byGroup: Type.Array(Type.Object({ number: Type.Integer(), title: Text, models: Type.Integer(), counts: StatusCounts, averageProgress: Nullable(Type.Number()) })),
  byUnit: Type.Array(Type.Object({ unit: UnitRef, models: Type.Array(Type.Integer()), counts: StatusCounts, submitted: Type.Integer(), late: Type.Integer(), missing: Type.Integer() })),
  timeline: Type.Array(
    Type.Object({
      modelNumber: Type.Integer(),
      title: Text,
      unit: UnitRef,
      deadline: Deadline,
      state: Type.String({ description: 'done | overdue | due_soon | upcoming | recurring | conditional | unscheduled' }),
      daysLeft: Nullable(Type.Integer()),
    }),
  ),
  unreadNotifications: Type.Integer(),
});
export type Overview = Static<typeof Overview>;

export const ModelHistory = Type.Object({
  modelNumber: Type.Integer(),
  title: Text,
  leads: Type.Array(LeadHistoryEntry),
  reports: Type.Array(Type.Object({ report: Report, actions: Type.Array(ReportActionEntry) })),
});

export const Notification = Type.Object({
  id: Type.Integer(),
  audience: Type.String(),
  unit: UnitRef,
  period: Type.String(),
  kind: Type.String(),
  modelNumbers: Type.Array(Type.Integer()),
  title: Text,
  body: Text,
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
  emailStatus: Type.String(),
});
export const NotificationPage = Page(Notification);
export const NotificationQuery = Type.Intersect([PageQuery, Type.Object({ unread: Type.Optional(Type.Boolean()) })]);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const ReminderRun = Type.Object({ at: Type.String(), notificationsCreated: Type.Integer(), emailsSent: Type.Integer(), emailsFailed: Type.Integer() });
export const ReminderBody = Type.Object({ requestId: RequestIdSchema }, { additionalProperties: false });

const UNIT_KINDS = ['police', 'town_office', 'provincial_body', 'communes', 'other'] as const;
const EmailSchema = Type.String({ format: 'email', maxLength: 200 });
const TextInput = Type.Object({ vi: Type.String({ minLength: 2, maxLength: 200 }), en: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });

export const UnitCreateBody = Type.Object(
  {
    requestId: RequestIdSchema,
    id: UnitIdSchema,
    name: TextInput,
    shortName: Type.Optional(TextInput),
    kind: Type.Enum([...UNIT_KINDS]),
    validFrom: IsoDateSchema,
    email: Type.Optional(EmailSchema),
  },
  { additionalProperties: false },
);
export type UnitCreateBody = Static<typeof UnitCreateBody>;

export const UnitUpdateBody = Type.Object(
  {
    requestId: RequestIdSchema,
    email: Type.Optional(Nullable(EmailSchema)),
    name: Type.Optional(TextInput),
    shortName: Type.Optional(TextInput),
    validTo: Type.Optional(Nullable(IsoDateSchema)),
  },
  { additionalProperties: false },
);
export type UnitUpdateBody = Static<typeof UnitUpdateBody>;

export const SuccessionBody = Type.Object(
  {
    requestId: RequestIdSchema,
    successorId: UnitIdSchema,
    effectiveOn: IsoDateSchema,
    kind: Type.Enum(['renamed', 'merged_into', 'absorbed_by', 'split_into']),
    note: Type.Optional(Type.Object({ vi: Type.String({ maxLength: 500 }), en: Type.String({ maxLength: 500 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type SuccessionBody = Static<typeof SuccessionBody>;

export const LeadBody = Type.Object(
  { requestId: RequestIdSchema, unitId: UnitIdSchema, validFrom: MonthSchema, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type LeadBody = Static<typeof LeadBody>;

export const BinaryFile = Type.String({ description: 'Tệp nhị phân / binary file' });

import { Type, type Static } from 'typebox';
import { IsoDateSchema, PageQuery, PersonIdSchema, WardCodeSchema } from '../../kernel/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RequestId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description: 'Mã yêu cầu do thiết bị tạo: gửi lại không tạo bản ghi trùng' });
const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const EstablishmentKind = Type.Union(
  ['hotel', 'guesthouse', 'homestay', 'dormitory', 'rental_rooms', 'household', 'hospital', 'bus_operator', 'tourist_site', 'industrial_park_gate', 'railway_station'].map((kind) =>
    Type.Literal(kind),
  ),
);

export const EstablishmentRequest = Type.Object(
  {
    requestId: RequestId,
    kind: EstablishmentKind,
    name: Text(200),
    address: Text(300),
    wardCode: WardCodeSchema,
    policeWardCode: Type.Optional(WardCodeSchema),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    remoteArea: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Establishment = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  address: Type.String(),
  wardCode: Type.String(),
  policeWardCode: Type.String(),
  capacity: Nullable(Type.Integer()),
  remoteArea: Type.Boolean(),
  status: Type.String(),
  createdAt: Type.String(),
});

export const DecisionRequest = Type.Object(
  { requestId: RequestId, decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('suspended')]) },
  { additionalProperties: false },
);

export const EstablishmentIdParams = Type.Object({ establishmentId: Type.String({ pattern: '^CS-[0-9]{5}-[0-9A-F]{8}$' }) });
export const StayIdParams = Type.Object({ stayId: Type.String({ format: 'uuid' }) });
export const AlertIdParams = Type.Object({ alertId: Type.String({ format: 'uuid' }) });
export const RuleIdParams = Type.Object({ ruleId: Type.String({ pattern: '^[a-z0-9-]{3,40}$' }) });
export const PersonIdParams = Type.Object({ personId: PersonIdSchema });

const CardQrGuest = Type.Object({ qr: Type.String({ minLength: 1, maxLength: 4000 }), room: Type.Optional(Text(20)) }, { additionalProperties: false });
const AppCodeGuest = Type.Object({ appCode: Type.String({ minLength: 10, maxLength: 100, pattern: '^DA06P:[A-Za-z0-9_-]+$' }), room: Type.Optional(Text(20)) }, { additionalProperties: false });
const ParticularsGuest = Type.Object(
  { personId: PersonIdSchema, fullName: Text(100), birthDate: IsoDateSchema, cardIssueDate: Type.Optional(IsoDateSchema), room: Type.Optional(Text(20)) },
  { additionalProperties: false },
);
const ForeignGuest = Type.Object(
  {
    foreigner: Type.Object(
      {
        passportNumber: Type.String({ minLength: 5, maxLength: 20, pattern: '^[A-Za-z0-9]+$' }),
        nationality: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' }),
        fullName: Text(120),
        birthDate: IsoDateSchema,
        sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
        visaNumber: Type.Optional(Type.String({ minLength: 3, maxLength: 30, pattern: '^[A-Za-z0-9-]+$' })),
        entryDate: Type.Optional(IsoDateSchema),
      },
      { additionalProperties: false },
    ),
    room: Type.Optional(Text(20)),
  },
  { additionalProperties: false },
);
export const GuestSchema = Type.Union([CardQrGuest, AppCodeGuest, ParticularsGuest, ForeignGuest]);
export const PersonPresented = Type.Union([CardQrGuest, AppCodeGuest, ParticularsGuest]);

export const StayNoticeRequest = Type.Object(
  {
    requestId: RequestId,
    arrivalAt: DateTime,
    expectedDepartureAt: Type.Optional(DateTime),
    room: Type.Optional(Text(20)),
    reason: Type.Optional(Type.Union(['tourism', 'business', 'work', 'study', 'medical', 'family', 'transit', 'other'].map((reason) => Type.Literal(reason)))),
    guests: Type.Array(GuestSchema, { minItems: 1, maxItems: 80 }),
    trip: Type.Optional(Type.Object({ route: Text(120), departureAt: DateTime, vehiclePlate: Type.String({ minLength: 4, maxLength: 15, pattern: '^[0-9A-Z.-]+$' }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type StayNoticeRequest = Static<typeof StayNoticeRequest>;

export const Receipt = Type.Object({
  receiptCode: Type.String(),
  noticeId: Type.String(),
  establishmentId: Type.String(),
  submittedAt: Type.String(),
  lateCount: Type.Integer(),
  guests: Type.Array(Type.Object({ stayId: Type.String(), name: Type.String(), room: Nullable(Type.String()), arrivalAt: Type.String(), deadlineAt: Type.String(), late: Type.Boolean() })),
  replayed: Type.Boolean(),
});

export const CheckOutRequest = Type.Object({ requestId: RequestId, at: Type.Optional(DateTime) }, { additionalProperties: false });
export const CheckOutResponse = Type.Object({ stayId: Type.String(), departedAt: Type.String(), autoCheckedOut: Type.Boolean() });

export const GuestList = Type.Object({
  establishment: Establishment,
  guests: Type.Array(
    Type.Object({
      stayId: Type.String(),
      personId: Nullable(Type.String()),
      name: Type.String(),
      nationality: Type.String(),
      passportNumber: Nullable(Type.String()),
      room: Nullable(Type.String()),
      arrivalAt: Type.String(),
      expectedDepartureAt: Nullable(Type.String()),
      late: Type.Boolean(),
    }),
  ),
});

export const EntryRequest = Type.Object({ requestId: RequestId, direction: Type.Union([Type.Literal('in'), Type.Literal('out')]), guest: PersonPresented }, { additionalProperties: false });
export const EntryResponse = Type.Object({ direction: Type.String(), name: Type.String(), occupancy: Type.Integer(), replayed: Type.Boolean() });
export const Occupancy = Type.Object({ siteId: Type.String(), name: Type.String(), inside: Type.Integer(), capacity: Nullable(Type.Integer()) });

export const TicketRequest = Type.Object(
  { requestId: RequestId, tripCode: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }), departureAt: DateTime, personId: PersonIdSchema, seat: Type.Optional(Text(10)) },
  { additionalProperties: false },
);
export const Ticket = Type.Object({ ticketId: Type.String(), tripCode: Type.String(), seat: Nullable(Type.String()) });
export const BoardingRequest = Type.Object({ requestId: RequestId, tripCode: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }), guest: PersonPresented }, { additionalProperties: false });
export const Boarding = Type.Object({
  outcome: Type.Union([Type.Literal('boarded'), Type.Literal('no_ticket'), Type.Literal('already_boarded'), Type.Literal('not_verified')]),
  name: Nullable(Type.String()),
  seat: Nullable(Type.String()),
});

export const PersonPresenceQuery = Type.Object({ purpose: Type.Union([Type.Literal('police_inquiry'), Type.Literal('criminal_investigation'), Type.Literal('missing_person')]) });
export const PersonPresence = Type.Object({
  personId: Type.String(),
  stays: Type.Array(
    Type.Object({
      stayId: Type.String(),
      establishmentId: Type.String(),
      establishmentName: Type.String(),
      establishmentKind: Type.String(),
      wardCode: Type.String(),
      room: Nullable(Type.String()),
      arrivalAt: Type.String(),
      departedAt: Nullable(Type.String()),
      autoCheckedOut: Type.Boolean(),
    }),
  ),
  entries: Type.Array(Type.Object({ entryId: Type.String(), siteId: Type.String(), siteName: Type.String(), direction: Type.String(), occurredAt: Type.String(), method: Type.String() })),
});

export const Alert = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.Object({ vi: Type.String(), en: Type.String() }),
  severity: Type.String(),
  policeWardCode: Type.String(),
  establishmentId: Type.String(),
  establishmentName: Type.String(),
  personId: Nullable(Type.String()),
  personName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  source: Type.String(),
  sourceId: Type.String(),
  raisedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
});
export const AlertQuery = Type.Intersect([PageQuery, Type.Object({ unacknowledged: Type.Optional(Type.Boolean()) })]);

export const Rule = Type.Object({
  id: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  condition: Type.Unknown(),
  severity: Type.String(),
  active: Type.Boolean(),
});
export const RuleRequest = Type.Object(
  {
    requestId: RequestId,
    id: Type.String({ pattern: '^[a-z0-9-]{3,40}$' }),
    nameVi: Text(120),
    nameEn: Text(120),
    condition: Type.Object({}, { additionalProperties: true, description: 'Điều kiện (xem alert-rules.ts) / condition' }),
    severity: Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
  },
  { additionalProperties: false },
);
export const RuleActiveRequest = Type.Object({ requestId: RequestId, active: Type.Boolean() }, { additionalProperties: false });

export const ComplianceQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })) });
export const ComplianceRow = Type.Object({
  establishmentId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  policeWardCode: Type.String(),
  notices: Type.Integer(),
  guests: Type.Integer(),
  lateGuests: Type.Integer(),
  lastNoticeAt: Nullable(Type.String()),
  silent: Type.Boolean(),
});

export const TourismQuery = Type.Object({ from: IsoDateSchema, to: IsoDateSchema, ward: Type.Optional(WardCodeSchema) });
const Breakdown = Type.Array(Type.Object({ key: Type.String(), arrivals: Type.Integer(), nights: Type.Integer() }));
export const Tourism = Type.Object({
  from: Type.String(),
  to: Type.String(),
  ward: Nullable(Type.String()),
  arrivals: Type.Integer(),
  nights: Type.Integer(),
  foreigners: Type.Integer(),
  averageNights: Type.Number(),
  perDay: Type.Array(Type.Object({ day: Type.String(), arrivals: Type.Integer() })),
  byNationality: Breakdown,
  byKind: Breakdown,
  byWard: Breakdown,
});

export const Housekeeping = Type.Object({ autoCheckedOut: Type.Integer(), anonymisedStays: Type.Integer(), anonymisedEntries: Type.Integer(), deletedTickets: Type.Integer() });
export { PageQuery };

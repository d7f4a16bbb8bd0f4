import { Type, type Static } from 'typebox';
import { IsoDateSchema, PageQuery, PersonIdSchema, WardCodeSchema } from '../../kernel/schemas.ts';
import { VERIFICATION_PURPOSE_CODES } from './verification-purposes.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RequestId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description: 'Mã yêu cầu do máy khách tạo (idempotency key)' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Address = Type.String({ minLength: 3, maxLength: 300 });
const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);

export const AppCode = Type.String({ minLength: 10, maxLength: 100, pattern: '^DA06P:[A-Za-z0-9_-]+$', description: 'Mã QR trên ứng dụng công dân (dùng một lần)' });

export const Purpose = Type.Union(VERIFICATION_PURPOSE_CODES.map((code) => Type.Literal(code)), { description: 'Mục đích kiểm tra / purpose' });

export const VerificationRequest = Type.Union([
  Type.Object({ qr: Type.String({ minLength: 1, maxLength: 4000, description: 'Chuỗi QR trên thẻ' }), purpose: Purpose }, { additionalProperties: false }),
  Type.Object({ appCode: AppCode, purpose: Purpose }, { additionalProperties: false }),
  Type.Object(
    { personId: PersonIdSchema, fullName: Name, birthDate: IsoDateSchema, cardIssueDate: Type.Optional(IsoDateSchema), purpose: Purpose },
    { additionalProperties: false },
  ),
]);
export type VerificationRequest = Static<typeof VerificationRequest>;

const Finding = Type.Object({ code: Type.String(), severity: Type.String(), field: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) });

const CardView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  number: Type.String(),
  issueDate: Type.String(),
  expiryDate: Nullable(Type.String()),
  status: Type.String(),
  expired: Type.Boolean(),
});

/** Every field a purpose may receive; which ones are present depends on the purpose. */
const VerifiedPerson = Type.Object({
  personId: Type.Optional(Type.String()),
  fullName: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()),
  sex: Type.Optional(Type.String()),
  nationality: Type.Optional(Type.String()),
  ethnicity: Type.Optional(Type.String()),
  religion: Type.Optional(Type.String()),
  hometown: Type.Optional(Nullable(Type.String())),
  permanentAddress: Type.Optional(Nullable(Type.String())),
  currentAddress: Type.Optional(Nullable(Type.String())),
  wardCode: Type.Optional(Type.String()),
  oldIds: Type.Optional(Type.Array(Type.String())),
  householdId: Type.Optional(Nullable(Type.String())),
  status: Type.Optional(Type.String()),
  card: Type.Optional(Nullable(CardView)),
  eIdLevel: Type.Optional(Type.Integer()),
});

export const VerificationResponse = Type.Object({
  result: Type.Union(['match', 'mismatch', 'not_found', 'card_expired', 'card_revoked', 'deceased'].map((value) => Type.Literal(value))),
  mismatchedFields: Type.Array(Type.String()),
  person: Nullable(VerifiedPerson),
  findings: Type.Array(Finding),
  purpose: Type.String(),
  checkedAt: Type.String(),
});

export const ResidentQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Họ tên (không dấu cũng được), số định danh hoặc số CMND' })),
    ward: Type.Optional(WardCodeSchema),
    bornFrom: Type.Optional(IsoDateSchema),
    bornTo: Type.Optional(IsoDateSchema),
    household: Type.Optional(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
  }),
]);
export type ResidentQuery = Static<typeof ResidentQuery>;

export const ResidentSummary = Type.Object({
  personId: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  sex: Type.String(),
  wardCode: Type.String(),
  wardName: Nullable(Type.String()),
  currentAddress: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  status: Type.String(),
});

export const ResidentPage = Type.Object({
  items: Type.Array(ResidentSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  totalIsCapped: Type.Boolean({ description: 'true khi có hơn 1.000 kết quả / more than 1,000 matches' }),
});

const Relative = Nullable(Type.Object({ personId: Nullable(Type.String()), fullName: Nullable(Type.String()) }));

export const ResidentRecord = Type.Object({
  personId: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  sex: Type.String(),
  nationality: Type.String(),
  ethnicity: Type.String(),
  religion: Type.String(),
  hometown: Nullable(Type.String()),
  permanentAddress: Nullable(Type.String()),
  currentAddress: Nullable(Type.String()),
  wardCode: Type.String(),
  wardName: Nullable(Type.String()),
  oldIds: Type.Array(Type.String()),
  householdId: Nullable(Type.String()),
  relationToHead: Nullable(Type.String()),
  status: Type.String(),
  statusDate: Nullable(Type.String()),
  eIdLevel: Type.Integer(),
  card: Nullable(CardView),
  version: Type.Integer(),
  father: Relative,
  mother: Relative,
  spouse: Relative,
  cards: Type.Array(CardView),
  household: Nullable(
    Type.Object({
      id: Type.String(),
      address: Type.String(),
      wardCode: Type.String(),
      headPersonId: Nullable(Type.String()),
      members: Type.Array(
        Type.Object({ personId: Type.String(), fullName: Type.String(), birthDate: Type.String(), sex: Type.String(), relationToHead: Nullable(Type.String()), status: Type.String() }),
      ),
    }),
  ),
  history: Type.Array(
    Type.Object({ version: Type.Integer(), changedAt: Type.String(), changedBy: Type.String(), kind: Type.String(), reason: Nullable(Type.String()), fields: Type.Array(Type.String()) }),
  ),
  wanted: Type.Optional(Type.Boolean({ description: 'Chỉ hiển thị cho công an / police only' })),
});

export const PersonIdParams = Type.Object({ personId: PersonIdSchema });
export const CardParams = Type.Object({ personId: PersonIdSchema, cardId: Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9_-]+$' }) });

export const BirthRequest = Type.Object(
  {
    requestId: RequestId,
    fullName: Name,
    birthDate: IsoDateSchema,
    sex: Sex,
    motherId: Type.Optional(PersonIdSchema),
    fatherId: Type.Optional(PersonIdSchema),
    householdId: Type.Optional(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
    wardCode: Type.Optional(WardCodeSchema),
    address: Type.Optional(Address),
    birthProvinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{3}$' })),
    ethnicity: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    religion: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);
export type BirthRequest = Static<typeof BirthRequest>;

export const DeathRequest = Type.Object(
  { requestId: RequestId, dateOfDeath: IsoDateSchema, reason: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export type DeathRequest = Static<typeof DeathRequest>;

export const MoveRequest = Type.Object(
  {
    requestId: RequestId,
    moveDate: IsoDateSchema,
    destination: Type.Union([Type.Literal('within_town'), Type.Literal('out_of_town')]),
    newAddress: Type.Optional(Address),
    newWardCode: Type.Optional(WardCodeSchema),
    householdId: Type.Optional(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
    reason: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type MoveRequest = Static<typeof MoveRequest>;

export const CardRequest = Type.Object(
  { requestId: RequestId, issueDate: IsoDateSchema, cardType: Type.Optional(Type.Union([Type.Literal('CCCD'), Type.Literal('CAN_CUOC')])) },
  { additionalProperties: false },
);
export type CardRequest = Static<typeof CardRequest>;

export const CardStatusRequest = Type.Object(
  { requestId: RequestId, status: Type.Union([Type.Literal('revoked'), Type.Literal('lost')]), reason: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export type CardStatusRequest = Static<typeof CardStatusRequest>;

export const ChangeResult = Type.Object({
  personId: Type.String(),
  householdId: Type.Optional(Nullable(Type.String())),
  wardCode: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  replayed: Type.Boolean(),
});

export const CardChangeResult = Type.Intersect([CardView, Type.Object({ replayed: Type.Boolean() })]);

export const WantedRequest = Type.Object(
  { requestId: RequestId, personId: PersonIdSchema, reasonCode: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Z0-9_]+$' }) },
  { additionalProperties: false },
);
export type WantedRequest = Static<typeof WantedRequest>;

export const WantedEntry = Type.Object({
  personId: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  wardCode: Type.String(),
  reasonCode: Type.String(),
  addedAt: Type.String(),
});

export const UnitQuery = Type.Object({
  code: Type.String({ pattern: '^[0-9]{2,5}$' }),
  date: Type.Optional(IsoDateSchema),
});
export const UnitView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentId: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  successorIds: Type.Array(Type.String()),
});
export const UnitResolution = Type.Object({
  date: Type.String(),
  unit: Nullable(UnitView),
  today: Type.Array(UnitView),
});

export { PageQuery };

export const PresentationCode = Type.Object({
  code: Type.String({ description: 'Nội dung mã QR hiển thị trên điện thoại / what the phone shows as a QR code' }),
  expiresAt: Type.String(),
  ttlSeconds: Type.Integer(),
});

export const Ward = Type.Object({ code: Type.String(), name: Type.String(), id: Type.String(), validFrom: Type.String() });

import { Type, type Static } from 'typebox';
import { IsoDateSchema, PageQuery, PersonIdSchema } from '../../kernel/schemas.ts';
import { RELYING_PARTY_SCOPES } from './client-registry.ts';
import { BUSINESS_ROLES, ESTABLISHMENT_KINDS, STAFF_ROLES } from './identity.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RequestId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description: 'Mã yêu cầu do máy khách tạo (idempotency key)' });
const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
const Phone = Type.String({ minLength: 9, maxLength: 16, pattern: '^[+0-9 .()-]+$', description: 'Số di động Việt Nam / Vietnamese mobile number' });
const Username = Type.String({ minLength: 3, maxLength: 40, pattern: '^[a-z][a-z0-9._-]+$', description: 'Tên đăng nhập (chữ thường) / login name' });
const Password = Type.String({ minLength: 1, maxLength: 256, description: 'Mật khẩu (không bao giờ được ghi nhật ký) / password (never logged)' });
const Ward = Type.String({ pattern: '^([0-9]{5}|\\*)$' });
const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
const StaffRole = Type.Union(STAFF_ROLES.map((role) => Type.Literal(role)));
const BusinessRole = Type.Union(BUSINESS_ROLES.map((role) => Type.Literal(role)));

export const AccountIdParams = Type.Object({ accountId: Uuid });
export const ClientIdParams = Type.Object({ clientId: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' }) });
export const RegistrationIdParams = Type.Object({ registrationId: Uuid });
export const CredentialIdParams = Type.Object({ credentialId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,1400}$' }) });

export const Account = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  wards: Type.Array(Type.String()),
  unitId: Nullable(Type.String()),
  establishmentId: Nullable(Type.String()),
  establishmentKind: Nullable(Type.String()),
  isEstablishmentOwner: Type.Boolean(),
  eIdLevel: Nullable(Type.Integer()),
  status: Type.String(),
  passwordMustChange: Type.Boolean(),
  secondFactors: Type.Object({ totp: Type.Boolean(), passkeys: Type.Integer() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export const AccountPage = Type.Object({ items: Type.Array(Account), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });
export const AccountQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    kind: Type.Optional(Type.Union([Type.Literal('citizen'), Type.Literal('staff'), Type.Literal('business')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  }),
]);
export type AccountQuery = Static<typeof AccountQuery>;

export const CreatedAccount = Type.Object({
  account: Account,
  temporaryPassword: Nullable(Type.String({ description: 'Chỉ có trong lần trả lời đầu tiên / only in the first answer' })),
  replayed: Type.Boolean(),
});

export const StaffRequest = Type.Object(
  {
    requestId: RequestId,
    username: Username,
    displayName: DisplayName,
    phone: Type.Optional(Phone),
    roles: Type.Array(StaffRole, { minItems: 1, maxItems: 8, uniqueItems: true }),
    wards: Type.Optional(Type.Array(Ward, { maxItems: 50, uniqueItems: true })),
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type StaffRequest = Static<typeof StaffRequest>;

export const BusinessRequest = Type.Object(
  {
    requestId: RequestId,
    username: Username,
    displayName: DisplayName,
    phone: Type.Optional(Phone),
    roles: Type.Array(BusinessRole, { minItems: 1, maxItems: 2, uniqueItems: true }),
    establishmentId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    establishmentKind: Type.Union(ESTABLISHMENT_KINDS.map((kind) => Type.Literal(kind))),
    wards: Type.Optional(Type.Array(Ward, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type BusinessRequest = Static<typeof BusinessRequest>;

export const OperatorRequest = Type.Object(
  { requestId: RequestId, username: Username, displayName: DisplayName, phone: Type.Optional(Phone), roles: Type.Array(BusinessRole, { minItems: 1, maxItems: 2, uniqueItems: true }) },
  { additionalProperties: false },
);
export type OperatorRequest = Static<typeof OperatorRequest>;

export const AccountChange = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    phone: Type.Optional(Nullable(Phone)),
    roles: Type.Optional(Type.Array(Type.Union([StaffRole, BusinessRole, Type.Literal('citizen')]), { minItems: 1, maxItems: 8, uniqueItems: true })),
    wards: Type.Optional(Type.Array(Ward, { maxItems: 50, uniqueItems: true })),
    unitId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AccountChange = Static<typeof AccountChange>;

export const TemporaryPassword = Type.Object({ accountId: Type.String(), temporaryPassword: Type.String() });
export const ResetResult = Type.Object({ accountId: Type.String(), reset: Type.Boolean() });
export const UnlockResult = Type.Object({ accountId: Type.String(), unlocked: Type.Boolean() });

export const RegistrationRequest = Type.Object(
  { personId: PersonIdSchema, fullName: Type.String({ minLength: 1, maxLength: 100 }), birthDate: IsoDateSchema, phone: Phone },
  { additionalProperties: false },
);
export type RegistrationRequest = Static<typeof RegistrationRequest>;
export const RegistrationStarted = Type.Object({
  registrationId: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export const RegistrationConfirmation = Type.Object({ code: Type.String({ minLength: 4, maxLength: 12 }), password: Password }, { additionalProperties: false });
export type RegistrationConfirmation = Static<typeof RegistrationConfirmation>;
export const Registered = Type.Object({ accountId: Type.String(), username: Type.String(), eIdLevel: Type.Integer(), replayed: Type.Boolean() });

export const Level2Request = Type.Object(
  { requestId: RequestId, personId: PersonIdSchema, method: Type.Literal('in_person', { description: 'Kiểm tra trực tiếp tại cơ quan công an / checked in person' }) },
  { additionalProperties: false },
);
export type Level2Request = Static<typeof Level2Request>;
export const Level2Result = Type.Object({ accountId: Type.String(), personId: Type.String(), eIdLevel: Type.Integer(), previousLevel: Type.Integer(), replayed: Type.Boolean() });

export const DependantRequest = Type.Object({ personId: PersonIdSchema, fullName: Type.String({ minLength: 1, maxLength: 100 }), birthDate: IsoDateSchema }, { additionalProperties: false });
export type DependantRequest = Static<typeof DependantRequest>;
export const Dependant = Type.Object({ personId: Type.String(), fullName: Type.String(), birthDate: Type.String(), addedAt: Type.String({ format: 'date-time' }) });

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export type PasswordChange = Static<typeof PasswordChange>;
export const Changed = Type.Object({ changed: Type.Boolean() });

export const TotpStart = Type.Object({ secret: Type.String(), uri: Type.String() });
export const TotpConfirmation = Type.Object({ secret: Type.String({ minLength: 16, maxLength: 64 }), code: Type.String({ minLength: 6, maxLength: 8 }) }, { additionalProperties: false });
export type TotpConfirmation = Static<typeof TotpConfirmation>;
export const Enrolled = Type.Object({ enrolled: Type.Boolean() });

/** WebAuthn options (W3C WebAuthn Level 3 JSON serialisation), passed to navigator.credentials.create/get. */
export const WebAuthnOptions = Type.Object({ challenge: Type.String() }, { additionalProperties: true });
export const PasskeyRegistration = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 60 }),
    response: Type.Object(
      { id: Type.String({ maxLength: 1400 }), rawId: Type.String({ maxLength: 1400 }), type: Type.Literal('public-key'), response: Type.Object({}, { additionalProperties: true }) },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: false },
);
export type PasskeyRegistration = Static<typeof PasskeyRegistration>;
export const Passkey = Type.Object({
  credentialId: Type.String(),
  label: Type.String(),
  deviceType: Type.String(),
  backedUp: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const PasskeyCreated = Type.Object({ credentialId: Type.String(), label: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
export const Deleted = Type.Object({ deleted: Type.Boolean() });

const Scope = Type.Union(RELYING_PARTY_SCOPES.map((scope) => Type.Literal(scope)));
const RedirectUri = Type.String({ minLength: 8, maxLength: 500 });

export const Client = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  purpose: Type.String(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  grantTypes: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  subjectType: Type.String(),
  sectorIdentifier: Nullable(Type.String()),
  apiAccess: Type.Boolean(),
  roles: Type.Array(Type.String()),
  wards: Type.Array(Type.String()),
  tokenEndpointAuthMethod: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export const ClientPage = Type.Object({ items: Type.Array(Client), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

export const ClientRequest = Type.Object(
  {
    requestId: RequestId,
    clientId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' })),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    kind: Type.Union([Type.Literal('relying_party'), Type.Literal('agency')]),
    purpose: Type.String({ minLength: 5, maxLength: 500, description: 'Mục đích sử dụng dữ liệu cá nhân / purpose of the personal data received' }),
    redirectUris: Type.Optional(Type.Array(RedirectUri, { maxItems: 10, uniqueItems: true })),
    postLogoutRedirectUris: Type.Optional(Type.Array(RedirectUri, { maxItems: 10, uniqueItems: true })),
    scopes: Type.Optional(Type.Array(Scope, { maxItems: 10, uniqueItems: true })),
    subjectType: Type.Optional(Type.Union([Type.Literal('pairwise'), Type.Literal('public')])),
    sectorIdentifier: Type.Optional(Type.String({ minLength: 3, maxLength: 253 })),
    wards: Type.Optional(Type.Array(Ward, { maxItems: 50, uniqueItems: true })),
    tokenEndpointAuthMethod: Type.Optional(Type.Union([Type.Literal('client_secret_basic'), Type.Literal('client_secret_post')])),
  },
  { additionalProperties: false },
);
export type ClientRequest = Static<typeof ClientRequest>;
export const ClientCreated = Type.Object({ client: Client, clientSecret: Nullable(Type.String({ description: 'Chỉ có trong lần trả lời đầu tiên / only in the first answer' })), replayed: Type.Boolean() });

export const ClientChange = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    purpose: Type.Optional(Type.String({ minLength: 5, maxLength: 500 })),
    redirectUris: Type.Optional(Type.Array(RedirectUri, { minItems: 1, maxItems: 10, uniqueItems: true })),
    postLogoutRedirectUris: Type.Optional(Type.Array(RedirectUri, { maxItems: 10, uniqueItems: true })),
    scopes: Type.Optional(Type.Array(Scope, { minItems: 1, maxItems: 10, uniqueItems: true })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClientChange = Static<typeof ClientChange>;
export const ClientSecret = Type.Object({ clientId: Type.String(), clientSecret: Type.String() });

export const Consent = Type.Object({
  clientId: Type.String(),
  clientName: Type.String(),
  purpose: Type.String(),
  scopes: Type.Array(Type.String()),
  grantedAt: Type.String({ format: 'date-time' }),
});
export const ConsentWithdrawn = Type.Object({ clientId: Type.String(), withdrawn: Type.Boolean() });

export const KeyRotation = Type.Object({ kid: Type.String(), keys: Type.Integer() });

import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { ROLES, type Actor, type Role } from '../../kernel/auth.ts';
import { actorOf } from '../../kernel/http.ts';
import { pageWindow, PageQuery } from '../../kernel/schemas.ts';
import type { ClientRegistry } from './client-registry.ts';
import {
  Account,
  AccountChange,
  AccountIdParams,
  AccountPage,
  AccountQuery,
  BusinessRequest,
  Changed,
  ClientChange,
  Consent,
  ConsentWithdrawn,
  ClientCreated,
  ClientIdParams,
  Client,
  ClientPage,
  ClientRequest,
  ClientSecret,
  CreatedAccount,
  CredentialIdParams,
  Deleted,
  Dependant,
  DependantRequest,
  Enrolled,
  KeyRotation,
  Level2Request,
  Level2Result,
  OperatorRequest,
  Passkey,
  PasskeyCreated,
  PasskeyRegistration,
  PasswordChange,
  Registered,
  RegistrationConfirmation,
  RegistrationIdParams,
  RegistrationRequest,
  RegistrationStarted,
  ResetResult,
  StaffRequest,
  TemporaryPassword,
  TotpConfirmation,
  TotpStart,
  UnlockResult,
  WebAuthnOptions,
} from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';
import { Type } from 'typebox';

/** Every role a person can hold (machine clients have no account). */
const PEOPLE = ROLES.filter((role): role is Exclude<Role, 'agency_client'> => role !== 'agency_client');
const admin = { access: { roles: ['admin'] as const } };
const people = { access: { roles: PEOPLE } };
const business = { access: { roles: ['host', 'checkpoint_operator'] as const } };
const publicRoute = { access: { public: true as const } };
const tags = ['identity'];

export interface IdentityRouteDeps {
  identity: IdentityService;
  clients: ClientRegistry;
  rotateKeys(actor: Actor, requestId: string): Promise<{ kid: string; keys: number }>;
}

export function identityRoutes(deps: IdentityRouteDeps) {
  const { identity, clients } = deps;
  return async function routes(app: FastifyInstance) {
    // --- Citizens: self-registration at level 1 (Nghị định 69/2024/NĐ-CP) ---

    app.post<{ Body: Static<typeof RegistrationRequest> }>(
      '/registrations',
      {
        config: publicRoute,
        schema: {
          summary: 'Công dân tự đăng ký tài khoản mức 1 / citizen self-registration (level 1)',
          description:
            'Đối chiếu với CSDL dân cư; luôn trả lời giống nhau, chỉ gửi mã SMS khi thông tin khớp. / Matched against the registry; the answer is always the same, a code is sent by SMS only on a match.',
          tags,
          body: RegistrationRequest,
          response: { 202: RegistrationStarted },
        },
      },
      async (request, reply) => {
        const started = await identity.startRegistration(request.body, request.ip, request.id);
        return reply.status(202).send({
          ...started,
          message: {
            vi: 'Nếu thông tin khớp với Cơ sở dữ liệu quốc gia về dân cư, mã xác nhận đã được gửi tới số điện thoại của bạn.',
            en: 'If the particulars match the national population database, a confirmation code has been sent to your phone.',
          },
        });
      },
    );

    app.post<{ Params: Static<typeof RegistrationIdParams>; Body: Static<typeof RegistrationConfirmation> }>(
      '/registrations/:registrationId/confirmation',
      {
        config: publicRoute,
        schema: {
          summary: 'Xác nhận đăng ký bằng mã SMS và đặt mật khẩu / confirm a registration with the SMS code and a password',
          tags,
          params: RegistrationIdParams,
          body: RegistrationConfirmation,
          response: { 201: Registered, 200: Registered },
        },
      },
      async (request, reply) => {
        const result = await identity.confirmRegistration(request.params.registrationId, request.body, request.id);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );

    // --- Self service ---

    app.get('/me', { config: people, schema: { summary: 'Tài khoản của tôi / my account', tags, response: { 200: Account } } }, async (request) => identity.me(actorOf(request)));

    app.post<{ Body: Static<typeof PasswordChange> }>(
      '/me/password',
      { config: people, schema: { summary: 'Đổi mật khẩu / change my password', tags, body: PasswordChange, response: { 200: Changed } } },
      async (request) => identity.changePassword(actorOf(request), request.body, request.ip, request.id),
    );

    app.post(
      '/me/totp',
      { config: people, schema: { summary: 'Bắt đầu thiết lập ứng dụng xác thực (TOTP) / start authenticator enrolment', tags, response: { 200: TotpStart } } },
      async (request) => identity.startTotp(actorOf(request)),
    );

    app.post<{ Body: Static<typeof TotpConfirmation> }>(
      '/me/totp/confirmation',
      { config: people, schema: { summary: 'Xác nhận ứng dụng xác thực bằng mã đầu tiên / confirm the authenticator with its first code', tags, body: TotpConfirmation, response: { 200: Enrolled } } },
      async (request) => identity.confirmTotp(actorOf(request), request.body, request.ip, request.id),
    );

    app.get('/me/passkeys', { config: people, schema: { summary: 'Khóa truy cập (passkey) của tôi / my passkeys', tags, response: { 200: Type.Array(Passkey) } } }, async (request) =>
      identity.listPasskeys(actorOf(request)),
    );

    app.post(
      '/me/passkeys/options',
      { config: people, schema: { summary: 'Tham số tạo passkey (WebAuthn) / WebAuthn creation options', tags, response: { 200: WebAuthnOptions } } },
      async (request) => identity.passkeyRegistrationOptions(actorOf(request)),
    );

    app.post<{ Body: Static<typeof PasskeyRegistration> }>(
      '/me/passkeys',
      { config: people, schema: { summary: 'Đăng ký passkey / register a passkey', tags, body: PasskeyRegistration, response: { 201: PasskeyCreated } } },
      async (request, reply) => reply.status(201).send(await identity.registerPasskey(actorOf(request), { response: request.body.response as never, label: request.body.label }, request.id)),
    );

    app.delete<{ Params: Static<typeof CredentialIdParams> }>(
      '/me/passkeys/:credentialId',
      { config: people, schema: { summary: 'Xóa passkey / remove a passkey', tags, params: CredentialIdParams, response: { 200: Deleted } } },
      async (request) => identity.deletePasskey(actorOf(request), request.params.credentialId, request.id),
    );

    app.get('/me/consents', { config: people, schema: { summary: 'Ứng dụng tôi đã đồng ý chia sẻ thông tin / applications I consented to', tags, response: { 200: Type.Array(Consent) } } }, async (request) =>
      identity.listConsents(actorOf(request), async (clientId) => {
        const client = await clients.find(clientId);
        return client ? { name: client.name, purpose: client.purpose } : undefined;
      }),
    );

    app.delete<{ Params: Static<typeof ClientIdParams> }>(
      '/me/consents/:clientId',
      { config: people, schema: { summary: 'Rút lại sự đồng ý với một ứng dụng / withdraw consent to an application', tags, params: ClientIdParams, response: { 200: ConsentWithdrawn } } },
      async (request) => identity.withdrawConsent(actorOf(request), request.params.clientId, request.id),
    );

    app.get('/me/dependants', { config: { access: { roles: ['citizen'] as const } }, schema: { summary: 'Trẻ dưới 14 tuổi gắn với tài khoản / children under 14 on my account', tags, response: { 200: Type.Array(Dependant) } } }, async (request) =>
      identity.listDependants(actorOf(request), request.id),
    );

    app.post<{ Body: Static<typeof DependantRequest> }>(
      '/me/dependants',
      {
        config: { access: { roles: ['citizen'] as const } },
        schema: { summary: 'Gắn trẻ dưới 14 tuổi cùng hộ vào tài khoản / attach a child under 14 of my household', tags, body: DependantRequest, response: { 201: Dependant } },
      },
      async (request, reply) => reply.status(201).send(await identity.addDependant(actorOf(request), request.body, request.id)),
    );

    // --- Police: level 2 after an in-person check ---

    app.post<{ Body: Static<typeof Level2Request> }>(
      '/level2-grants',
      {
        config: { access: { roles: ['police'] as const } },
        schema: {
          summary: 'Nâng tài khoản định danh điện tử lên mức 2 sau khi kiểm tra trực tiếp / grant e-ID level 2 after an in-person check',
          tags,
          body: Level2Request,
          response: { 200: Level2Result },
        },
      },
      async (request) => identity.grantLevel2(actorOf(request), request.body, request.id),
    );

    // --- Businesses: an owner adds its operators ---

    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/establishment/operators',
      { config: business, schema: { summary: 'Tài khoản nhân viên của cơ sở / my establishment’s operator accounts', tags, querystring: PageQuery, response: { 200: AccountPage } } },
      async (request) => {
        const window = pageWindow(request.query);
        const result = await identity.listOperators(actorOf(request), window);
        return { ...result, page: window.page, pageSize: window.pageSize };
      },
    );

    app.post<{ Body: Static<typeof OperatorRequest> }>(
      '/establishment/operators',
      { config: business, schema: { summary: 'Chủ cơ sở thêm tài khoản nhân viên / an owner adds an operator account', tags, body: OperatorRequest, response: { 201: CreatedAccount, 200: CreatedAccount } } },
      async (request, reply) => {
        const result = await identity.createOperatorAccount(actorOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );

    // --- Administration ---

    app.get<{ Querystring: Static<typeof AccountQuery> }>(
      '/accounts',
      { config: admin, schema: { summary: 'Danh sách tài khoản / list accounts', tags, querystring: AccountQuery, response: { 200: AccountPage } } },
      async (request) => {
        const window = pageWindow(request.query);
        const result = await identity.listAccounts(actorOf(request), { kind: request.query.kind, q: request.query.q, limit: window.limit, offset: window.offset }, request.id);
        return { ...result, page: window.page, pageSize: window.pageSize };
      },
    );

    app.post<{ Body: Static<typeof StaffRequest> }>(
      '/accounts/staff',
      { config: admin, schema: { summary: 'Tạo tài khoản cán bộ (mật khẩu tạm hiện một lần) / create a staff account', tags, body: StaffRequest, response: { 201: CreatedAccount, 200: CreatedAccount } } },
      async (request, reply) => {
        const result = await identity.createStaffAccount(actorOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );

    app.post<{ Body: Static<typeof BusinessRequest> }>(
      '/accounts/businesses',
      { config: admin, schema: { summary: 'Tạo tài khoản chủ cơ sở kinh doanh / create a business owner account', tags, body: BusinessRequest, response: { 201: CreatedAccount, 200: CreatedAccount } } },
      async (request, reply) => {
        const result = await identity.createBusinessAccount(actorOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );

    app.get<{ Params: Static<typeof AccountIdParams> }>(
      '/accounts/:accountId',
      { config: admin, schema: { summary: 'Một tài khoản / one account', tags, params: AccountIdParams, response: { 200: Account } } },
      async (request) => identity.getAccount(actorOf(request), request.params.accountId, request.id),
    );

    app.patch<{ Params: Static<typeof AccountIdParams>; Body: Static<typeof AccountChange> }>(
      '/accounts/:accountId',
      { config: admin, schema: { summary: 'Sửa vai trò, địa bàn, trạng thái / change roles, wards, status', tags, params: AccountIdParams, body: AccountChange, response: { 200: Account } } },
      async (request) => identity.updateAccount(actorOf(request), request.params.accountId, request.body, request.id),
    );

    app.post<{ Params: Static<typeof AccountIdParams> }>(
      '/accounts/:accountId/password-reset',
      { config: admin, schema: { summary: 'Cấp mật khẩu tạm mới / issue a new temporary password', tags, params: AccountIdParams, response: { 200: TemporaryPassword } } },
      async (request) => identity.resetPassword(actorOf(request), request.params.accountId, request.id),
    );

    app.post<{ Params: Static<typeof AccountIdParams> }>(
      '/accounts/:accountId/second-factor-reset',
      { config: admin, schema: { summary: 'Xóa TOTP và passkey (đăng ký lại khi đăng nhập) / clear second factors', tags, params: AccountIdParams, response: { 200: ResetResult } } },
      async (request) => identity.resetSecondFactors(actorOf(request), request.params.accountId, request.id),
    );

    app.post<{ Params: Static<typeof AccountIdParams> }>(
      '/accounts/:accountId/unlock',
      { config: admin, schema: { summary: 'Mở khóa đăng nhập trước hạn (ghi nhật ký) / end a login lock early (audited)', tags, params: AccountIdParams, response: { 200: UnlockResult } } },
      async (request) => identity.unlockAccount(actorOf(request), request.params.accountId, request.id),
    );

    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/clients',
      { config: admin, schema: { summary: 'Ứng dụng đăng nhập một lần và hệ thống cơ quan / relying parties and agency clients', tags, querystring: PageQuery, response: { 200: ClientPage } } },
      async (request) => {
        const window = pageWindow(request.query);
        const result = await clients.list(window);
        return { ...result, page: window.page, pageSize: window.pageSize };
      },
    );

    app.post<{ Body: Static<typeof ClientRequest> }>(
      '/clients',
      { config: admin, schema: { summary: 'Đăng ký ứng dụng (bí mật hiện một lần) / register a client (secret shown once)', tags, body: ClientRequest, response: { 201: ClientCreated, 200: ClientCreated } } },
      async (request, reply) => {
        const { requestId, ...input } = request.body;
        const result = await clients.register(actorOf(request), { ...input, clientRequestId: requestId }, request.id);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );

    app.get<{ Params: Static<typeof ClientIdParams> }>(
      '/clients/:clientId',
      { config: admin, schema: { summary: 'Một ứng dụng / one client', tags, params: ClientIdParams, response: { 200: Client } } },
      async (request) => clients.get(request.params.clientId),
    );

    app.patch<{ Params: Static<typeof ClientIdParams>; Body: Static<typeof ClientChange> }>(
      '/clients/:clientId',
      { config: admin, schema: { summary: 'Sửa hoặc tạm dừng ứng dụng / change or disable a client', tags, params: ClientIdParams, body: ClientChange, response: { 200: Client } } },
      async (request) => clients.update(actorOf(request), request.params.clientId, request.body, request.id),
    );

    app.post<{ Params: Static<typeof ClientIdParams> }>(
      '/clients/:clientId/secret',
      { config: admin, schema: { summary: 'Cấp bí mật mới cho ứng dụng / rotate a client secret', tags, params: ClientIdParams, response: { 200: ClientSecret } } },
      async (request) => clients.rotateSecret(actorOf(request), request.params.clientId, request.id),
    );

    app.post(
      '/signing-keys/rotation',
      {
        config: admin,
        schema: {
          summary: 'Đổi khóa ký mã truy cập (khóa cũ vẫn kiểm tra được) / rotate the token signing key (old tokens keep verifying)',
          tags,
          response: { 200: KeyRotation },
        },
      },
      async (request) => deps.rotateKeys(actorOf(request), request.id),
    );
  };
}

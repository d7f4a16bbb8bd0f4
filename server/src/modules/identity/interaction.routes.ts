/**
 * The login and consent pages of the OpenID provider (`/oidc/interaction/:uid…`), served by Fastify beside the
 * provider. Each step proves something and either shows the next step (login-steps.ts) or hands the result back to
 * the provider, which resumes the authorization request.
 *
 * Rules enforced:
 * - a step is accepted only with the provider's interaction cookie for this very uid (HttpOnly, SameSite=Lax,
 *   path-scoped to the interaction): a form posted from another site, or a stale tab, cannot complete a login
 *   (login CSRF); posts announcing a foreign Origin or a cross-site fetch are refused outright;
 * - every failure of the password form gets one answer (no account enumeration); throttled attempts get 429 with
 *   Retry-After and cost no password hashing;
 * - staff cannot finish without a second factor; a relying party asking for acr "2" gets the step-up;
 * - pages are never cached and carry a nonce-based Content-Security-Policy.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import QRCode from 'qrcode';
import { Type, type Static } from 'typebox';
import { DomainError } from '../../kernel/errors.ts';
import type { ClientRegistry } from './client-registry.ts';
import { IdentityErrors } from './identity.errors.ts';
import type { AccountRow } from './identity.repository.ts';
import * as repo from './identity.repository.ts';
import { LOGIN_PROGRESS_TTL_MS, type IdentityService } from './identity.service.ts';
import {
  changePasswordPage,
  consentPage,
  contentSecurityPolicy,
  expiredMessage,
  loginPage,
  maskPhone,
  messagePage,
  mismatchMessage,
  otpPage,
  totpEnrolPage,
  totpPage,
  type PageLanguage,
} from './interaction.pages.ts';
import { acrFor, finalAmr, nextLoginStep, type LoginStep } from './login-steps.ts';
import type { OidcProvider } from './oidc.provider.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { renderMessage } from '../../kernel/errors.ts';

const Uid = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' }) });
const Lang = Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')]));
const LangQuery = Type.Object({ lang: Lang });
const PasswordForm = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }), lang: Lang });
const CodeForm = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }), lang: Lang });
const NewPasswordForm = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }), confirmation: Type.String({ minLength: 1, maxLength: 256 }), lang: Lang });
const ConsentForm = Type.Object({ decision: Type.Union([Type.Literal('allow'), Type.Literal('deny')]), lang: Lang });
const LangForm = Type.Object({ lang: Lang });
const PasskeyAssertion = Type.Object({ response: Type.Object({ id: Type.String({ maxLength: 1024 }), type: Type.String({ maxLength: 32 }) }, { additionalProperties: true }) });

const publicPage = { access: { public: true as const } };
const tags = ['identity'];

export interface InteractionRouteDeps {
  oidc: OidcProvider;
  identity: IdentityService;
  clients: ClientRegistry;
  db: Database;
  clock: Clock;
  publicUrl: string;
}

export function interactionRoutes(deps: InteractionRouteDeps) {
  const { oidc, identity, db, clock } = deps;
  const origin = new URL(deps.publicUrl).origin;
  const base = (uid: string) => `/oidc/interaction/${uid}`;

  /** The page language: the switch (?lang= or the form's field), else the relying party's ui_locales, else Accept-Language. */
  function languageOf(request: FastifyRequest, interaction?: Interaction): PageLanguage {
    const fromQuery = (request.query as { lang?: string } | undefined)?.lang;
    const fromBody = (request.body as { lang?: string } | undefined)?.lang;
    const chosen = fromBody ?? fromQuery;
    if (chosen === 'en' || chosen === 'vi') return chosen;
    const locales = typeof interaction?.params.ui_locales === 'string' ? interaction.params.ui_locales.toLowerCase().split(' ') : [];
    const preferred = locales.find((tag) => tag.startsWith('vi') || tag.startsWith('en'));
    if (preferred) return preferred.startsWith('en') ? 'en' : 'vi';
    return request.language;
  }

  function sendHtml(reply: FastifyReply, status: number, render: (nonce: string) => string) {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', contentSecurityPolicy(nonce))
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .send(render(nonce));
  }

  function switchHref(uid: string, lang: PageLanguage) {
    return `${base(uid)}?lang=${lang === 'vi' ? 'en' : 'vi'}`;
  }

  /** A post from another site (or a script on one) never completes a step. */
  function assertSameSite(request: FastifyRequest) {
    const sent = request.headers.origin;
    if ((typeof sent === 'string' && sent !== 'null' && sent !== origin) || request.headers['sec-fetch-site'] === 'cross-site') {
      throw new DomainError(IdentityErrors.IDENTITY_CROSS_SITE);
    }
  }

  async function interactionFor(request: FastifyRequest, reply: FastifyReply, uid: string): Promise<Interaction | undefined> {
    try {
      const interaction = await oidc.current().interactionDetails(request.raw, reply.raw);
      return interaction.uid === uid ? interaction : undefined;
    } catch {
      return undefined;
    }
  }

  function expired(reply: FastifyReply, lang: PageLanguage) {
    return sendHtml(reply, 400, (nonce) => messagePage(lang, expiredMessage(lang), nonce, 'IDENTITY_INTERACTION_EXPIRED'));
  }

  async function clientName(clientId: string): Promise<{ name: string; purpose: string }> {
    const client = await deps.clients.find(clientId);
    return { name: client?.name ?? clientId, purpose: client?.purpose ?? '' };
  }

  const wantsLevel2 = (interaction: Interaction) => String(interaction.params.acr_values ?? '').split(' ').includes('2');

  async function finishLogin(request: FastifyRequest, reply: FastifyReply, interaction: Interaction, account: AccountRow, amr: string[]) {
    await repo.deleteLoginProgress(db, interaction.uid);
    const methods = finalAmr(amr);
    await identity.loginSucceeded(account, methods, interaction.params.client_id, request.id);
    const location = await oidc.current().interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId: account.id, acr: acrFor(account, methods), amr: methods, remember: false } },
      { mergeWithLastSubmission: false },
    );
    return location;
  }

  /** Shows the next step, or finishes the login when nothing is left. */
  async function advance(request: FastifyRequest, reply: FastifyReply, interaction: Interaction, account: AccountRow, amr: string[], lang: PageLanguage) {
    const step: LoginStep = nextLoginStep({ account, amr, hasPasskeys: await identity.hasPasskeys(account.id), wantsLevel2: wantsLevel2(interaction) });
    if (step === 'done') return reply.redirect(await finishLogin(request, reply, interaction, account, amr), 303);
    const expiresAt = new Date(clock.now().getTime() + LOGIN_PROGRESS_TTL_MS);
    const progress: repo.LoginProgressRow = { uid: interaction.uid, account_id: account.id, step, amr, pending_totp_secret: null, otp_hash: null, otp_attempts: 0, otp_sent_at: null, expires_at: expiresAt };
    if (step === 'totp_enrol') progress.pending_totp_secret = identity.newTotpSecret();
    if (step === 'otp') {
      progress.otp_hash = await identity.sendLoginCode(account, interaction.uid);
      progress.otp_sent_at = clock.now();
    }
    await repo.saveLoginProgress(db, progress);
    return reply.redirect(`${base(interaction.uid)}?lang=${lang}`, 303);
  }

  async function renderStep(reply: FastifyReply, interaction: Interaction, progress: repo.LoginProgressRow, lang: PageLanguage, error?: string, status = 200) {
    const uid = interaction.uid;
    const account = await identity.findAccount(progress.account_id);
    if (!account) return expired(reply, lang);
    const href = switchHref(uid, lang);
    switch (progress.step) {
      case 'change_password':
        return sendHtml(reply, status, (nonce) => changePasswordPage({ lang, action: `${base(uid)}/new-password`, error }, nonce, href));
      case 'totp': {
        const passkeys = await identity.hasPasskeys(account.id);
        return sendHtml(reply, status, (nonce) =>
          totpPage({ lang, action: `${base(uid)}/totp`, error, ...(passkeys ? { passkeyOptionsUrl: `${base(uid)}/passkey/options`, passkeyUrl: `${base(uid)}/passkey` } : {}) }, nonce, href),
        );
      }
      case 'totp_enrol': {
        const secret = progress.pending_totp_secret!;
        const qrSvg = await QRCode.toString(identity.totpUri(secret, account), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
        return sendHtml(reply, status, (nonce) => totpEnrolPage({ lang, action: `${base(uid)}/totp-enrolment`, secret, qrSvg, error }, nonce, href));
      }
      case 'otp':
        return sendHtml(reply, status, (nonce) => otpPage({ lang, action: `${base(uid)}/otp`, resendAction: `${base(uid)}/otp/resend`, maskedPhone: maskPhone(account.phone ?? ''), error }, nonce, href));
    }
  }

  async function renderLogin(reply: FastifyReply, interaction: Interaction, lang: PageLanguage, options: { error?: string; username?: string; status?: number } = {}) {
    const uid = interaction.uid;
    const { name } = await clientName(interaction.params.client_id);
    return sendHtml(reply, options.status ?? 200, (nonce) =>
      loginPage(
        {
          lang,
          action: `${base(uid)}/password`,
          passkeyOptionsUrl: `${base(uid)}/passkey/options`,
          passkeyUrl: `${base(uid)}/passkey`,
          abortAction: `${base(uid)}/abort`,
          clientName: name,
          username: options.username ?? (typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : undefined),
          error: options.error,
          wantsLevel2: wantsLevel2(interaction),
        },
        nonce,
        switchHref(uid, lang),
      ),
    );
  }

  async function renderConsent(reply: FastifyReply, interaction: Interaction, lang: PageLanguage) {
    const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    const scopes = [...(details.missingOIDCScope ?? []), ...Object.values(details.missingResourceScopes ?? {}).flat()];
    const { name, purpose } = await clientName(interaction.params.client_id);
    return sendHtml(reply, 200, (nonce) => consentPage({ lang, action: `${base(interaction.uid)}/consent`, clientName: name, purpose, scopes: [...new Set(scopes)] }, nonce, switchHref(interaction.uid, lang)));
  }

  /** Loads the interaction and the login in progress for a step post; undefined when either is gone. */
  async function stepContext(request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply, expected: repo.LoginProgressRow['step']) {
    assertSameSite(request);
    const interaction = await interactionFor(request, reply, request.params.uid);
    if (!interaction || interaction.prompt.name !== 'login') return undefined;
    const progress = await repo.findLoginProgress(db, interaction.uid, clock.now());
    if (!progress || progress.step !== expected) return undefined;
    const account = await identity.findAccount(progress.account_id);
    if (!account || account.status !== 'active') return undefined;
    return { interaction, progress, account };
  }

  function message(code: string, lang: PageLanguage, params: Record<string, string | number> = {}) {
    return renderMessage(code, lang, params);
  }

  return async function routes(app: FastifyInstance) {
    // HTML forms post application/x-www-form-urlencoded; only these routes accept it (the API stays JSON-only).
    await app.register(formbody, { bodyLimit: 16 * 1024 });

    app.get<{ Params: Static<typeof Uid>; Querystring: Static<typeof LangQuery> }>(
      '/oidc/interaction/:uid',
      { config: publicPage, schema: { summary: 'Trang đăng nhập / đồng ý của nhà cung cấp OpenID / provider login or consent page', tags, params: Uid, querystring: LangQuery, hide: true } },
      async (request, reply) => {
        const interaction = await interactionFor(request, reply, request.params.uid);
        const lang = languageOf(request, interaction);
        if (!interaction) return expired(reply, lang);
        if (interaction.prompt.name === 'consent') return renderConsent(reply, interaction, lang);
        const progress = await repo.findLoginProgress(db, interaction.uid, clock.now());
        if (progress) return renderStep(reply, interaction, progress, lang);
        return renderLogin(reply, interaction, lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof PasswordForm> }>(
      '/oidc/interaction/:uid/password',
      { config: publicPage, schema: { summary: 'Đăng nhập bằng mật khẩu / password login', tags, params: Uid, body: PasswordForm, hide: true } },
      async (request, reply) => {
        assertSameSite(request);
        const lang = languageOf(request);
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction || interaction.prompt.name !== 'login') return expired(reply, lang);
        let account: AccountRow;
        try {
          account = await identity.passwordLogin(request.body.username, request.body.password, request.ip, request.id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const retryAfter = error.extensions.retryAfter;
          if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
          return renderLogin(reply, interaction, lang, { error: message(error.code, lang, error.params), username: request.body.username, status: error.status });
        }
        return advance(request, reply, interaction, account, ['pwd'], lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof NewPasswordForm> }>(
      '/oidc/interaction/:uid/new-password',
      { config: publicPage, schema: { summary: 'Đổi mật khẩu tạm thời khi đăng nhập / replace a temporary password', tags, params: Uid, body: NewPasswordForm, hide: true } },
      async (request, reply) => {
        const lang = languageOf(request);
        const context = await stepContext(request, reply, 'change_password');
        if (!context) return expired(reply, lang);
        if (request.body.password !== request.body.confirmation) return renderStep(reply, context.interaction, context.progress, lang, mismatchMessage(lang), 422);
        try {
          await identity.replaceTemporaryPassword(context.account, request.body.password);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return renderStep(reply, context.interaction, context.progress, lang, message(error.code, lang, error.params), error.status);
        }
        const account = (await identity.findAccount(context.account.id))!;
        return advance(request, reply, context.interaction, account, context.progress.amr, lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof CodeForm> }>(
      '/oidc/interaction/:uid/totp',
      { config: publicPage, schema: { summary: 'Mã xác thực hai lớp / authenticator code', tags, params: Uid, body: CodeForm, hide: true } },
      async (request, reply) => {
        const lang = languageOf(request);
        const context = await stepContext(request, reply, 'totp');
        if (!context) return expired(reply, lang);
        try {
          if (!(await identity.checkTotp(context.account, request.body.code, request.ip))) {
            return renderStep(reply, context.interaction, context.progress, lang, message(IdentityErrors.IDENTITY_TOTP_INVALID, lang), 400);
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return renderStep(reply, context.interaction, context.progress, lang, message(error.code, lang, error.params), error.status);
        }
        return advance(request, reply, context.interaction, context.account, [...context.progress.amr, 'otp'], lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof CodeForm> }>(
      '/oidc/interaction/:uid/totp-enrolment',
      { config: publicPage, schema: { summary: 'Thiết lập ứng dụng xác thực khi đăng nhập / enrol an authenticator at login', tags, params: Uid, body: CodeForm, hide: true } },
      async (request, reply) => {
        const lang = languageOf(request);
        const context = await stepContext(request, reply, 'totp_enrol');
        if (!context) return expired(reply, lang);
        try {
          if (!(await identity.enrolTotpAtLogin(context.account, context.progress.pending_totp_secret!, request.body.code, request.ip))) {
            return renderStep(reply, context.interaction, context.progress, lang, message(IdentityErrors.IDENTITY_TOTP_INVALID, lang), 400);
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return renderStep(reply, context.interaction, context.progress, lang, message(error.code, lang, error.params), error.status);
        }
        const account = (await identity.findAccount(context.account.id))!;
        return advance(request, reply, context.interaction, account, [...context.progress.amr, 'otp'], lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof CodeForm> }>(
      '/oidc/interaction/:uid/otp',
      { config: publicPage, schema: { summary: 'Mã SMS xác thực mức 2 / level-2 SMS code', tags, params: Uid, body: CodeForm, hide: true } },
      async (request, reply) => {
        const lang = languageOf(request);
        const context = await stepContext(request, reply, 'otp');
        if (!context) return expired(reply, lang);
        const { progress } = context;
        const attempts = await repo.countOtpAttempt(db, progress.uid);
        const fresh = progress.otp_sent_at !== null && clock.now().getTime() - progress.otp_sent_at.getTime() < identity.loginOtpTtlMs;
        const ok = fresh && attempts <= identity.loginOtpMaxAttempts && progress.otp_hash !== null && identity.loginCodeMatches(progress.uid, request.body.code, progress.otp_hash);
        if (!ok) return renderStep(reply, context.interaction, progress, lang, message(IdentityErrors.IDENTITY_CODE_INVALID, lang), 400);
        return advance(request, reply, context.interaction, context.account, [...progress.amr, 'sms'], lang);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof LangForm> }>(
      '/oidc/interaction/:uid/otp/resend',
      { config: publicPage, schema: { summary: 'Gửi lại mã SMS / send a new SMS code', tags, params: Uid, body: LangForm, hide: true } },
      async (request, reply) => {
        const lang = languageOf(request);
        const context = await stepContext(request, reply, 'otp');
        if (!context) return expired(reply, lang);
        const { progress } = context;
        // One new code a minute at most (SMS flooding).
        if (!progress.otp_sent_at || clock.now().getTime() - progress.otp_sent_at.getTime() >= 60_000) {
          await repo.saveLoginProgress(db, { ...progress, otp_hash: await identity.sendLoginCode(context.account, progress.uid), otp_sent_at: clock.now(), otp_attempts: 0 });
        }
        return reply.redirect(`${base(progress.uid)}?lang=${lang}`, 303);
      },
    );

    app.post<{ Params: Static<typeof Uid> }>(
      '/oidc/interaction/:uid/passkey/options',
      { config: publicPage, schema: { summary: 'Thử thách WebAuthn để đăng nhập bằng passkey / WebAuthn challenge for a passkey login', tags, params: Uid, hide: true } },
      async (request, reply) => {
        assertSameSite(request);
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction || interaction.prompt.name !== 'login') throw new DomainError(IdentityErrors.IDENTITY_INTERACTION_EXPIRED);
        return identity.passkeyLoginOptions(interaction.uid);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof PasskeyAssertion> }>(
      '/oidc/interaction/:uid/passkey',
      { config: publicPage, schema: { summary: 'Đăng nhập bằng passkey / passkey login', tags, params: Uid, body: PasskeyAssertion, hide: true } },
      async (request, reply) => {
        assertSameSite(request);
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction || interaction.prompt.name !== 'login') throw new DomainError(IdentityErrors.IDENTITY_INTERACTION_EXPIRED);
        const account = await identity.passkeyLogin(interaction.uid, request.body.response as never);
        if (!account) throw new DomainError(IdentityErrors.IDENTITY_PASSKEY_INVALID);
        // After a password, the passkey must belong to the same account (a second factor, not a switch of account).
        const progress = await repo.findLoginProgress(db, interaction.uid, clock.now());
        if (progress && progress.account_id !== account.id) throw new DomainError(IdentityErrors.IDENTITY_PASSKEY_INVALID);
        const amr = [...(progress?.amr ?? []), 'hwk'];
        const step = nextLoginStep({ account, amr, hasPasskeys: true, wantsLevel2: wantsLevel2(interaction) });
        if (step !== 'done') {
          await repo.saveLoginProgress(db, { uid: interaction.uid, account_id: account.id, step, amr, pending_totp_secret: null, otp_hash: null, otp_sent_at: null, expires_at: new Date(clock.now().getTime() + LOGIN_PROGRESS_TTL_MS) });
          return { location: base(interaction.uid) };
        }
        return { location: await finishLogin(request, reply, interaction, account, amr) };
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof ConsentForm> }>(
      '/oidc/interaction/:uid/consent',
      { config: publicPage, schema: { summary: 'Đồng ý chia sẻ thông tin / consent', tags, params: Uid, body: ConsentForm, hide: true } },
      async (request, reply) => {
        assertSameSite(request);
        const lang = languageOf(request);
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction || interaction.prompt.name !== 'consent' || !interaction.session?.accountId) return expired(reply, lang);
        const provider = oidc.current();
        if (request.body.decision === 'deny') {
          const location = await provider.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'End-User denied consent' }, { mergeWithLastSubmission: false });
          return reply.redirect(location, 303);
        }
        const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        const grant = interaction.grantId ? await provider.Grant.find(interaction.grantId) : new provider.Grant({ accountId: interaction.session.accountId, clientId: interaction.params.client_id });
        if (!grant) return expired(reply, lang);
        if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
        if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        const grantId = await grant.save();
        const account = await identity.findAccount(interaction.session.accountId);
        if (account) await identity.consentGiven(account, interaction.params.client_id, [...(details.missingOIDCScope ?? []), ...Object.values(details.missingResourceScopes ?? {}).flat()], request.id);
        const location = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return reply.redirect(location, 303);
      },
    );

    app.post<{ Params: Static<typeof Uid>; Body: Static<typeof LangForm> }>(
      '/oidc/interaction/:uid/abort',
      { config: publicPage, schema: { summary: 'Hủy đăng nhập / cancel the login', tags, params: Uid, body: LangForm, hide: true } },
      async (request, reply) => {
        assertSameSite(request);
        const lang = languageOf(request);
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction) return expired(reply, lang);
        await repo.deleteLoginProgress(db, interaction.uid);
        const location = await oidc.current().interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
        return reply.redirect(location, 303);
      },
    );
  };
}


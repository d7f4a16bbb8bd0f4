/**
 * Model 31: a school's management system signs teachers in with their e-ID through the DA06 OpenID provider.
 *
 * A deliberately small relying party (node:http + openid-client): authorization code flow with PKCE (RFC 7636),
 * state bound to the browser by a cookie (RFC 6749 §10.12), nonce checked in the ID token, then the claims the
 * teacher agreed to share are shown. Run it with `npm run example:school` (see README.md).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import * as client from 'openid-client';

export interface SchoolOptions {
  /** The DA06 issuer, e.g. http://localhost:3000/oidc. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where this example is reached, e.g. http://localhost:4000 (the redirect URI is `${baseUrl}/callback`). */
  baseUrl: string;
  /** Scopes asked of the teacher. */
  scope?: string;
  /** Replaces fetch for calls to DA06 (tests point it at a test server). */
  fetch?: client.CustomFetch;
}

interface Pending {
  verifier: string;
  nonce: string;
  state: string;
  createdAt: number;
}

interface SignedIn {
  claims: Record<string, unknown>;
  userinfo: Record<string, unknown>;
  idToken: string;
}

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
a.button{display:inline-block;padding:.6rem 1.2rem;background:#0b4f8a;color:#fff;border-radius:4px;text-decoration:none;font-weight:600}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:left}:focus-visible{outline:3px solid #b45309}</style></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function cookieValue(request: http.IncomingMessage, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createSchoolServer(options: SchoolOptions): http.Server {
  const redirectUri = `${options.baseUrl}/callback`;
  const scope = options.scope ?? 'openid profile';
  const pending = new Map<string, Pending>();
  const sessions = new Map<string, SignedIn>();
  let configuration: Promise<client.Configuration> | undefined;

  const config = () =>
    (configuration ??= client.discovery(new URL(options.issuer), options.clientId, undefined, client.ClientSecretBasic(options.clientSecret), {
      ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
      // Plain http is for a DA06 on localhost only; a real issuer is https.
      execute: options.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
    }));

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', options.baseUrl);
    const send = (status: number, html: string, headers: Record<string, string | string[]> = {}) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      response.end(html);
    };

    if (url.pathname === '/login') {
      const state = client.randomState();
      const verifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      const browser = randomBytes(16).toString('base64url');
      pending.set(browser, { verifier, nonce, state, createdAt: Date.now() });
      const target = client.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ui_locales: 'vi',
      });
      response.writeHead(302, { location: target.href, 'set-cookie': `school_login=${browser}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600` });
      response.end();
      return;
    }

    if (url.pathname === '/callback') {
      const browser = cookieValue(request, 'school_login');
      const waiting = browser ? pending.get(browser) : undefined;
      if (browser) pending.delete(browser);
      if (!waiting || Date.now() - waiting.createdAt > 600_000) return send(400, page('Đăng nhập không hợp lệ', '<p>Phiên đăng nhập đã hết hạn. <a href="/login">Đăng nhập lại</a>.</p>'));
      if (url.searchParams.get('error')) return send(403, page('Chưa đăng nhập', `<p>DA06 trả lời: ${escape(url.searchParams.get('error'))}. <a href="/">Quay lại</a>.</p>`));
      const configured = await config();
      const tokens = await client.authorizationCodeGrant(configured, url, { pkceCodeVerifier: waiting.verifier, expectedState: waiting.state, expectedNonce: waiting.nonce });
      const claims = tokens.claims()!;
      const userinfo = await client.fetchUserInfo(configured, tokens.access_token, claims.sub);
      const session = randomBytes(16).toString('base64url');
      sessions.set(session, { claims: { ...claims }, userinfo: { ...userinfo }, idToken: tokens.id_token! });
      response.writeHead(303, { location: '/', 'set-cookie': [`school_login=; Path=/; Max-Age=0`, `school_session=${session}; Path=/; HttpOnly; SameSite=Lax`] });
      response.end();
      return;
    }

    if (url.pathname === '/logout') {
      const session = cookieValue(request, 'school_session');
      const signedIn = session ? sessions.get(session) : undefined;
      if (session) sessions.delete(session);
      const target = signedIn ? client.buildEndSessionUrl(await config(), { id_token_hint: signedIn.idToken, post_logout_redirect_uri: `${options.baseUrl}/` }).href : '/';
      response.writeHead(303, { location: target, 'set-cookie': 'school_session=; Path=/; Max-Age=0' });
      response.end();
      return;
    }

    if (url.pathname === '/') {
      const session = cookieValue(request, 'school_session');
      const signedIn = session ? sessions.get(session) : undefined;
      if (!signedIn) {
        return send(200, page('Phần mềm quản lý trường học', '<p>Giáo viên đăng nhập bằng tài khoản định danh điện tử qua DA06.</p><p><a class="button" href="/login">Đăng nhập bằng DA06</a></p>'));
      }
      const rows = Object.entries({ ...signedIn.claims, ...signedIn.userinfo })
        .map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(typeof value === 'object' ? JSON.stringify(value) : value)}</td></tr>`)
        .join('');
      return send(
        200,
        page(
          `Xin chào ${String(signedIn.userinfo.name ?? signedIn.claims.sub)}`,
          `<p>Thông tin DA06 đã chia sẻ với trường (theo sự đồng ý của giáo viên). <code>sub</code> là mã riêng của trường: ứng dụng khác nhận mã khác.</p><table><caption>Claims</caption>${rows}</table><p><a href="/logout">Đăng xuất</a></p>`,
        ),
      );
    }

    send(404, page('Không tìm thấy', '<p><a href="/">Trang chủ</a></p>'));
  }

  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`DA06 sign-in failed: ${(error as Error).message}`);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const clientId = process.env.SCHOOL_CLIENT_ID;
  const clientSecret = process.env.SCHOOL_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    process.stderr.write(
      'Cần SCHOOL_CLIENT_ID và SCHOOL_CLIENT_SECRET / set SCHOOL_CLIENT_ID and SCHOOL_CLIENT_SECRET. Đăng ký trước / register first:\n' +
        '  npm run da06 -- client add --name "Trường THCS Duy Tiên" --purpose "Giáo viên đăng nhập phần mềm quản lý trường học" \\\n' +
        '    --redirect-uri http://localhost:4000/callback --post-logout-uri http://localhost:4000/ --scope "openid profile"\n',
    );
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 4000);
  const baseUrl = process.env.SCHOOL_URL ?? `http://localhost:${port}`;
  const issuer = process.env.DA06_ISSUER ?? 'http://localhost:3000/oidc';
  createSchoolServer({ issuer, clientId, clientSecret, baseUrl }).listen(port, '127.0.0.1', () => {
    process.stderr.write(`Trường học mẫu / example school: ${baseUrl} (DA06: ${issuer})\n`);
  });
}

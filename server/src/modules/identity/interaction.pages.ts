/**
 * The provider's own pages: login, second factors, consent, logout and errors. Server-rendered HTML in Vietnamese
 * with an English switch; no external assets (fonts, scripts, styles are inline, under a strict CSP).
 *
 * Accessibility (WCAG 2.2 AA): every input has a visible <label>, autocomplete hints (WCAG 1.3.5) and an error tied to
 * it with aria-describedby; errors are announced (role="alert"); everything works with the keyboard and shows a
 * visible focus ring; text and buttons keep a contrast of at least 4.5:1; the page language is declared.
 */
import type { Language } from '../../kernel/errors.ts';

export type PageLanguage = Language;

const TEXT = {
  vi: {
    brand: 'DA06 — Đăng nhập một lần của thị xã',
    switchTo: 'English',
    switchLang: 'en',
    loginTitle: 'Đăng nhập',
    loginLead: (client: string) => `để tiếp tục tới <strong>${client}</strong>`,
    username: 'Số định danh cá nhân hoặc tên đăng nhập',
    usernameHint: 'Công dân dùng số định danh cá nhân (12 chữ số).',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    or: 'hoặc',
    passkey: 'Đăng nhập bằng khóa truy cập (passkey)',
    passkeyWorking: 'Đang chờ thiết bị của bạn…',
    passkeyFailed: 'Không đăng nhập được bằng khóa truy cập. Hãy thử lại hoặc dùng mật khẩu.',
    passkeyUnsupported: 'Trình duyệt này chưa hỗ trợ khóa truy cập.',
    level2Note: 'Ứng dụng yêu cầu tài khoản định danh điện tử mức 2: sau mật khẩu, bạn sẽ nhập mã gửi tới điện thoại.',
    cancel: 'Hủy',
    totpTitle: 'Xác thực hai lớp',
    totpLead: 'Nhập mã 6 chữ số trong ứng dụng xác thực của bạn.',
    totpCode: 'Mã xác thực',
    verify: 'Xác nhận',
    enrolTitle: 'Thiết lập ứng dụng xác thực',
    enrolLead: 'Tài khoản cán bộ phải dùng xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…), hoặc nhập khóa bí mật, rồi nhập mã 6 chữ số đầu tiên.',
    secret: 'Khóa bí mật',
    qrAlt: 'Mã QR để thêm tài khoản DA06 vào ứng dụng xác thực',
    passwordTitle: 'Đặt mật khẩu mới',
    passwordLead: 'Mật khẩu hiện tại là mật khẩu tạm thời. Hãy đặt mật khẩu mới: ít nhất 10 ký tự (một câu dễ nhớ là tốt nhất), không dùng số định danh, ngày sinh hay số điện thoại.',
    newPassword: 'Mật khẩu mới',
    confirmPassword: 'Nhập lại mật khẩu mới',
    mismatch: 'Hai mật khẩu không giống nhau.',
    save: 'Lưu và tiếp tục',
    otpTitle: 'Xác thực mức 2',
    otpLead: (phone: string) => `Đã gửi mã 6 chữ số tới số điện thoại ${phone}. Mã có hiệu lực 5 phút.`,
    otpCode: 'Mã nhận qua tin nhắn',
    resend: 'Gửi lại mã',
    consentTitle: 'Cho phép chia sẻ thông tin',
    consentLead: (client: string) => `<strong>${client}</strong> đề nghị được nhận các thông tin sau của bạn:`,
    purpose: 'Mục đích sử dụng do ứng dụng khai báo',
    consentNote: 'DA06 ghi lại lần chia sẻ này; bạn xem được ai đã nhận dữ liệu của mình và có thể rút lại sự đồng ý (Luật Bảo vệ dữ liệu cá nhân 2025).',
    allow: 'Đồng ý',
    deny: 'Từ chối',
    logoutTitle: 'Đăng xuất',
    logoutLead: 'Bạn có muốn đăng xuất khỏi DA06 và các ứng dụng đăng nhập một lần?',
    logoutYes: 'Đăng xuất',
    logoutNo: 'Ở lại',
    loggedOutTitle: 'Đã đăng xuất',
    loggedOutLead: 'Bạn đã đăng xuất khỏi DA06. Hãy đóng trình duyệt nếu dùng máy công cộng.',
    errorTitle: 'Không thể tiếp tục',
    expired: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy quay lại ứng dụng và đăng nhập lại.',
    errorCode: 'Mã lỗi',
    scopes: {
      openid: 'Mã nhận diện bạn riêng cho ứng dụng này (không dùng chung với ứng dụng khác)',
      profile: 'Họ và tên, giới tính',
      birthdate: 'Ngày sinh',
      address: 'Nơi ở hiện tại',
      person_id: 'Số định danh cá nhân',
      api: 'Sử dụng các chức năng của nền tảng DA06 thay cho bạn',
      offline_access: 'Duy trì truy cập khi bạn không trực tuyến',
    } as Record<string, string>,
  },
  en: {
    brand: 'DA06 — the town’s single sign-on',
    switchTo: 'Tiếng Việt',
    switchLang: 'vi',
    loginTitle: 'Sign in',
    loginLead: (client: string) => `to continue to <strong>${client}</strong>`,
    username: 'Personal id number or login name',
    usernameHint: 'Citizens use their 12-digit personal id number.',
    password: 'Password',
    signIn: 'Sign in',
    or: 'or',
    passkey: 'Sign in with a passkey',
    passkeyWorking: 'Waiting for your device…',
    passkeyFailed: 'Signing in with a passkey failed. Try again or use your password.',
    passkeyUnsupported: 'This browser does not support passkeys yet.',
    level2Note: 'This application requires a level 2 e-ID account: after your password you will enter a code sent to your phone.',
    cancel: 'Cancel',
    totpTitle: 'Two-step verification',
    totpLead: 'Enter the 6-digit code from your authenticator app.',
    totpCode: 'Authentication code',
    verify: 'Verify',
    enrolTitle: 'Set up an authenticator app',
    enrolLead: 'Staff accounts must use two-step verification. Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…), or type the secret key, then enter the first 6-digit code.',
    secret: 'Secret key',
    qrAlt: 'QR code that adds your DA06 account to an authenticator app',
    passwordTitle: 'Choose a new password',
    passwordLead: 'Your current password is temporary. Choose a new one: at least 10 characters (a memorable phrase is best), without your id number, birth date or phone number.',
    newPassword: 'New password',
    confirmPassword: 'New password again',
    mismatch: 'The two passwords differ.',
    save: 'Save and continue',
    otpTitle: 'Level 2 verification',
    otpLead: (phone: string) => `A 6-digit code was sent to ${phone}. It is valid for 5 minutes.`,
    otpCode: 'Code from the text message',
    resend: 'Send a new code',
    consentTitle: 'Allow sharing your information',
    consentLead: (client: string) => `<strong>${client}</strong> asks to receive the following information about you:`,
    purpose: 'Purpose declared by the application',
    consentNote: 'DA06 records this sharing; you can see who received your data and withdraw your consent (Personal Data Protection Law 2025).',
    allow: 'Allow',
    deny: 'Deny',
    logoutTitle: 'Sign out',
    logoutLead: 'Do you want to sign out of DA06 and the applications you entered with it?',
    logoutYes: 'Sign out',
    logoutNo: 'Stay signed in',
    loggedOutTitle: 'Signed out',
    loggedOutLead: 'You have signed out of DA06. Close the browser if this is a shared computer.',
    errorTitle: 'Cannot continue',
    expired: 'The sign-in session has expired or is invalid. Go back to the application and sign in again.',
    errorCode: 'Error code',
    scopes: {
      openid: 'An identifier for you at this application only (not shared with other applications)',
      profile: 'Full name and sex',
      birthdate: 'Date of birth',
      address: 'Current address',
      person_id: 'Personal id number',
      api: 'Use DA06 platform functions on your behalf',
      offline_access: 'Keep access while you are offline',
    } as Record<string, string>,
  },
} as const;

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#eef2f6}
main{max-width:28rem;margin:2rem auto;padding:1.5rem 1.75rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;font-size:.875rem;color:#3d4551;margin-bottom:1rem}
h1{font-size:1.5rem;margin:.25rem 0 .5rem}
label{display:block;font-weight:600;margin-top:1rem}
.hint{font-size:.875rem;color:#3d4551;margin:.125rem 0 .25rem}
input[type=text],input[type=password]{display:block;width:100%;padding:.625rem .75rem;font:inherit;border:1px solid #565c65;border-radius:4px}
input[aria-invalid=true]{border:2px solid #b50909}
button,.button{display:inline-block;margin-top:1.25rem;padding:.625rem 1.25rem;font:inherit;font-weight:600;border-radius:4px;border:2px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#0b4f8a}
button[hidden]{display:none}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.error{color:#b50909;font-weight:600;border-left:4px solid #b50909;padding:.25rem .75rem;background:#fdf0f0}
.note{font-size:.875rem;color:#3d4551}
.secret{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.1em;word-break:break-all}
ul.scopes{padding-left:1.25rem}
.qr svg{width:12rem;height:12rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap}
`;

export interface Page {
  html: string;
  nonce: string;
}

/** A whole page; `switchHref` is the same page in the other language. */
export function layout(lang: PageLanguage, title: string, body: string, options: { nonce: string; switchHref?: string; script?: string }): string {
  const text = TEXT[lang];
  const switcher = options.switchHref ? `<a href="${escapeHtml(options.switchHref)}" hreflang="${text.switchLang}" lang="${text.switchLang}">${text.switchTo}</a>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — DA06</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<main>
<header><span>${text.brand}</span>${switcher}</header>
${body}
</main>
${options.script ? `<script nonce="${options.nonce}">${options.script}</script>` : ''}
</body>
</html>`;
}

/** Content-Security-Policy of these pages: nothing from elsewhere, inline code only with this response's nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'`;
}

function errorBlock(message: string | undefined): string {
  return message ? `<p class="error" role="alert" id="form-error">${escapeHtml(message)}</p>` : '';
}

function invalidAttributes(message: string | undefined): string {
  return message ? ' aria-invalid="true" aria-describedby="form-error"' : '';
}

function hidden(lang: PageLanguage): string {
  return `<input type="hidden" name="lang" value="${lang}">`;
}

export interface LoginPageInput {
  lang: PageLanguage;
  action: string;
  passkeyOptionsUrl: string;
  passkeyUrl: string;
  abortAction: string;
  clientName: string;
  username?: string | undefined;
  error?: string | undefined;
  wantsLevel2: boolean;
}

function passkeyScript(lang: PageLanguage, optionsUrl: string, verifyUrl: string): string {
  const text = TEXT[lang];
  return `(function(){
var b=document.getElementById('passkey'),s=document.getElementById('passkey-status');
if(!b)return;
if(!window.PublicKeyCredential||!PublicKeyCredential.parseRequestOptionsFromJSON){s.textContent=${JSON.stringify(text.passkeyUnsupported)};b.disabled=true;return;}
b.addEventListener('click',async function(){
s.textContent=${JSON.stringify(text.passkeyWorking)};b.disabled=true;
try{
var r=await fetch(${JSON.stringify(optionsUrl)},{method:'POST',credentials:'same-origin'});
if(!r.ok)throw new Error('options');
var o=PublicKeyCredential.parseRequestOptionsFromJSON(await r.json());
var c=await navigator.credentials.get({publicKey:o});
var v=await fetch(${JSON.stringify(verifyUrl)},{method:'POST',credentials:'same-origin',headers:{'content-type':'application/json'},body:JSON.stringify({response:c.toJSON()})});
var j=await v.json();
if(v.ok&&j.location){location.assign(j.location);return;}
s.textContent=j.detail||${JSON.stringify(text.passkeyFailed)};
}catch(e){s.textContent=${JSON.stringify(text.passkeyFailed)};}
b.disabled=false;
});
})();`;
}

export function loginPage(input: LoginPageInput, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const body = `<h1>${text.loginTitle}</h1>
<p>${text.loginLead(escapeHtml(input.clientName))}</p>
${input.wantsLevel2 ? `<p class="note">${text.level2Note}</p>` : ''}
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${hidden(input.lang)}
<label for="username">${text.username}</label>
<p class="hint" id="username-hint">${text.usernameHint}</p>
<input type="text" id="username" name="username" autocomplete="username webauthn" autocapitalize="none" spellcheck="false" required maxlength="64" aria-describedby="username-hint" value="${escapeHtml(input.username ?? '')}"${input.error ? ' aria-invalid="true"' : ''}>
<label for="password">${text.password}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required maxlength="256"${invalidAttributes(input.error)}>
<div class="actions"><button type="submit">${text.signIn}</button></div>
</form>
<p class="note">${text.or}</p>
<button type="button" class="secondary" id="passkey">${text.passkey}</button>
<p class="note" id="passkey-status" role="status" aria-live="polite"></p>
<form method="post" action="${escapeHtml(input.abortAction)}">${hidden(input.lang)}<button type="submit" class="secondary">${text.cancel}</button></form>`;
  return layout(input.lang, text.loginTitle, body, { nonce, switchHref, script: passkeyScript(input.lang, input.passkeyOptionsUrl, input.passkeyUrl) });
}

export function totpPage(input: { lang: PageLanguage; action: string; error?: string | undefined; passkeyOptionsUrl?: string; passkeyUrl?: string }, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const passkey = input.passkeyUrl ? `<p class="note">${text.or}</p><button type="button" class="secondary" id="passkey">${text.passkey}</button><p class="note" id="passkey-status" role="status" aria-live="polite"></p>` : '';
  const body = `<h1>${text.totpTitle}</h1>
<p>${text.totpLead}</p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${hidden(input.lang)}
<label for="code">${text.totpCode}</label>
<input type="text" id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required maxlength="6" autofocus${invalidAttributes(input.error)}>
<div class="actions"><button type="submit">${text.verify}</button></div>
</form>${passkey}`;
  const script = input.passkeyUrl && input.passkeyOptionsUrl ? passkeyScript(input.lang, input.passkeyOptionsUrl, input.passkeyUrl) : undefined;
  return layout(input.lang, text.totpTitle, body, { nonce, switchHref, ...(script ? { script } : {}) });
}

export function totpEnrolPage(input: { lang: PageLanguage; action: string; secret: string; qrSvg: string; error?: string | undefined }, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const grouped = input.secret.replace(/(.{4})/g, '$1 ').trim();
  const body = `<h1>${text.enrolTitle}</h1>
<p>${text.enrolLead}</p>
<div class="qr" role="img" aria-label="${escapeHtml(text.qrAlt)}">${input.qrSvg}</div>
<p>${text.secret}: <span class="secret">${escapeHtml(grouped)}</span></p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${hidden(input.lang)}
<label for="code">${text.totpCode}</label>
<input type="text" id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required maxlength="6"${invalidAttributes(input.error)}>
<div class="actions"><button type="submit">${text.verify}</button></div>
</form>`;
  return layout(input.lang, text.enrolTitle, body, { nonce, switchHref });
}

export function changePasswordPage(input: { lang: PageLanguage; action: string; error?: string | undefined }, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const body = `<h1>${text.passwordTitle}</h1>
<p>${text.passwordLead}</p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${hidden(input.lang)}
<label for="password">${text.newPassword}</label>
<input type="password" id="password" name="password" autocomplete="new-password" required minlength="10" maxlength="256"${invalidAttributes(input.error)}>
<label for="confirmation">${text.confirmPassword}</label>
<input type="password" id="confirmation" name="confirmation" autocomplete="new-password" required minlength="10" maxlength="256">
<div class="actions"><button type="submit">${text.save}</button></div>
</form>`;
  return layout(input.lang, text.passwordTitle, body, { nonce, switchHref });
}

export function otpPage(input: { lang: PageLanguage; action: string; resendAction: string; maskedPhone: string; error?: string | undefined }, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const body = `<h1>${text.otpTitle}</h1>
<p>${text.otpLead(escapeHtml(input.maskedPhone))}</p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${hidden(input.lang)}
<label for="code">${text.otpCode}</label>
<input type="text" id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required maxlength="6"${invalidAttributes(input.error)}>
<div class="actions"><button type="submit">${text.verify}</button></div>
</form>
<form method="post" action="${escapeHtml(input.resendAction)}">${hidden(input.lang)}<button type="submit" class="secondary">${text.resend}</button></form>`;
  return layout(input.lang, text.otpTitle, body, { nonce, switchHref });
}

export function consentPage(input: { lang: PageLanguage; action: string; clientName: string; purpose: string; scopes: string[] }, nonce: string, switchHref: string): string {
  const text = TEXT[input.lang];
  const items = input.scopes.map((scope) => `<li>${escapeHtml(text.scopes[scope] ?? scope)}</li>`).join('');
  const body = `<h1>${text.consentTitle}</h1>
<p>${text.consentLead(escapeHtml(input.clientName))}</p>
<ul class="scopes">${items}</ul>
<p><strong>${text.purpose}:</strong> ${escapeHtml(input.purpose)}</p>
<p class="note">${text.consentNote}</p>
<form method="post" action="${escapeHtml(input.action)}">
${hidden(input.lang)}
<div class="actions">
<button type="submit" name="decision" value="allow">${text.allow}</button>
<button type="submit" name="decision" value="deny" class="secondary">${text.deny}</button>
</div>
</form>`;
  return layout(input.lang, text.consentTitle, body, { nonce, switchHref });
}

export function messagePage(lang: PageLanguage, message: string, nonce: string, code?: string): string {
  const text = TEXT[lang];
  const body = `<h1>${text.errorTitle}</h1><p role="alert">${escapeHtml(message)}</p>${code ? `<p class="note">${text.errorCode}: <code>${escapeHtml(code)}</code></p>` : ''}`;
  return layout(lang, text.errorTitle, body, { nonce });
}

export function expiredMessage(lang: PageLanguage): string {
  return TEXT[lang].expired;
}

export function mismatchMessage(lang: PageLanguage): string {
  return TEXT[lang].mismatch;
}

/** The RP-initiated logout confirmation; `form` is the provider's hidden form (with its anti-forgery token). */
export function logoutPage(lang: PageLanguage, form: string, nonce: string): string {
  const text = TEXT[lang];
  const body = `<h1>${text.logoutTitle}</h1>
<p>${text.logoutLead}</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${text.logoutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${text.logoutNo}</button>
</div>`;
  return layout(lang, text.logoutTitle, body, { nonce });
}

export function loggedOutPage(lang: PageLanguage, nonce: string): string {
  const text = TEXT[lang];
  return layout(lang, text.loggedOutTitle, `<h1>${text.loggedOutTitle}</h1><p>${text.loggedOutLead}</p>`, { nonce });
}

/** A phone number with all but the last three digits hidden: 0912345678 → *******678. */
export function maskPhone(phone: string): string {
  return `${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
}

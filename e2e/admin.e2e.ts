/**
 * Journey "admin": an administrator signs in with a password and an authenticator code, sees the start page, creates
 * a one-stop officer's account (temporary password shown once) and opens it, reads the roles, looks up ward 13348 on
 * a date before the 2025 reorganisation (Phường Yên Bắc, today Phường Đồng Văn), and registers a school's OpenID
 * client (secret shown once).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { Journey, launchBrowser, signIn, startPlatform, writeAxeSummary, type Account, type E2ePlatform } from './support.ts';

describe('administration', () => {
  let platform: E2ePlatform;
  let browser: Browser;
  let admin: Account;

  before(async () => {
    platform = await startPlatform({ residents: 300 });
    browser = await launchBrowser();
    admin = await platform.createAccount({ username: 'quantri.thixa', kind: 'staff', displayName: 'Quản trị Thị xã', roles: ['admin'], wards: ['*'], totp: true });
  });

  after(async () => {
    writeAxeSummary('admin');
    await browser?.close();
    await platform?.close();
  });

  it('an administrator manages accounts, reads roles and wards, registers an OpenID client', async () => {
    const journey = await Journey.start(browser, platform, 'admin');
    const page = journey.page;
    await journey.goto('/');
    await journey.capture('00-welcome', async () => {
      await page.getByTestId('sign-in').waitFor();
    });
    await page.getByTestId('sign-in').click();
    await signIn(journey, admin);
    await page.getByTestId('role-tag').first().waitFor();
    assert.match(await page.getByTestId('ward-context').first().innerText(), /Toàn thị xã/);
    await journey.capture('01-home', async () => {
      await page.getByTestId('role-tag').first().waitFor();
    });

    await journey.goto('/admin/accounts');
    await page.getByTestId('accounts').waitFor();
    await journey.capture('02-accounts', async () => {
      await page.getByTestId('accounts').waitFor();
    });

    await page.getByTestId('create-staff').click();
    await page.getByTestId('create-account-submit').click();
    await page.getByText('Hãy nhập Tên đăng nhập.').waitFor();
    await page.locator('#username').fill('Pham Hoa');
    await page.getByText('Tên đăng nhập: 3–40 chữ thường').waitFor();
    await journey.screenshot('03-create-validation', 'vi-1280');
    await journey.axe('03-create-validation', 'vi-1280');
    await page.locator('#username').fill('pham.thi.hoa');
    await page.locator('#displayName').fill('Phạm Thị Hoa');
    await page.locator('#roles').click();
    await page.getByTitle('Cán bộ một cửa').click();
    await page.keyboard.press('Escape');
    await page.locator('#wards').click();
    await page.locator('#wards').fill('13324');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('create-account-submit').click();
    const password = page.getByTestId('temporary-password');
    await password.waitFor();
    assert.ok((await password.innerText()).trim().length >= 12, 'a temporary password is shown once');
    await journey.screenshot('04-temporary-password', 'vi-1280');
    await journey.axe('04-temporary-password', 'vi-1280');
    await page.getByRole('button', { name: 'Đóng' }).last().click();

    await page.getByTestId('accounts').getByRole('button', { name: 'Phạm Thị Hoa' }).first().click();
    await page.locator('.ant-drawer-open').waitFor();
    await page.getByText('Cấp mật khẩu tạm mới').waitFor();
    await journey.screenshot('05-account', 'vi-1280');
    await journey.axe('05-account', 'vi-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await journey.assertNoHorizontalScroll('account drawer');
    await journey.screenshot('05-account', 'vi-375');
    await journey.axe('05-account', 'vi-375');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.keyboard.press('Escape');

    await journey.goto('/admin/roles');
    await page.getByTestId('roles').waitFor();
    await journey.capture('06-roles', async () => {
      await page.getByTestId('roles').waitFor();
    });

    await journey.goto('/admin/wards');
    await page.getByTestId('ward-code').fill('13348');
    await page.locator('#date').fill('01/06/2025');
    await page.locator('#date').press('Enter');
    await page.getByTestId('ward-lookup').click();
    await page.getByTestId('ward-result').getByText('Phường Yên Bắc').waitFor();
    assert.match(await page.getByTestId('ward-result').innerText(), /Phường Đồng Văn/);
    await journey.capture('07-wards', async () => {
      await page.getByTestId('ward-result').waitFor();
    });

    await journey.goto('/admin/clients');
    await page.getByTestId('clients').waitFor();
    await page.getByTestId('register-client').click();
    await page.locator('#name').fill('Cổng thông tin Trường THPT Duy Tiên A');
    await page.locator('#purpose').fill('Học sinh, phụ huynh đăng nhập cổng thông tin của trường (mô hình 31).');
    await page.locator('#redirectUris').fill('https://thpt-duytien-a.edu.vn/auth/callback');
    await page.getByTestId('client-form-submit').click();
    await page.getByTestId('client-secret').waitFor();
    await journey.screenshot('08-client-secret', 'vi-1280');
    await journey.axe('08-client-secret', 'vi-1280');
    await page.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByTestId('clients').getByText('Cổng thông tin Trường THPT Duy Tiên A').first().waitFor();
    await journey.capture('09-clients', async () => {
      await page.getByTestId('clients').waitFor();
    });
    await journey.close();
  });
});

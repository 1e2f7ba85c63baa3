// Issue 9: the one code button. Mobile login and the account dialogs (修改手机号 / 修改邮箱) say where
// the code went and count down from the server's resendAfter after 获取验证码, as registration and
// the recoveries do (test/browser/passwordRecovery.test.ts, usernameRecovery.test.ts).
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { mobile } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';

const masked = (m: string) => `${m.slice(0, 3)}****${m.slice(-4)}`;
const COUNTDOWN = /^(5[5-9]|60) 秒后重新获取$/;

describe('browser: code buttons of mobile login and the account dialogs', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    h = await harness();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await snapshot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    await context.close();
  });

  it('mobile login: the same note for any mobile, and a countdown', async () => {
    const phone = mobile();
    await page.goto('/login');
    await page.getByTestId('tab-mobile').click();
    await page.fill('#mlogin-mobile', phone);
    await page.fill('#mlogin-captcha', await captchaAnswer(page));
    await page.getByTestId('mobile-login-send').click();
    await page.getByTestId('mobile-login-sent').waitFor();
    expect(await page.getByTestId('mobile-login-sent').innerText()).to.equal(`如该手机号已开启手机号登录，验证码已发送至 ${masked(phone)}`);
    expect(await page.getByTestId('mobile-login-send').innerText()).to.match(COUNTDOWN);
    expect(await page.getByTestId('mobile-login-send').isDisabled()).to.equal(true);
  });

  it('修改手机号 and 修改邮箱: where the code went and a countdown', async () => {
    const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
    await page.goto('/login');
    await page.fill('input[name=username]', admin.username);
    await page.fill('input[name=password]', admin.password);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/account');

    const phone = mobile();
    await page.getByTestId('change-mobile').click();
    await page.locator('#chmobile-mobile').waitFor();
    await page.fill('#chmobile-mobile', phone);
    await page.fill('#chmobile-captcha', await captchaAnswer(page));
    await page.getByTestId('chmobile-send').click();
    const dialog = page.getByTestId('mobile-dialog');
    await dialog.getByTestId('sms-sent').waitFor();
    expect(await dialog.getByTestId('sms-sent').innerText()).to.equal(`验证码已发送至 ${masked(phone)}`);
    expect(await page.getByTestId('chmobile-send').innerText()).to.match(COUNTDOWN);
    expect(await page.getByTestId('chmobile-send').isDisabled()).to.equal(true);
    await snapshot(page, 'change-mobile-countdown');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('change-email').click();
    await page.locator('#chemail-email').waitFor();
    await page.fill('#chemail-email', 'new.address@example.cn');
    await page.fill('#chemail-captcha', await captchaAnswer(page));
    await page.getByTestId('chemail-send').click();
    const mailDialog = page.getByTestId('email-dialog');
    await mailDialog.getByTestId('email-sent').waitFor();
    expect(await mailDialog.getByTestId('email-sent').innerText()).to.match(/^验证码已发送至 n\S*@example\.cn$/);
    expect(await page.getByTestId('chemail-send').innerText()).to.match(COUNTDOWN);
  });
});

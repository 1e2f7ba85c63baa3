// A person in a browser forgets the administrator's username and finds it by enterprise real-name
// (U2, 000 §2.3.1.2): proven mobile with the enterprise's name and organization code, then the
// USCC (checked against the registry) and a bank; the simulated bank's UKey page lists the usernames.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, lastSms, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { mobile, registryEnterprise } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';

describe('browser: username recovery by the bank UKey, with the USCC', () => {
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

  const fill = (testId: string, value: string) => page.getByTestId(`field-${testId}`).fill(value);

  it('asks for the USCC before the bank, refuses another enterprise\'s, and shows the usernames after the UKey', async () => {
    const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
    const e = admin.enterprise;
    const phone = mobile();

    await page.goto('/login');
    await page.getByTestId('forgot-username-link').click();
    await page.waitForURL('**/forgot-username');
    await fill('enterpriseName', e.name);
    await fill('orgCode', e.orgCode);
    await fill('mobile', phone);
    await fill('captcha', await captchaAnswer(page));
    await page.getByRole('button', { name: '获取验证码' }).click();
    let code = '';
    for (let i = 0; i < 30 && !code; i++) {
      code = await lastSms(page, phone).catch(() => '');
      if (!code) await page.waitForTimeout(200);
    }
    await fill('smsCode', code);
    await page.getByTestId('username-next').click();

    await page.getByTestId('field-uscc').waitFor();
    const other = await registryEnterprise(h.services);
    await fill('uscc', other.uscc);
    await page.getByTestId('bank-ccb').click();
    await page.getByText('组织机构代码与登记信息不一致').waitFor();
    await fill('uscc', e.uscc);
    await page.getByTestId('bank-ccb').click();
    await page.getByTestId('open-bank').waitFor();

    const [bankPage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-bank').click()]);
    await bankPage.getByTestId('bank-uscc').fill(e.uscc);
    await bankPage.getByTestId('bank-ukey-login').click();
    await bankPage.getByTestId('bank-done').waitFor();

    await page.getByTestId('usernames').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('usernames').innerText()).to.include(admin.username);
    await snapshot(page, 'username-recovery-bank');
  });
});

// A person in a browser: registers an enterprise administrator through the portal wizard, logs
// in, and a supervisor logs into the console and finds the new account there.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, lastSms, launchBrowser, snapshot } from '../support/browser';
import { GOOD_PASSWORD, mobile, registryEnterprise, residentId, uniqueUsername } from '../support/fixtures';

describe('browser: portal registration and login, console login', () => {
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
    context = await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await snapshot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    await context.close();
  });

  it('registers an enterprise in the wizard, shows red hints on bad input, then logs in', async () => {
    const e = await registryEnterprise(h.services);
    const username = uniqueUsername('web');
    const phone = mobile();

    // R1: the chooser leads to the enterprise wizard.
    await page.goto('/register');
    await page.getByTestId('register-enterprise').click();
    await page.waitForURL('**/register/enterprise');
    await page.getByTestId('registration-steps').waitFor();
    expect(await page.getByTestId('registration-steps').innerText()).to.include('企业基本信息');

    // A wrong check character gets a red hint beside the field and the wizard stays on step 1.
    await page.fill('input[name=uscc]', e.uscc.slice(0, 17) + (e.uscc[17] === 'A' ? 'B' : 'A'));
    await page.getByTestId('next').click();
    await page.getByText('统一社会信用代码校验位错误').first().waitFor();

    await page.fill('input[name=uscc]', e.uscc);
    await page.fill('input[name=orgCode]', e.orgCode);
    await page.fill('input[name=name]', e.name);
    await page.fill('input[name=legalRepName]', e.legalRepName);
    await page.fill('input[name=legalRepIdNumber]', e.legalRepIdNumber);
    await page.fill('input[name=legalRepIdValidFrom]', '20200101');
    await page.fill('input[name=legalRepIdValidTo]', '00000000');
    await snapshot(page, 'register-step1');
    await page.getByTestId('next').click();

    await page.locator('input[name=username]').waitFor();
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', GOOD_PASSWORD);
    await page.fill('input[name=confirmPassword]', GOOD_PASSWORD);
    await page.fill('input[name=name]', '网页测试');
    await page.fill('input[name=idNumber]', residentId());
    await page.fill('input[name=email]', 'web@example.cn');
    await page.fill('input[name=mobile]', phone);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('send-sms').click();
    await page.getByTestId('sms-sent').waitFor();
    await page.fill('input[name=smsCode]', await lastSms(page, phone));
    await page.locator('input[name=agreement]').check();
    await snapshot(page, 'register-step2');
    await page.getByTestId('submit-registration').click();
    await page.getByTestId('registration-done').waitFor();
    expect(await page.getByTestId('registration-done').innerText()).to.include(username);
    await snapshot(page, 'register-done');

    await page.getByTestId('to-login').click();
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', GOOD_PASSWORD);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/account');
    await page.getByText(e.name).first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).to.include(username);
    expect(text).not.to.include(e.legalRepIdNumber); // only masked numbers are shown
    await snapshot(page, 'account');
  });

  it('lets a supervisor log into the console and see accounts with masked numbers', async () => {
    // The login form comes at once: "who is logged in" is not asked once per check with retries.
    let meCalls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/admin/me')) meCalls += 1;
    });
    const t0 = Date.now();
    await page.goto('/console/');
    await page.locator('input[name=username]').waitFor();
    console.log(`      (console login form shown ${Date.now() - t0} ms after opening /console/)`);
    // one check, and one more after react-admin's logout of the unknown visitor (it forgets the cache): no retries
    expect(meCalls, '/api/admin/me calls before the login form').to.be.at.most(2);
    await page.fill('input[name=username]', 'supervisor');
    await page.fill('input[name=password]', 'Supervisor#2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/console\/#\/?$/);
    await page.goto('/console/#/accounts');
    await page.getByText('demoadmin').first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).to.match(/\d{4}\*{6}[\dX]{4}/);
    await snapshot(page, 'console-accounts');
  });
});

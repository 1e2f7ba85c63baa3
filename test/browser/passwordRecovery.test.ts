// A person in a browser forgets the password of an administrator account, fails the
// legal-representative check, submits for manual review with images and a new password; a clerk
// claims and approves the case in the console; the new password then works.
import { expect } from 'chai';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, lastSms, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { mobile, residentId } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';

const NEW_PASSWORD = 'Browser#2026ok';

describe('browser: password recovery by manual review, approved in the console', () => {
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

  it('goes from 忘记密码 through 提交人工审核 to a clerk\'s approval', async () => {
    const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
    const e = admin.enterprise;
    const phone = mobile();

    await page.goto('/login');
    await page.getByTestId('forgot-password-link').click();
    await page.waitForURL('**/forgot-password');
    await fill('username', admin.username);
    await fill('captcha', await captchaAnswer(page));
    await page.getByTestId('recovery-next').click();

    await page.getByTestId('method-legalRep').click();
    await page.getByTestId('field-enterpriseName').waitFor();
    await fill('enterpriseName', e.name);
    await fill('uscc', e.uscc);
    await fill('legalRepName', e.legalRepName);
    await fill('legalRepIdNumber', residentId()); // not the legal representative's: the check fails
    await fill('mobile', phone);
    await fill('captcha', await captchaAnswer(page));
    await page.getByTestId('send-code').click();
    let code = '';
    for (let i = 0; i < 30 && !code; i++) {
      code = await lastSms(page, phone).catch(() => '');
      if (!code) await page.waitForTimeout(200);
    }
    await fill('smsCode', code);
    await page.getByTestId('recovery-verify').click();
    await page.getByTestId('recovery-alert').waitFor();
    expect(await page.getByTestId('recovery-alert').innerText()).to.include('提交人工审核');
    await page.getByTestId('request-review').click();

    await page.getByTestId('upload-idFront').waitFor();
    expect(await page.getByTestId('field-enterpriseName').inputValue()).to.equal(e.name);
    await fill('legalRepIdValidFrom', '20200101');
    await fill('legalRepIdValidTo', '00000000');
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } }).png().toBuffer();
    const jpg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#33c' } }).jpeg().toBuffer();
    await page.getByTestId('upload-idFront').setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('upload-license').setInputFiles({ name: 'license.jpg', mimeType: 'image/jpeg', buffer: jpg });
    await page.getByText('营业执照 ✓').waitFor();
    await page.getByText('法定代表人身份证人像面 ✓').waitFor();
    await fill('password', NEW_PASSWORD);
    await fill('confirmPassword', NEW_PASSWORD);
    await fill('captcha', await captchaAnswer(page));
    await page.getByTestId('submit-review').click();
    await page.getByTestId('submitted-ok').click();
    await page.getByTestId('review-waiting').waitFor();
    await snapshot(page, 'password-recovery-waiting');

    // The clerk, in the console.
    const desk = await context.newPage();
    await desk.goto('/console/');
    await desk.fill('input[name=username]', 'reviewer');
    await desk.fill('input[name=password]', 'Reviewer#2026');
    await desk.locator('button[type=submit]').click();
    await desk.waitForURL(/\/console\/#\/?$/);
    await desk.goto('/console/#/reviews');
    await desk.getByText(admin.username).first().click();
    await desk.getByTestId('review-image').first().waitFor();
    await desk.getByRole('button', { name: '领取' }).click();
    await desk.getByRole('button', { name: '审核处理' }).click();
    await desk.getByRole('button', { name: '确认' }).click();
    await desk.getByText('已通过').first().waitFor();
    await snapshot(desk, 'console-review-approved');

    let ok = 0;
    for (let i = 0; i < 50 && ok !== 200; i++) {
      ok = (await new ApiClient(h.baseUrl).login(admin.username, NEW_PASSWORD)).status;
      if (ok !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ok).to.equal(200);
  });
});

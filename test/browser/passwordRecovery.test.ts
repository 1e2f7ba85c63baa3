// A person in a browser forgets the password of an administrator account, fails the
// legal-representative check, submits for manual review with images and a new password; a clerk
// claims and approves the case in the console; the new password then works. On the way: the code
// button counts down with the note where the code went, the review form shows the masked ID number
// as text and a preview of each chosen image, with the upload limits said before upload.
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
    // Issue 9: where the code went and a countdown, as in registration (no second click, no 发送过于频繁).
    await page.getByTestId('sms-sent').waitFor();
    expect(await page.getByTestId('sms-sent').innerText()).to.equal(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(await page.getByTestId('send-code').innerText()).to.match(/^(59|60) 秒后重新获取$/);
    expect(await page.getByTestId('send-code').isDisabled()).to.equal(true);
    await page.waitForTimeout(1200);
    expect(await page.getByTestId('send-code').innerText(), 'it counts down').to.match(/^(57|58|59) 秒后重新获取$/);
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

    await page.getByTestId('picker-idFront').waitFor();
    expect(await page.getByTestId('field-enterpriseName').inputValue()).to.equal(e.name);
    // The masked ID number is text, not an editable field holding asterisks.
    expect(await page.getByTestId('masked-id-value').innerText()).to.match(/^\d{4}\*+[\dX]{4}$/);
    expect(await page.getByTestId('field-legalRepIdNumber').count()).to.equal(0);
    // Another number may be typed on purpose (an empty field, not the asterisks), or the masked one kept.
    await page.getByTestId('retype-id').click();
    expect(await page.getByTestId('field-legalRepIdNumber').inputValue()).to.equal('');
    await page.getByRole('button', { name: '沿用原号码' }).click();
    await page.getByTestId('masked-id-value').waitFor();
    expect(await page.getByTestId('field-legalRepIdNumber').count()).to.equal(0);
    // The limits before any upload, from the server's constants.
    expect(await page.getByTestId('upload-limits').innerText()).to.equal('支持 jpg、jpeg、png、bmp 格式，单个文件不超过 4 MB，最多 6 张');
    // The countdown survives the step change: the code sent at verification still blocks a resend.
    expect(await page.getByTestId('send-code').isDisabled()).to.equal(true);
    await fill('legalRepIdValidFrom', '20200101');
    await fill('legalRepIdValidTo', '00000000');
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } }).png().toBuffer();
    const jpg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#33c' } }).jpeg().toBuffer();
    // A wrong type is refused in the browser, before any upload.
    await page.getByTestId('upload-idBack').setInputFiles({ name: 'id.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.getByText('文件格式仅支持 jpg、png、jpeg、bmp').waitFor();
    expect(await page.getByTestId('preview-idBack').count()).to.equal(0);
    await page.getByTestId('upload-idFront').setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('upload-license').setInputFiles({ name: 'license.jpg', mimeType: 'image/jpeg', buffer: png });
    await page.getByTestId('preview-idFront').waitFor();
    expect(await page.getByTestId('preview-idFront').getAttribute('src')).to.match(/^blob:/);
    await page.getByText('已上传').first().waitFor();
    // Remove and choose again: the thumbnail follows.
    await page.getByTestId('remove-license').click();
    expect(await page.getByTestId('preview-license').count()).to.equal(0);
    await page.getByTestId('upload-license').setInputFiles({ name: 'license.jpg', mimeType: 'image/jpeg', buffer: jpg });
    await page.getByTestId('preview-license').waitFor();
    for (const kind of ['idFront', 'license']) await page.locator(`[data-testid=status-${kind}]`, { hasText: '已上传' }).waitFor();
    await snapshot(page, 'password-recovery-review-form');
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

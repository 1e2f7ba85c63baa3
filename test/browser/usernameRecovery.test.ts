// A person in a browser forgets the administrator's username and finds it by enterprise real-name
// (U2, 000 §2.3.1.2): proven mobile with the enterprise's name and organization code, then the
// USCC (checked against the registry) and a bank; the simulated bank's UKey page lists the usernames.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, lastSms, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { knownPerson, mobile, registryEnterprise, residentId } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';

describe('browser: username recovery (bank UKey with the USCC; account information with step 3)', () => {
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
  const codeOf = async (phone: string) => {
    let code = '';
    for (let i = 0; i < 30 && !code; i++) {
      code = await lastSms(page, phone).catch(() => '');
      if (!code) await page.waitForTimeout(200);
    }
    return code;
  };

  it('step 1 counts down after 获取验证码; step 3 names the legal representative when 法人信息 is chosen, empty, after the administrator passed step 2', async () => {
    const adminId = residentId();
    const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services, { idNumber: adminId });
    const e = admin.enterprise;
    knownPerson(h.services, e.legalRepName, e.legalRepIdNumber);
    const phone = mobile(); // not the administrator's bound mobile: two further proofs, one of them step 2's

    await page.goto('/forgot-username');
    expect(await page.getByTestId('step-title').innerText()).to.equal('第一步：填写企业信息');
    await fill('enterpriseName', e.name);
    await fill('orgCode', e.orgCode);
    await fill('mobile', phone);
    await fill('captcha', await captchaAnswer(page));
    await page.getByTestId('send-code').click();
    await page.getByTestId('send-code-sent').waitFor();
    expect(await page.getByTestId('send-code-sent').innerText()).to.equal(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(await page.getByTestId('send-code').innerText()).to.match(/^(59|60) 秒后重新获取$/);
    expect(await page.getByTestId('send-code').isDisabled()).to.equal(true);
    await fill('smsCode', await codeOf(phone));
    await page.getByTestId('username-next').click();

    await page.getByTestId('handler-note').waitFor();
    expect(await page.getByTestId('step-title').innerText()).to.equal('第二步：填写经办人信息');
    await page.getByText('本人姓名', { exact: true }).first().waitFor();
    await page.getByText('格式 YYYYMMDD，如 20200101').first().waitFor();
    await fill('name', '管理员甲');
    await fill('idNumber', adminId);
    await fill('idValidFrom', '20200101');
    await fill('idValidTo', '00000000');
    await page.getByTestId('username-next').click();

    await page.getByTestId('more-note').waitFor();
    expect(await page.getByTestId('step-title').innerText()).to.equal('第三步：企业其他信息验证');
    // The administrator was recognised (not treated as a handler), and step 3 says so.
    expect(await page.getByTestId('proven').innerText()).to.equal('已通过：管理员信息');
    for (const l of ['法人姓名', '法人证件类型', '法人证件号', '身份证有效起始日期', '身份证有效截止日期']) await page.getByText(l, { exact: true }).first().waitFor();
    expect(await page.getByText(/本人/).count(), 'no 本人 fields at step 3').to.equal(0);
    // Empty: not the administrator typed at step 2.
    expect(await page.getByTestId('field-otherLegalRepName').inputValue()).to.equal('');
    expect(await page.getByTestId('field-otherLegalRepIdNumber').inputValue()).to.equal('');
    await page.getByText('格式 YYYYMMDD，长期有效填 00000000').first().waitFor();
    await snapshot(page, 'username-recovery-step3-legalrep');
    await fill('otherLegalRepName', e.legalRepName);
    await fill('otherLegalRepIdNumber', e.legalRepIdNumber);
    await fill('otherLegalRepIdValidFrom', '20200101');
    await fill('otherLegalRepIdValidTo', '00000000');
    await page.getByTestId('username-next').click();
    await page.getByTestId('usernames').waitFor();
    expect(await page.getByTestId('usernames').innerText()).to.include(admin.username);
  });

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

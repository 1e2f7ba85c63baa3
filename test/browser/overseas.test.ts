// An overseas applicant in a browser (R1 → R5): chooses 境外企业注册, switches the page to English
// with its own EN switch, gets English red hints, picks the country by typing its code, verifies
// the e-mail address with the code from the developer outbox, registers and logs in.
import crypto from 'node:crypto';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, launchBrowser, snapshot } from '../support/browser';
import { GOOD_PASSWORD, uniqueUsername } from '../support/fixtures';

async function lastMail(page: Page, email: string): Promise<string> {
  const res = await page.request.get('/api/dev/outbox');
  const message = (await res.json()).items.find((m: { to: string; channel: string }) => m.to === email && m.channel === 'mail');
  if (!message) throw new Error(`no mail to ${email}`);
  return message.body.match(/(\d{6})/)[1];
}

describe('browser: overseas registration in English', () => {
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

  it('registers an overseas account in English and logs in with it', async () => {
    const username = uniqueUsername('os');
    const email = `os${crypto.randomBytes(4).toString('hex')}@example.com`;

    await page.goto('/register');
    await page.getByTestId('register-overseas').waitFor();
    await snapshot(page, 'register-chooser');
    await page.getByTestId('register-overseas').click();
    await page.waitForURL('**/register/overseas');
    await page.getByTestId('overseas-title').waitFor();
    expect(await page.getByTestId('overseas-title').innerText()).to.equal('国外及港澳台地区企业注册');

    // The page's own EN / 中 switch at the top right.
    await page.getByTestId('os-lang-en').click();
    await page.getByText('Sign up for an Overseas or HK & MAC & TW Regions of China Account').waitFor();
    await page.locator('input[name=username]').waitFor();

    // Red hints in English for what is missing or wrong.
    await page.fill('input[name=username]', 'Overseas1');
    await page.getByTestId('submit-registration').click();
    await page.getByText('This field is required').first().waitFor();
    const hints = await page.locator('[role=alert]').allInnerTexts();
    expect(hints.join('\n')).to.include('lower case only');
    for (const hint of hints) expect(hint).to.match(/^[\x20-\x7e\n–]+$/);
    await snapshot(page, 'overseas-hints-en');

    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', GOOD_PASSWORD);
    await page.fill('input[name=confirmPassword]', GOOD_PASSWORD);
    // Country by code: typing BDI offers Burundi first; Enter takes it.
    await page.locator('input[name=country]').click();
    await page.locator('input[name=country]').pressSequentially('BDI');
    await page.getByTestId('country-BDI').waitFor();
    await page.locator('input[name=country]').press('Enter');
    expect(await page.inputValue('input[name=country]')).to.equal('BDI Burundi');
    await page.fill('input[name=regNo]', 'RC-2026-0042');
    await page.fill('input[name=organization]', 'Bujumbura Coffee Exports S.A.');
    await page.fill('input[name=department]', 'Export');
    await page.fill('input[name=jobTitle]', 'Manager');
    await page.fill('input[name=contact]', 'Jean Ndayishimiye');
    await page.fill('input[name=contactPhone]', '+257 22 21 00 00');
    await page.fill('input[name=address]', 'Avenue de la Plage 12, Bujumbura');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('send-email-code').click();
    await page.getByTestId('email-sent').waitFor();
    expect(await page.getByTestId('email-sent').innerText()).to.match(/^Code sent to o\*\*\*@example\.com$/);
    const code = await lastMail(page, email);

    // A wrong code comes back from the server, in English, beside the field.
    await page.fill('input[name=emailCode]', code === '000000' ? '111111' : '000000');
    await page.getByTestId('submit-registration').click();
    await page.getByText('The e-mail verification code is wrong').waitFor();

    await page.fill('input[name=emailCode]', code);
    await snapshot(page, 'overseas-filled-en');
    await page.getByTestId('submit-registration').click();
    await page.getByTestId('registration-done').waitFor();
    expect(await page.getByTestId('registration-done').innerText()).to.include(username);
    await snapshot(page, 'overseas-done-en');

    const account = await h.db.models.Account.findOne({ where: { usernameKey: username } });
    expect(account!.kind).to.equal('overseas');
    const profile = await h.db.models.OverseasProfile.findByPk(account!.id);
    expect(profile!.country).to.equal('BDI');
    expect(profile!.regNo).to.equal('RC-2026-0042');

    await page.getByTestId('to-login').click();
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', GOOD_PASSWORD);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/account');
    await page.getByText(username).first().waitFor();
    await snapshot(page, 'overseas-account');
  });
});

// R8 in a browser: the enterprise wizard's "电子营业执照快捷注册" shows a QR code; the phone
// simulator opened from it authorizes a company; the waiting page moves on to the account step
// with the enterprise filled in (the flow waited for the provider's signed callback).
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { launchBrowser, snapshot } from '../support/browser';
import { registryEnterprise } from '../support/fixtures';

describe('browser: electronic business license quick registration', () => {
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

  it('fills the enterprise from a scanned license while the page waits', async () => {
    const e = await registryEnterprise(h.services);
    await page.goto('/register');
    await page.getByTestId('register-enterprise').click();
    await page.getByTestId('elicense-link').click();
    await page.waitForURL('**/register/elicense');
    await page.getByTestId('elicense-qr').waitFor();
    expect(await page.getByTestId('registration-steps').innerText()).to.include('电子营业执照扫码');
    await snapshot(page, 'elicense-qr');

    // The QR box opens the phone simulator, as a phone scanning it would.
    const href = (await page.getByTestId('elicense-qr').getAttribute('href'))!;
    expect(href).to.match(/^\/dev\/elicense\/registration-/);
    // ... and shows a real QR code of that page (issue 8 item 23: drawn by the qrcode library).
    const qr = page.getByTestId('elicense-qr-img');
    await qr.waitFor();
    expect(await qr.getAttribute('data-url')).to.equal(new URL(href, page.url()).href);
    expect(await qr.getAttribute('src')).to.match(/^data:image\/png;base64,/);
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 420, height: 860 });
    await phone.goto(href);
    // A USCC of a public institution is refused: only companies have electronic licenses.
    await phone.fill('input[name=uscc]', '12100000400013599U');
    await phone.getByTestId('scan-other').click();
    await phone.getByTestId('scan-error').waitFor();
    expect(await phone.getByTestId('scan-error').innerText()).to.include('9开头');
    await phone.getByTestId(`scan-${e.uscc}`).click();
    await phone.getByTestId('scan-done').waitFor();
    await snapshot(phone, 'elicense-phone');

    // The waiting page polls the flow and moves on by itself.
    await page.getByTestId('enterprise-summary').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('enterprise-summary').innerText()).to.include(e.name).and.include(e.uscc);
    await page.locator('input[name=username]').waitFor();
    await snapshot(page, 'elicense-account-step');
  });
});

// A person with a card reader: the card agent runs as on the applicant's PC (with a virtual card
// whose certificate comes from the back office CA), the portal asks for the PIN, the card signs,
// and the card-login rules apply: a new enterprise's legal-person card creates its administrator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, launchBrowser, snapshot } from '../support/browser';
import { registryEnterprise } from '../support/fixtures';
import { createVirtualCard, insertCard, loadAgentConfig, removeCard, startAgent, AgentHandle } from '../../card-agent';
import { issueCard } from '../../activities/cards/registry';

describe('browser: card login through the portal and the card agent', () => {
  let h: Harness;
  let browser: Browser;
  let agent: AgentHandle;
  let dir: string;
  let page: Page;

  before(async () => {
    h = await harness();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-cards-'));
    agent = await startAgent(loadAgentConfig({ CARD_AGENT_PORT: '0', CARD_AGENT_DIR: dir, CARD_AGENT_ORIGINS: h.baseUrl }));
    h.setCardAgentUrl(agent.url);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await agent?.close();
    h.setCardAgentUrl('http://127.0.0.1:4455');
  });

  async function virtualCard(pin: string) {
    const e = await registryEnterprise(h.services);
    const card = await createVirtualCard({
      dir, cardType: 'legal', medium: 'ic', pin, holderName: e.legalRepName, enterpriseName: e.name, uscc: e.uscc,
      issue: async (publicKeyPem) => {
        const issued = await issueCard(h.services, { publicKeyPem, cardType: 'legal', medium: 'ic', holderName: e.legalRepName, holderIdType: 'resident', holderIdNumber: e.legalRepIdNumber, uscc: e.uscc, enterpriseName: e.name });
        return { cardNo: issued.cardNo, certificate: issued.certificate };
      },
    });
    removeCard(dir, 'reader-1'); // the previous test's card, if any
    insertCard(dir, card.cardNo, 'reader-1');
    return { e, cardNo: card.cardNo };
  }

  it('logs in with the card and PIN, creates the administrator, and offers activation', async () => {
    const { e, cardNo } = await virtualCard('246810');
    const context = await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByTestId('tab-card').click();
      await page.getByText(cardNo).first().waitFor();

      // A wrong PIN is refused by the card, with the tries left.
      await page.fill('input[name=pin]', '111111');
      await page.getByTestId('card-pin-submit').click();
      await page.getByText(/还可尝试\s*4\s*次/).first().waitFor();

      await page.fill('input[name=pin]', '246810');
      await page.getByTestId('card-pin-submit').click();
      await page.getByTestId('register-auto').waitFor();
      expect(await page.locator('body').innerText()).to.include(e.name);
      await snapshot(page, 'card-login-register');
      await page.getByTestId('register-auto').click();
      await page.waitForURL('**/account');
      await page.getByText(`${cardNo}_ADMIN`).first().waitFor();
      await page.getByTestId('activate').waitFor();
      await snapshot(page, 'card-login-account');
    } catch (err) {
      await snapshot(page, 'card-login-failed');
      throw err;
    } finally {
      await context.close();
    }
    const account = await h.db.models.Account.findOne({ where: { usernameKey: `${cardNo}_admin` } });
    expect(account!.status).to.equal('inactive');
  });

  it('unbinds the card from a password session only with the card and its PIN', async () => {
    const { cardNo } = await virtualCard('135790');
    const password = 'Unbind#2026pw';
    const byCard = await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
    const context = await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await byCard.newPage();
    try {
      // Card login creates the administrator; A4 activation in that card session gives it a password.
      await page.goto('/login');
      await page.getByTestId('tab-card').click();
      await page.getByText(cardNo).first().waitFor();
      await page.fill('input[name=pin]', '135790');
      await page.getByTestId('card-pin-submit').click();
      await page.getByTestId('register-auto').click();
      await page.waitForURL('**/account');
      expect((await page.request.post('/api/account/activate', { data: { password, confirmPassword: password } })).status()).to.equal(200);

      page = await context.newPage();
      await page.goto('/login');
      await page.fill('input[name=username]', `${cardNo}_ADMIN`);
      await page.fill('input[name=password]', password);
      await page.fill('input[name=captcha]', await captchaAnswer(page));
      await page.getByTestId('login-submit').click();
      await page.waitForURL('**/account');
      await page.goto('/cards');
      await page.getByTestId(`my-card-row-${cardNo}`).waitFor();
      await page.getByTestId('unbind-card').click();
      await page.getByTestId('unbind-confirm').click();
      // A password session: the dialog asks for the bound card and its PIN.
      await page.getByTestId('card-pin-panel').waitFor();
      await page.fill('input[name=pin]', '135790');
      await snapshot(page, 'card-unbind-pin');
      await page.getByTestId('card-pin-submit').click();
      await page.getByTestId('card-done').waitFor();
      await page.getByTestId('my-card-empty').waitFor();
    } catch (err) {
      await snapshot(page, 'card-unbind-failed');
      throw err;
    } finally {
      await context.close();
      await byCard.close();
    }
    const card = await h.db.models.Card.findOne({ where: { cardNo } });
    expect(card!.accountId).to.equal(null);
  });
});

// The developer pages in a browser (development, this machine): the inbox links to the simulators'
// data, which lists the documented bank cards among every simulator's seeded records.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { launchBrowser, snapshot } from '../support/browser';

describe('browser: developer pages', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  before(async () => {
    h = await harness();
    browser = await launchBrowser();
    page = await (await browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } })).newPage();
  });
  after(async () => {
    await browser?.close();
  });

  it('the inbox leads to every simulator\'s data, bank cards included', async () => {
    await page.goto('/dev/inbox');
    await page.getByTestId('to-simulators').click();
    await page.waitForURL('**/dev/simulators');
    await page.getByTestId('sim-bankCards-row').first().waitFor();
    for (const id of ['registry', 'identity', 'bankCards', 'bankUkey', 'elicense', 'mofcom']) {
      expect(await page.getByTestId(`sim-${id}-row`).count(), id).to.be.greaterThan(0);
    }
    expect(await page.getByTestId('sim-bankCards').innerText()).to.include('6222022026010000373');
    await snapshot(page, 'dev-simulators');
  });
});

// What a newcomer stumbled on in the portal (issue "Usability"): open tabs that outlived the
// logout, a 401 in the console on every logged-out page, list columns hidden behind the pinned
// 操作 column, English plurals and pager words, 上次登录 showing the current login, the full
// e-mail beside masked mobiles, and self-service pages that did not fit a phone.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';
import { operatorFields } from '../support/manage';
import { uniqueUsername } from '../support/fixtures';

describe('browser: portal usability', () => {
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
  const open = async (width: number, height = 900) => {
    context = await browser.newContext({ baseURL: h.baseUrl, viewport: { width, height } });
    page = await context.newPage();
  };
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await snapshot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    await context?.close();
  });

  async function login(username: string, password: string) {
    await page.goto('/login');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/account');
  }

  async function adminWithOperator(): Promise<RegisteredAdmin> {
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    expect((await api.login(admin.username, admin.password)).status).to.equal(200);
    const op = { username: `ux${uniqueUsername('').slice(0, 8)}`, name: '周晓明' };
    expect((await api.post('/api/operators', { ...operatorFields(op), email: 'zhou.xiaoming@example.cn' })).status).to.equal(201);
    return admin;
  }

  it('asks who is logged in without an error: no 401 in the console of the logged-out pages', async () => {
    await open(1280);
    const failures: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() === 401) failures.push(`${r.status()} ${r.url()}`);
    });
    for (const path of ['/login', '/register', '/forgot-password', '/forgot-username']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect(failures).to.deep.equal([]);
  });

  it('clears the open tabs at logout: the next person on the browser starts with 首页 alone', async () => {
    await open(1280);
    const admin = await adminWithOperator();
    await login(admin.username, admin.password);
    await page.getByTestId('nav-operators').click();
    await page.waitForURL('**/operators');
    await page.getByTestId('tab-operators').waitFor();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    expect(await page.evaluate("sessionStorage.getItem('sw.portal.tabs')")).to.equal(null);

    // The next person logs in on the same browser tab: only 首页 and the page it lands on.
    await login('demoadmin', 'Demo#2026admin');
    await page.getByTestId('tab-account').waitFor();
    expect(await page.getByTestId('tab-operators').count(), 'the previous person’s tab').to.equal(0);
  });

  it('shows every default column of the operators list beside the pinned 操作 column at 1280 px, masked e-mail, Chinese pager words', async () => {
    await open(1280);
    const admin = await adminWithOperator();
    await login(admin.username, admin.password);
    await page.goto('/operators');
    await page.waitForSelector('[data-testid^="operator-row-"]');
    const actions = await page.locator('[data-testid="operators-table"] thead th').last().boundingBox();
    for (const key of ['username', 'name', 'mobile', 'idNumber', 'status', 'mustChange', 'cardNo', 'remark']) {
      const box = await page.getByTestId(`col-${key}`).boundingBox();
      expect(box, key).to.not.equal(null);
      expect(box!.x + box!.width, `${key} ends before 操作`).to.be.at.most(actions!.x + 1);
    }
    await snapshot(page, 'operators-1280');
    expect(await page.getByRole('button', { name: '下一页' }).count(), 'pager arrows in Chinese').to.equal(1);

    // e-mail: masked in the list as the mobile is
    await page.getByTestId('operators-columns').click();
    await page.getByTestId('operators-columns-email').click();
    await page.keyboard.press('Escape');
    const table = await page.getByTestId('operators-table').innerText();
    expect(table).to.contain('z***@example.cn');
    expect(table).to.not.contain('zhou.xiaoming@example.cn');

    // an empty result says so instead of "第 0-0 条"
    await page.getByTestId('search-username').fill('nobody-has-this-name');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('operators-empty').waitFor();
    expect(await page.getByTestId('operators-pagination').innerText()).to.not.contain('0-0');
  });

  it('says "1 operator" in English and does not cut the menu labels', async () => {
    await open(1440);
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    expect((await api.login(admin.username, admin.password)).status).to.equal(200);
    expect((await api.post('/api/operators', operatorFields({ username: `en${uniqueUsername('').slice(0, 8)}`, name: '吴一' }))).status).to.equal(201);
    await login(admin.username, admin.password);
    await page.getByTestId('lang-en').click();
    await page.goto('/operators');
    await page.waitForSelector('[data-testid^="operator-row-"]');
    expect(await page.getByTestId('operators-count').innerText()).to.equal('1 operator');
    const label = page.getByTestId('side-menu').getByText('Account information', { exact: true });
    const cut = await label.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, '"Account information" shown whole').to.equal(false);
  });

  it('shows the previous login as 上次登录, not the current one', async () => {
    await open(1280);
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    await login(admin.username, admin.password);
    expect(await page.getByTestId('account-last-login').innerText()).to.contain('首次登录');
    const first = (await (await page.request.get('/api/session')).json()).account.lastLoginAt as string;

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await login(admin.username, admin.password);
    const shown = await page.getByTestId('account-last-login').innerText();
    const d = new Date(first);
    const pad = (n: number) => String(n).padStart(2, '0');
    // the first login's minute, in the browser's time zone as the page formats it
    expect(shown).to.contain(`${pad(d.getHours())}:${pad(d.getMinutes())}`);
    expect((await (await page.request.get('/api/session')).json()).account.previousLoginAt).to.equal(first);
  });

  it('fits the self-service pages on a phone (390 px): nothing wider than the screen', async () => {
    await open(390, 844);
    for (const path of ['/login', '/register', '/register/enterprise', '/forgot-password', '/forgot-username']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, `${path} scroll width`).to.be.at.most(390);
    }
    await page.goto('/login');
    const tab = await page.getByTestId('tab-card').boundingBox();
    expect(tab!.height, 'login tabs on one line').to.be.below(50);
    await snapshot(page, 'login-390');
  });
});

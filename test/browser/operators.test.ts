// An administrator in a browser runs 我的操作员 (O1, O4): searches by username and by name, 重置,
// hides a column with the column chooser (kept after a reload), edits an operator in the dialog,
// deletes one after the confirmation; and uses the shell around it (X1–X3): page tabs with
// 关闭其他/关闭全部, the folding menu, the keyboard, and the English switch.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, Harness } from '../support/harness';
import { captchaAnswer, launchBrowser, snapshot } from '../support/browser';
import { ApiClient } from '../support/apiClient';
import { uniqueUsername } from '../support/fixtures';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';
import { operatorFields } from '../support/manage';

describe('browser: my operators and the portal shell', () => {
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

  /** A new enterprise with its administrator and three operators (through the API). */
  async function enterpriseWithOperators(): Promise<{ admin: RegisteredAdmin; ops: { username: string; name: string }[] }> {
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    expect((await api.login(admin.username, admin.password)).status).to.equal(200);
    const tag = uniqueUsername('').slice(0, 6);
    const ops = [
      { username: `zhang${tag}`, name: '张晓明' },
      { username: `wang${tag}`, name: '王丽华' },
      { username: `li${tag}`, name: '李张氏' },
    ];
    for (const op of ops) expect((await api.post('/api/operators', operatorFields(op))).status).to.equal(201);
    return { admin, ops };
  }

  async function login(username: string, password: string) {
    await page.goto('/login');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/account');
  }

  const rows = () => page.locator('[data-testid^="operator-row-"]');
  const waitRows = (n: number) => page.waitForFunction(`document.querySelectorAll('[data-testid^="operator-row-"]').length === ${n}`);
  const shellTabs = () => page.locator('[data-testid="tab-bar"] [role="tab"]');

  it('searches, resets, chooses columns, edits and deletes operators', async () => {
    const { admin, ops } = await enterpriseWithOperators();
    await login(admin.username, admin.password);
    await page.getByTestId('nav-operators').click();
    await page.getByTestId(`operator-row-${ops[2].username}`).waitFor();
    expect(await rows().count()).to.equal(3);
    await snapshot(page, 'operators-list');

    // 查询 by a part of the username; Enter in the field submits.
    await page.getByTestId('search-username').fill(ops[1].username.slice(0, 6).toUpperCase());
    await page.getByTestId('search-username').press('Enter');
    await waitRows(1);
    expect(await rows().first().getAttribute('data-testid')).to.equal(`operator-row-${ops[1].username}`);

    // 重置 clears the conditions and lists everyone again.
    await page.getByTestId('search-reset').click();
    await waitRows(3);
    expect(await page.getByTestId('search-username').inputValue()).to.equal('');

    // By name: 张 is in two names.
    await page.getByTestId('search-name').fill('张');
    await page.getByTestId('search-submit').click();
    await waitRows(2);
    const found = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(found).to.have.members([`operator-row-${ops[0].username}`, `operator-row-${ops[2].username}`]);
    await page.getByTestId('search-name').fill('没有这个人');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('operators-empty').waitFor();
    expect(await page.getByTestId('operators-empty').innerText()).to.include('没有符合查询条件的操作员');
    await page.getByTestId('search-reset').click();
    await waitRows(3);

    // 选择显示列: hide 手机; the choice survives a reload.
    expect(await page.getByTestId('col-mobile').count()).to.equal(1);
    await page.getByTestId('operators-columns').click();
    await page.getByTestId('operators-columns-mobile').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('col-mobile').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="operators-table"] thead').innerText()).not.to.include('手机');
    await page.reload();
    await page.getByTestId(`operator-row-${ops[0].username}`).waitFor();
    expect(await page.getByTestId('col-mobile').count()).to.equal(0);
    expect(await page.getByTestId('col-name').count()).to.equal(1);
    await snapshot(page, 'operators-columns');

    // 修改: the dialog saves a new name and the account status.
    await page.getByTestId(`edit-operator-${ops[1].username}`).click();
    await page.getByTestId('edit-operator-dialog').waitFor();
    expect(await page.inputValue('#opedit-username')).to.equal(ops[1].username);
    expect(await page.locator('#opedit-username').getAttribute('readonly')).to.not.equal(null);
    await page.fill('#opedit-name', '王丽华改');
    await page.selectOption('#opedit-status', 'disabled');
    await snapshot(page, 'operators-edit');
    await page.getByTestId('save-operator-edit').click();
    await page.getByTestId('operator-created').waitFor();
    expect(await page.getByTestId('operator-created').innerText()).to.include(ops[1].username);
    await page.getByTestId('edit-operator-dialog').waitFor({ state: 'detached' });
    const edited = page.getByTestId(`operator-row-${ops[1].username}`);
    await page.waitForFunction(`document.querySelector('[data-testid="operator-row-${ops[1].username}"]')?.textContent?.includes('王丽华改')`);
    expect(await edited.innerText()).to.include('停用');
    const row = await h.db.models.Account.findOne({ where: { usernameKey: ops[1].username } });
    expect(row!.name).to.equal('王丽华改');
    expect(row!.status).to.equal('disabled');

    // A bad value stays in the dialog with a red hint.
    await page.getByTestId(`edit-operator-${ops[0].username}`).click();
    await page.fill('#opedit-mobile', '12345');
    await page.getByTestId('save-operator-edit').click();
    await page.getByText('手机号码格式').first().waitFor();
    await page.getByTestId('cancel-operator-edit').click();

    // 删除 asks first; 取消 keeps the operator, 确认 removes it.
    await page.getByTestId(`delete-operator-${ops[2].username}`).click();
    await page.getByTestId('cancel-delete-operator').click();
    expect(await rows().count()).to.equal(3);
    await page.getByTestId(`delete-operator-${ops[2].username}`).click();
    expect(await page.getByRole('dialog').innerText()).to.include(ops[2].username);
    await page.getByTestId('confirm-delete-operator').click();
    await page.getByTestId(`operator-row-${ops[2].username}`).waitFor({ state: 'detached' });
    expect(await rows().count()).to.equal(2);
    expect(await h.db.models.Account.findOne({ where: { usernameKey: ops[2].username } })).to.equal(null);
  });

  it('keeps opened pages as tabs, closes others and all, folds the menu, and switches to English', async () => {
    const { admin } = await enterpriseWithOperators();
    await login(admin.username, admin.password);
    await page.getByTestId('tab-account').waitFor();
    await page.getByTestId('nav-operators').click();
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('nav-qualifications').click();
    await page.getByTestId('qualifications-page').waitFor();
    for (const k of ['home', 'account', 'operators', 'cards', 'qualifications']) await page.getByTestId(`tab-${k}`).waitFor();
    expect(await page.getByTestId('tab-qualifications').getAttribute('aria-selected')).to.equal('true');

    // A tab brings its page back; ← → move between tabs.
    await page.getByTestId('tab-operators').click();
    await page.waitForURL('**/operators');
    await page.getByTestId('tab-operators').press('ArrowRight');
    await page.waitForURL('**/cards');

    // Closing the current tab shows its neighbour.
    await page.getByTestId('tab-close-cards').click();
    await page.waitForURL('**/qualifications');
    expect(await page.getByTestId('tab-cards').count()).to.equal(0);

    // 关闭其他选项卡 keeps 首页 and the current one.
    await page.getByTestId('tabs-menu').click();
    await page.getByTestId('tabs-close-others').click();
    await page.getByTestId('tab-operators').waitFor({ state: 'detached' });
    expect(await shellTabs().count()).to.equal(2);

    // 关闭全部选项卡 leads to 首页.
    await page.getByTestId('nav-operators').click();
    await page.getByTestId('tabs-menu').click();
    await page.getByTestId('tabs-close-all').click();
    await page.waitForURL('**/home');
    await page.getByTestId('home-page').waitFor();
    expect(await shellTabs().count()).to.equal(1);

    // Many tabs in a narrow window scroll with the arrows.
    await page.setViewportSize({ width: 760, height: 800 });
    for (const nav of ['nav-account', 'nav-operators', 'nav-cards', 'nav-qualifications', 'nav-permissions']) await page.getByTestId(nav).click();
    await page.getByTestId('tabs-scroll-left').waitFor();
    expect(await page.getByTestId('tabs-scroll-left').isEnabled()).to.equal(true);
    await page.getByTestId('tab-home').scrollIntoViewIfNeeded();
    await snapshot(page, 'shell-many-tabs');
    await page.setViewportSize({ width: 1280, height: 900 });

    // 折叠/展开菜单: folded, the menu shows icons only.
    await page.getByTestId('menu-toggle').click();
    expect(await page.getByTestId('side-menu').getAttribute('data-collapsed')).to.equal('true');
    expect(await page.getByTestId('side-menu').innerText()).not.to.include('我的操作员');
    await page.getByTestId('menu-toggle').click();
    expect(await page.getByTestId('side-menu').innerText()).to.include('我的操作员');

    // ↓ in the menu moves to the next entry; Enter opens it.
    await page.getByTestId('nav-account').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/operators');

    // English throughout the shell and the list.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('operators-table').waitFor();
    expect(await page.getByTestId('tab-operators').innerText()).to.include('My operators');
    expect(await page.getByTestId('search-submit').innerText()).to.match(/search/i);
    expect(await page.locator('[data-testid="operators-table"] thead').innerText()).to.match(/username/i);
    await page.getByTestId('tabs-menu').click();
    expect(await page.getByTestId('tabs-close-all').innerText()).to.equal('Close all tabs');
    await page.keyboard.press('Escape');
    await snapshot(page, 'operators-english');
  });

  it("tells an operator deleted during its first login that the account is gone (not that the page expired)", async () => {
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    expect((await api.login(admin.username, admin.password)).status).to.equal(200);
    const op = operatorFields();
    const created = await api.post('/api/operators', op);
    await page.goto('/login');
    await page.fill('input[name=username]', op.username);
    await page.fill('input[name=password]', '88888888');
    await page.fill('input[name=captcha]', await captchaAnswer(page));
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/first-login/**');
    await page.getByTestId('sms-confirm').waitFor();
    const flowId = decodeURIComponent(page.url().split('/first-login/')[1]);
    // The API finds the flow through Temporal visibility: wait until it lists it (eventually consistent).
    for (let i = 0; i < 50; i++) {
      const { count } = await h.client.workflow.count(`WorkflowId = '${flowId}' AND Applicant = '${op.username}'`);
      if (count > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await api.call('DELETE', `/api/operators/${created.body.id}`)).status).to.equal(204);
    await page.reload();
    await page.getByTestId('flow-expired').waitFor();
    expect(await page.getByTestId('flow-expired').textContent()).to.match(/该账号已不存在/);
  });
});

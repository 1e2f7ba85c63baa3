// Headless Chromium for browser tests: Debian's chromium driven by playwright-core. When it is
// missing the setup installs it with apt-get (these machines run tests as root).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  console.log('installing Debian chromium for the browser tests ...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei', { stdio: 'inherit' });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is still missing at ${CHROMIUM}`);
  return CHROMIUM;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves a screenshot under test-results/ for people to look at after a run. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The answer of the captcha a page currently shows (developer endpoint, simulators on). */
export async function captchaAnswer(page: Page): Promise<string> {
  await page.waitForFunction("document.querySelector('input[name=captchaId]')?.value");
  const id = await page.inputValue('input[name=captchaId]');
  const res = await page.request.get(`/api/dev/captcha/${id}`);
  return (await res.json()).answer;
}

export async function lastSms(page: Page, mobile: string): Promise<string> {
  const res = await page.request.get('/api/dev/outbox');
  const message = (await res.json()).items.find((m: { to: string }) => m.to === mobile);
  return message.body.match(/(\d{6})/)[1];
}

// Browser tests: the real kefu binary serving the built web app (web/dist) on a loopback
// port, driven in Debian's Chromium by playwright-core (no browser download). Every page
// records console errors and uncaught exceptions; tests assert there are none.
// Screenshots go to web/test-results/ (kept as CI artifacts).
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KefuServer } from '../../../../tests/e2e/lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = path.resolve(here, '../../..');
export const RESULTS = path.join(WEB_DIR, 'test-results');
export const CHROMIUM = process.env.KEFU_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function startServer(options = {}) {
  return KefuServer.start({
    ...options,
    env: { KEFU_WEB_DIR: path.join(WEB_DIR, 'dist'), ...(options.env || {}) },
  });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// A page in its own context (own cookies) that remembers console errors.
export async function openPage(browser, { mobile = false, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext(
    mobile
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale }
      : { viewport: { width: 1440, height: 900 }, locale },
  );
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  return page;
}

export async function shot(page, name) {
  await mkdir(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

// Logs in through the console's login form.
export async function loginAs(page, base, username, password = 'kefu2026') {
  await page.goto(`${base}/login`);
  await page.fill('[data-test="login-username"], input[name="username"]', username);
  await page.fill('[data-test="login-password"], input[name="password"]', password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
    page.click('[data-test="login-submit"], button[type="submit"]'),
  ]);
}

// The customer's side in a real phone-sized browser: a complaint with a photo from the
// mobile page, its number, and the agent seeing it — photo included — in the console.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

// A valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const field = (page, name) =>
  page.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`).first();

describe('a customer complains from the phone', () => {
  let server, browser, number;
  before(async () => {
    server = await startServer({ tickets: 20, members: 10 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('submits a complaint with a photo and gets a ticket number', async () => {
    const page = await openPage(browser, { mobile: true });
    await page.goto(`${server.base}/m/`);
    await page.click('[data-test="m-type-complaint"]');
    await page.click('[data-test="m-store"]');
    await page.locator('.van-picker__confirm').click(); // the first store
    await field(page, 'm-subject').fill('电梯故障被困五分钟');
    await field(page, 'm-description').fill('下午三点在二号电梯被困约五分钟，希望尽快检修。');
    await field(page, 'm-phone').fill('13800138000');
    await page.locator('[data-test="m-photo"] input[type="file"]').setInputFiles({
      name: 'elevator.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.click('[data-test="m-submit"]');
    number = (await page.locator('[data-test="m-number"]').textContent()).trim();
    assert.match(number, /^KF\d+$/);
    await shot(page, 'mobile-submitted');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the agent finds it unclaimed in the console with the customer photo', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'zhangmin');
    await page.goto(`${server.base}/tickets?q=${encodeURIComponent(number)}`);
    const row = page.locator(`[data-test="ticket-row"][data-number="${number}"]`);
    await row.waitFor();
    await page.goto(`${server.base}/tickets/${await row.getAttribute('data-id')}`);
    await page.locator('[data-test="claim"]').waitFor();
    const img = page.locator('[data-test="photo"] img').first();
    await img.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector('[data-test="photo"] img');
      return i && i.complete && i.naturalWidth === 1;
    });
    await shot(page, 'console-ticket-from-mobile');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

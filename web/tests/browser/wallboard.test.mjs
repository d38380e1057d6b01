// The live wallboard on the service centre's TV: a supervisor opens /wallboard (no console
// menu or header, dark, large figures); a ticket registered through the API by an agent on
// another session shows on the board within a few seconds, without a reload. The menu entry
// opens it in a new tab.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { newTicket } from '../../../tests/e2e/lib/server.mjs';

const figure = async (page, test) => Number(await page.getAttribute(`[data-test="${test}"]`, 'data-value'));

describe('the live wallboard', () => {
  let server, browser, page, agent, storeId;

  before(async () => {
    server = await startServer({ tickets: 60, members: 10 });
    browser = await launch();
    page = await openPage(browser, { locale: 'zh-CN' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    agent = await server.login('zhangmin');
    storeId = agent.me.store_ids[0];
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows today’s figures full screen and follows a ticket created through the API', async () => {
    await loginAs(page, server.base, 'chenjing');
    const stream = page.waitForResponse((r) => r.url().includes('/api/v1/notifications/stream'));
    await page.goto(`${server.base}/wallboard`);
    await page.locator('[data-test="wallboard"][data-loaded="1"]').waitFor();
    assert.equal((await stream).status(), 200);
    assert.equal(await page.locator('[data-test="nav"]').count(), 0, 'no console menu on the wallboard');
    const contacts = await figure(page, 'wb-contacts');
    const open = await figure(page, 'wb-open');
    const stamp = await page.getAttribute('[data-test="wb-updated"]', 'data-at');
    assert.match(await page.textContent('[data-test="wb-clock"]'), /^\d{2}:\d{2}:\d{2}$/);
    await shot(page, 'wallboard-before');

    const started = Date.now();
    const r = await agent.post('/api/v1/tickets', newTicket(storeId, { channel: 'hotline', category: '大屏演示', subject: '停车场电梯故障' }));
    assert.equal(r.status, 201, r.text);
    await page.waitForFunction(
      ([want]) => Number(document.querySelector('[data-test="wb-contacts"]')?.dataset.value) === want,
      [contacts + 1],
      { timeout: 5000 },
    );
    const took = Date.now() - started;
    assert.ok(took < 5000, `took ${took} ms`);
    assert.equal(await figure(page, 'wb-open'), open + 1);
    assert.notEqual(await page.getAttribute('[data-test="wb-updated"]', 'data-at'), stamp);
    assert.equal(await page.getAttribute('[data-test="wb-topics"] [data-key="大屏演示"]', 'data-count'), '1');
    // Readable across a room: the figures are large.
    const size = await page.$eval('[data-test="wb-contacts"] .wb-tile-value', (el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 64, `figure font ${size}px`);
    await shot(page, 'wallboard-after');
    assert.deepEqual(page.errors, []);
  });

  it('the menu entry opens it in a new tab', async () => {
    await page.goto(`${server.base}/dashboard`);
    const entry = page.locator('[data-test="nav-wallboard"] a');
    assert.equal(await entry.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), entry.click()]);
    await tab.waitForLoadState();
    assert.equal(new URL(tab.url()).pathname, '/wallboard');
    await tab.locator('[data-test="wallboard"][data-loaded="1"]').waitFor();
    await tab.close();
  });
});

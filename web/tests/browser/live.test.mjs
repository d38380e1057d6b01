// The console live, as a service desk with several agents on one queue expects: 张敏 has a
// ticket open in Chromium with a half-typed reply; 刘洋 replies to that ticket through the
// HTTP API (another session, node fetch). The reply shows up in 张敏's timeline within 3 s
// without a page reload, and her draft is untouched. Then a ticket 刘洋 registers through the
// API shows up in 张敏's open ticket list within 3 s, with the "列表已更新" hint.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { newTicket } from '../../../tests/e2e/lib/server.mjs';

const field = (page, name) =>
  page.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`).first();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Opens a console URL and waits until the page's live stream is answered (the server
// subscribes it right after its `ready` event).
async function openLive(page, url) {
  const stream = page.waitForResponse((r) => r.url().includes('/api/v1/notifications/stream'));
  await page.goto(url);
  assert.equal((await stream).status(), 200);
  await sleep(300);
  // A marker that a reload would wipe.
  await page.evaluate(() => (window.__kefuNoReload = true));
}
const notReloaded = (page) => page.evaluate(() => window.__kefuNoReload === true);

describe('the console is live', () => {
  let server, browser, page, liuyang, storeId, ticket;
  const draft = '王女士您好，关于试衣间排队的问题，我们';

  before(async () => {
    server = await startServer({ tickets: 20, members: 10 });
    browser = await launch();
    page = await openPage(browser);
    liuyang = await server.login('liuyang');
    storeId = liuyang.me.store_ids[0];
    const r = await liuyang.post('/api/v1/tickets', newTicket(storeId, { type: 'complaint', subject: '试衣间排队无人引导' }));
    assert.equal(r.status, 201, r.text);
    ticket = r.json;
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("another agent's reply appears in the open ticket without a reload, and the draft stays", async () => {
    await loginAs(page, server.base, 'zhangmin');
    await openLive(page, `${server.base}/tickets/${ticket.id}`);
    await page.locator('[data-test="timeline-event"]').first().waitFor();
    await field(page, 'reply-body').fill(draft);
    const body = '您好，已安排楼层主管到现场引导。';
    const started = Date.now();
    const r = await liuyang.post(`/api/v1/tickets/${ticket.id}/replies`, { body });
    assert.equal(r.status, 201, r.text);
    const reply = page.locator('[data-test="timeline-event"][data-kind="reply"]', { hasText: body });
    await reply.waitFor({ timeout: 3000 });
    const took = Date.now() - started;
    assert.ok(took <= 3000, `took ${took} ms`);
    assert.ok(await notReloaded(page), 'the page was not reloaded');
    assert.equal(await field(page, 'reply-body').inputValue(), draft);
    assert.match(await reply.textContent(), /刘洋/);
    await shot(page, 'console-live-detail');
    assert.deepEqual(page.errors, []);
  });

  it('a ticket registered elsewhere appears in the open ticket list', async () => {
    await openLive(page, `${server.base}/tickets`);
    await page.locator('[data-test="ticket-row"]').first().waitFor();
    const r = await liuyang.post('/api/v1/tickets', newTicket(storeId, { subject: '顾客询问停车优惠' }));
    assert.equal(r.status, 201, r.text);
    const started = Date.now();
    await page.locator(`[data-test="ticket-row"][data-number="${r.json.number}"]`).waitFor({ timeout: 3000 });
    const took = Date.now() - started;
    assert.ok(took <= 3000, `took ${took} ms`);
    assert.ok(await notReloaded(page), 'the page was not reloaded');
    assert.equal(await page.locator('[data-test="tickets-live"]').getAttribute('data-shown'), '1');
    assert.equal((await page.textContent('[data-test="tickets-live"]')).trim(), '列表已更新');
    await shot(page, 'console-live-list');
    assert.deepEqual(page.errors, []);
  });
});

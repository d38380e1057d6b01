// 机器人运营 in a real browser: after customers chat with the bot (one answer confirmed, two
// questions it cannot answer), an admin reads the day's figures and charts, and dismisses
// an unanswered group, which leaves the page; a supervisor sees the page without actions.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';
import { startChat, eventually } from '../../../tests/e2e/lib/chat.mjs';

describe('bot operations in the console', () => {
  let server, browser;
  const post = async (token, what, body) => {
    const r = await fetch(`${server.base}/api/v1/public/chats/${token}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return r.status < 300 ? r.json() : Promise.reject(new Error(`${what}: ${r.status}`));
  };
  const botSaid = async (token) =>
    (await (await fetch(`${server.base}/api/v1/public/chats/${token}`)).json()).messages.filter((m) => m.sender === 'bot');

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    browser = await launch();
    const admin = await server.login('admin');
    const SH01 = (await directory(admin)).storeByCode.SH01.id;
    const sup = await server.login('chenjing');
    const settings = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, { body: { ...settings, bot_queues: ['parking'] } });
    const answered = await eventually(async () => {
      const chat = await startChat(server.base, SH01, { queue: 'parking' });
      await post(chat.token, 'messages', { client_msg_id: 'q1', body: '停车票在哪里拿？' });
      const said = (await botSaid(chat.token)).at(-1);
      return said && JSON.parse(said.body).act === 'answer' && { chat, said };
    }, 15000, 'a bot answer', 200);
    await post(answered.chat.token, 'bot-feedback', { seq: answered.said.seq, solved: true });
    for (const text of ['你们卖不卖天文望远镜', '明天会下雨吗']) {
      const chat = await startChat(server.base, SH01, { queue: 'parking' });
      await post(chat.token, 'messages', { client_msg_id: 'u1', body: text });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('an admin reads the figures and dismisses a group; a supervisor only reads', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'admin');
    await page.goto(`${server.base}/bot-ops`);
    await page.waitForSelector('[data-test="bot-ops-cluster"][data-key="你们卖不卖天文望远镜"]');
    await page.waitForFunction(() => document.querySelector('[data-test="bot-ops-faqs"] .el-table__body tr'));
    const faqs = await page.locator('[data-test="bot-ops-faqs"] .el-table__body').textContent();
    assert.match(faqs, /停车券在哪里领？/, 'the answered entry is in the table');
    assert.ok(Number(await page.locator('[data-test="bot-ops-botConversations"] .kf-stat').textContent()) >= 2);
    await page.waitForSelector('[data-test="bot-ops-rates-chart"] canvas');
    await shot(page, 'bot-ops-admin');
    await page.locator('[data-test="bot-ops-cluster"][data-key="你们卖不卖天文望远镜"] [data-test="bot-ops-dismiss"]').click();
    await page.waitForSelector('[data-test="bot-ops-cluster"][data-key="你们卖不卖天文望远镜"]', { state: 'detached' });
    assert.deepEqual(page.errors, []);

    const sup = await openPage(browser);
    await loginAs(sup, server.base, 'chenjing');
    await sup.goto(`${server.base}/bot-ops`);
    await sup.waitForSelector('[data-test="bot-ops-totals"]');
    await sup.waitForSelector('[data-test="bot-ops-cluster"][data-key="明天会下雨吗"]');
    assert.equal(await sup.locator('[data-test="bot-ops-dismiss"]').count(), 0, 'actions are for admins');
    await shot(sup, 'bot-ops-supervisor');
    assert.deepEqual(sup.errors, []);
  });
});

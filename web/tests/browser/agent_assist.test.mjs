// Agent assist (人机协作, issue 13) in a real browser against the real server and the demo
// knowledge base: a customer of SH01 asks in the live chat when the mall opens; 张敏 takes the
// chat in the console and, above the composer, sees the knowledge base's answer suggested;
// Alt+1 puts it in the composer as plain text, she adds a greeting and sends it; the customer
// receives her edited message, and the pick is learned: the admin sees it on 学习记录 (使用信号,
// 客服采用推荐) with the customer's question and the entry, and can revoke it. Then a chat the
// FAQ bot handed over: 张敏 uses 关联知识 to link the question the bot could not answer to an
// entry she finds by search, and the admin sees it (客服关联知识). Last, on a ticket: the
// suggestion for its description goes into the reply box with a click, the reply is sent and
// learned with the ticket. And the admin imports a file of question pairs on 相似问对: the
// report counts them, the bad row comes back on its line, a pair is revoked. No console errors.
// Screenshots in web/test-results/agent-assist-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory, newTicket } from '../../../tests/e2e/lib/server.mjs';
import { startChat } from '../../../tests/e2e/lib/chat.mjs';

const LIVE_MS = 15000; // a loaded 2-core machine; the matcher may still be building at start
const QUESTION = '商场几点开门几点关门？'; // a demo entry's question (src/demo/kb_texts_faq1.cpp)

describe('agent assist: the suggested answer, Alt+1, edited, sent, learned', () => {
  let server, browser, agent, admin, storeId, chat, convId;

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    const a = await server.login('admin');
    storeId = (await directory(a)).storeByCode.SH01.id;
    chat = await startChat(server.base, storeId, { name: '李女士' });
    const sent = await fetch(`${server.base}/api/v1/public/chats/${chat.token}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_msg_id: 'c0ffee00-0000-4000-8000-000000000001', body: QUESTION }),
    });
    assert.equal(sent.status, 201, await sent.text());
    const open = (await a.get(`/api/v1/chat/conversations?store_id=${storeId}&status=open`)).json.items;
    convId = open.find((c) => c.customer_name === '李女士').id;
    browser = await launch();
    agent = await openPage(browser);
    admin = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('张敏 takes the chat, sees the answer suggested, presses Alt+1, edits and sends it', async () => {
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/chat?c=${convId}`);
    await agent.locator(`[data-test="chat-open"][data-id="${convId}"]`).waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="chat-message"][data-kind="text"]', { hasText: QUESTION }).waitFor();
    const pick = agent.locator('.kf-chat-pickbar [data-test="chat-pick"]');
    if (await pick.count()) await pick.click();
    const composer = agent.locator('textarea[data-test="chat-composer"]');
    await composer.waitFor({ timeout: LIVE_MS });

    const first = agent.locator('[data-test="assist-item"][data-index="1"]');
    await first.waitFor({ timeout: LIVE_MS });
    assert.equal(await agent.locator('[data-test="assist"]').getAttribute('data-question'), QUESTION);
    assert.match(await first.locator('[data-test="assist-item-question"]').textContent(), /开门|关门|营业/);
    const preview = (await first.locator('[data-test="assist-item-preview"]').textContent()).trim();
    assert.ok(preview.length > 0);
    assert.ok((await agent.locator('[data-test="assist-item"]').count()) <= 3);
    await shot(agent, 'agent-assist-suggested');

    await composer.click();
    await agent.keyboard.press('Alt+1');
    const inserted = await composer.inputValue();
    assert.ok(inserted.length > 0, 'Alt+1 filled the composer');
    assert.ok(inserted.replace(/\s+/g, ' ').startsWith(preview.replace(/…$/, '')), `the composer holds the suggested answer: ${inserted}`);
    assert.doesNotMatch(inserted, /\*\*|!\[|\]\(/, 'plain text, no Markdown');

    const edited = `您好！${inserted}`;
    await composer.fill(edited);
    await composer.press('Enter');
    const mine = agent.locator('[data-test="chat-message"][data-kind="text"][data-state="sent"]', { hasText: '您好！' });
    await mine.waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="assist-learned"]').waitFor({ timeout: LIVE_MS });
    await shot(agent, 'agent-assist-sent');

    // The customer got the agent's edited message.
    const got = await (await fetch(`${server.base}/api/v1/public/chats/${chat.token}`)).json();
    assert.ok(got.messages.some((m) => m.sender === 'agent' && m.kind === 'text' && m.body === edited), 'the customer has the edited answer');
    assert.deepEqual(agent.errors, []);
  });

  it('the admin sees the pick on 学习记录 (客服采用推荐) and revokes it', async () => {
    await loginAs(admin, server.base, 'admin');
    await admin.goto(`${server.base}/kb/learning`);
    await admin.locator('[data-test="learning-summary"]').waitFor();
    const row = admin.locator('[data-test="learning-signal"][data-source="agent_pick"]', { hasText: QUESTION });
    await row.waitFor({ timeout: LIVE_MS });
    assert.equal(await row.getAttribute('data-revoked'), '0');
    const tr = admin.locator('tr', { has: row });
    assert.match(await tr.locator('[data-test="learning-signal-source"]').textContent(), /客服采用推荐/);
    assert.match(await tr.textContent(), /张敏/);
    assert.match(await tr.locator('[data-test="learning-signal-entry"]').textContent(), /开门|关门|营业/);
    await shot(admin, 'agent-assist-learning');

    await tr.locator('[data-test="learning-revoke"]').click();
    await admin.locator('[data-test="learning-signal"][data-revoked="1"]', { hasText: QUESTION }).waitFor({ timeout: LIVE_MS });
    await admin.locator('tr', { has: admin.locator('[data-test="learning-signal"][data-revoked="1"]') }).locator('[data-test="learning-restore"]').waitFor();
    assert.deepEqual(admin.errors, []);
  });

  it('关联知识: a question the bot handed over is linked to the entry 张敏 finds; the admin sees it', async () => {
    const sup = await server.login('chenjing');
    const settings = (await sup.get(`/api/v1/stores/${storeId}/chat-settings`)).json;
    const put = await sup.request('PUT', `/api/v1/stores/${storeId}/chat-settings`, { body: { ...settings, bot_queues: ['parking'] } });
    assert.equal(put.status, 200, put.text);
    const botChat = await startChat(server.base, storeId, { queue: 'parking', name: '赵先生' });
    const say = (body, n) =>
      fetch(`${server.base}/api/v1/public/chats/${botChat.token}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_msg_id: `c0ffee00-0000-4000-8000-00000000010${n}`, body }),
      });
    const asked = '晚上最晚逛到几点啊';
    assert.equal((await say(asked, 1)).status, 201);
    const handed = await fetch(`${server.base}/api/v1/public/chats/${botChat.token}/handoff`, { method: 'POST' });
    assert.equal(handed.status, 200, await handed.text());
    const a = await server.login('admin');
    const open = (await a.get(`/api/v1/chat/conversations?store_id=${storeId}&status=open`)).json.items;
    const id = open.find((c) => c.customer_name === '赵先生').id;

    await agent.goto(`${server.base}/chat?c=${id}`);
    await agent.locator(`[data-test="chat-open"][data-id="${id}"]`).waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="chat-handoff"]').waitFor({ timeout: LIVE_MS });
    const pick = agent.locator('.kf-chat-pickbar [data-test="chat-pick"]');
    if (await pick.count()) await pick.click();
    await agent.locator('[data-test="assist-link"]').click();
    const dialog = agent.locator('.el-dialog[data-test="assist-link-dialog"]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('textarea[data-test="assist-link-query"]').inputValue(), asked);
    await dialog.locator('input[data-test="assist-link-search"]').fill('营业时间');
    await dialog.locator('[data-test="assist-link-find"]').click();
    const entry = dialog.locator('[data-test="assist-link-entry"]', { hasText: '商场几点开门几点关门' });
    await entry.waitFor({ timeout: LIVE_MS });
    await entry.click();
    await dialog.locator('[data-test="assist-link-submit"]').click();
    await agent.locator('[data-test="assist-linked"]', { hasText: '商场几点开门几点关门' }).waitFor({ timeout: LIVE_MS });
    await shot(agent, 'agent-assist-linked');
    assert.deepEqual(agent.errors, []);

    await admin.goto(`${server.base}/kb/learning`);
    await admin.click('[data-test="learning-source"]');
    await admin.locator('.el-select-dropdown__item', { hasText: '客服关联知识' }).click();
    const row = admin.locator('[data-test="learning-signal"][data-source="agent_link"]', { hasText: asked });
    await row.waitFor({ timeout: LIVE_MS });
    assert.equal(await admin.locator('[data-test="learning-signal"][data-source="agent_pick"]').count(), 0, 'filtered by source');
    assert.deepEqual(admin.errors, []);
  });

  it('on a ticket: a click puts the answer in the reply box, the reply is learned with the ticket', async () => {
    const zm = await server.login('zhangmin');
    const asked = '地下超市晚上开到几点';
    const r = await zm.post('/api/v1/tickets', newTicket(storeId, { subject: '超市营业时间', description: asked }));
    assert.equal(r.status, 201, r.text);
    await agent.goto(`${server.base}/tickets/${r.json.id}`);
    const item = agent.locator('[data-test="assist-item"][data-index="1"]');
    await item.waitFor({ timeout: LIVE_MS });
    assert.equal(await agent.locator('[data-test="assist"]').getAttribute('data-question'), asked);
    assert.match(await item.locator('[data-test="assist-item-question"]').textContent(), /超市/);
    await item.click();
    const box = agent.locator('[data-test="reply-body"]');
    const text = await box.inputValue();
    assert.ok(text.length > 0, 'the reply box holds the answer');
    await box.fill(`${text}\n如有疑问欢迎再联系。`);
    await agent.click('[data-test="reply-send"]');
    await agent.locator('[data-test="timeline-event"][data-kind="reply"]', { hasText: '如有疑问欢迎再联系' }).waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="assist-learned"]').waitFor({ timeout: LIVE_MS });
    await shot(agent, 'agent-assist-ticket');
    assert.deepEqual(agent.errors, []);

    const a = await server.login('admin');
    const signals = (await a.get('/api/v1/kb/signals?source=agent_pick')).json.items;
    assert.ok(signals.some((g) => g.query === asked && g.ticket_id === r.json.id), JSON.stringify(signals));
  });

  it('相似问对: the admin imports a CSV of question pairs, reads the report and the rejected row, revokes a pair', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kefu-pairs-'));
    const file = path.join(dir, 'pairs.csv');
    await writeFile(file, 'a,b,same\n发票怎么开,在哪里开发票,1\n能退货吗,能换货吗,0\n积分能抵现吗,积分能抵现吗,1\n停车券怎么领,"停车票,在哪领",1\n');
    try {
      await admin.goto(`${server.base}/kb/learning?tab=pairs`);
      await admin.locator('[data-test="learning-pairs-import"]').waitFor();
      await admin.setInputFiles('input[data-test="learning-pairs-file"]', file);
      const start = admin.locator('[data-test="learning-pairs-start"]');
      await admin.waitForFunction(() => /4/.test(document.querySelector('[data-test="learning-pairs-start"]').textContent));
      await start.click();
      const report = admin.locator('[data-test="learning-pairs-report"]');
      await admin.locator('[data-test="learning-pairs-report"][data-added="3"]').waitFor({ timeout: LIVE_MS });
      assert.match(await report.textContent(), /共 4 行：新增 3，更新 0，未变 0，拒绝 1/);
      const rejected = admin.locator('[data-test="learning-pairs-rejected"]');
      assert.equal((await rejected.locator('tbody tr td').first().textContent()).trim(), '4', 'the file line of 积分能抵现吗,积分能抵现吗');
      assert.match(await rejected.textContent(), /a 和 b 不能相同/);
      const pair = admin.locator('[data-test="learning-pair"][data-revoked="0"]', { hasText: '停车' });
      await pair.waitFor({ timeout: LIVE_MS });
      await shot(admin, 'agent-assist-pairs');
      await admin.locator('tr', { has: pair }).locator('[data-test="learning-revoke"]').click();
      await admin.locator('[data-test="learning-pair"][data-revoked="1"]', { hasText: '停车' }).waitFor({ timeout: LIVE_MS });
      await admin.locator('[data-test="learning-stat"][data-key="pairsRevoked"][data-value="1"]').waitFor({ timeout: LIVE_MS });
      assert.deepEqual(admin.errors, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

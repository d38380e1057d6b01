// The FAQ bot in two real browsers (docs/chat.md, issue 13): SH01's supervisor 陈静 lets the
// bot answer the 停车 queue first; a customer on the phone starts a 停车 chat and talks to
// 智能客服 (转人工 always at hand); with no knowledge base yet the bot apologises and offers
// 转人工; the customer takes it: the page says it is being handed over and shows the usual
// queue line. 张敏 in the console sees the chat in 排队中 tagged 机器人转接, opens it and reads
// why (顾客要求转人工) and what the bot said, as words, not JSON; she takes it and the customer
// sees 客服已接入. No console errors on either page. Screenshots in web/test-results/chat-bot-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

const field = (page, name) =>
  page
    .locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`)
    .first();
const LIVE_MS = 10000;

describe('the FAQ bot: the customer on the phone, the agent in the console', () => {
  let server, browser, agent, customer, storeId, convId;
  const question = '你们卖不卖天文望远镜'; // nothing in the demo knowledge base answers it

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    const admin = await server.login('admin');
    storeId = (await directory(admin)).storeByCode.SH01.id;
    const sup = await server.login('chenjing');
    const settings = (await sup.get(`/api/v1/stores/${storeId}/chat-settings`)).json;
    const r = await sup.request('PUT', `/api/v1/stores/${storeId}/chat-settings`, { body: { ...settings, bot_queues: ['parking'] } });
    assert.equal(r.status, 200, r.text);
    browser = await launch();
    agent = await openPage(browser);
    customer = await openPage(browser, { mobile: true });
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the customer talks to 智能客服, which cannot answer that, and asks for a person', async () => {
    await customer.goto(`${server.base}/m/chat/${storeId}`);
    await customer.click('[data-test="chat-topic-parking"]');
    await customer.click('[data-test="chat-start"]');
    await customer.locator('[data-test="chat-bot-bar"]').waitFor();
    await customer.locator('[data-test="chat-message"][data-kind="event"]', { hasText: '智能客服为您服务' }).waitFor();
    assert.equal((await customer.textContent('.van-nav-bar__title')).trim(), '智能客服');
    assert.equal((await customer.textContent('[data-test="chat-handoff"]')).trim(), '转人工');
    assert.equal(await customer.locator('[data-test="chat-queue-position"]').count(), 0, 'the bot answers: no queue');

    await field(customer, 'chat-input').fill(question);
    await customer.click('[data-test="chat-send"]');
    const sorry = customer.locator('[data-test="chat-message"][data-sender="bot"] [data-test="chat-bot"][data-act="apologise"]');
    await sorry.waitFor({ timeout: LIVE_MS });
    assert.match(await sorry.textContent(), /抱歉/);
    assert.doesNotMatch(await sorry.textContent(), /"act"/, 'words, not JSON');
    assert.match(await customer.locator('[data-test="chat-message"][data-sender="bot"] .who').first().textContent(), /智能客服/);
    await shot(customer, 'chat-bot-customer-apology');

    // 转人工 from the apology: handed over, the usual queue line (nobody online yet).
    await sorry.locator('[data-test="chat-bot-handoff"]').click();
    await customer.locator('[data-test="chat-message"][data-kind="event"]', { hasText: '正在为您转接人工客服' }).waitFor({ timeout: LIVE_MS });
    await customer.locator('[data-test="chat-queue-position"]').waitFor({ timeout: LIVE_MS });
    await customer.locator('[data-test="chat-nobody"]').waitFor();
    assert.equal(await customer.locator('[data-test="chat-bot-bar"]').count(), 0);
    assert.equal((await customer.textContent('.van-nav-bar__title')).trim(), '在线客服');
    await shot(customer, 'chat-bot-customer-handed-over');
    assert.deepEqual(customer.errors, []);
  });

  it('张敏 sees it tagged 机器人转接, reads why and what the bot said, and takes it', async () => {
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/chat`);
    await agent.locator('[data-test="chat-connection"][data-state="open"]').waitFor();
    const waiting = agent.locator('[data-test^="chat-queue-item-"]', { has: agent.locator('[data-test="chat-bot-handed-over"]') });
    await waiting.waitFor({ timeout: LIVE_MS });
    convId = Number((await waiting.getAttribute('data-test')).replace('chat-queue-item-', ''));
    assert.match(await waiting.textContent(), /机器人转接/);
    await waiting.click();
    await agent.locator(`[data-test="chat-open"][data-id="${convId}"]`).waitFor();
    const handoff = agent.locator('[data-test="chat-handoff"]');
    await handoff.waitFor({ timeout: LIVE_MS });
    assert.equal(await handoff.getAttribute('data-reason'), 'asked');
    assert.match(await handoff.textContent(), /机器人转人工：顾客要求转人工/);
    await agent.locator('[data-test="chat-message"][data-kind="event"]', { hasText: '智能客服先接待：停车' }).waitFor();
    await agent.locator('[data-test="chat-message"][data-kind="text"]', { hasText: question }).waitFor();
    const said = agent.locator('[data-test="chat-message"][data-kind="bot"] [data-test="chat-bot"][data-act="apologise"]');
    assert.match(await said.textContent(), /机器人未能回答/);
    assert.doesNotMatch(await agent.locator('[data-test="chat-messages"]').textContent(), /"act"|"event"/, 'no raw JSON in the transcript');
    await shot(agent, 'chat-bot-console-transcript');

    await agent.click('.kf-chat-pickbar [data-test="chat-pick"]');
    await agent.locator(`[data-test="chat-conversation-${convId}"]`).waitFor({ timeout: LIVE_MS });
    await customer.locator('[data-test="chat-agent-joined"]').waitFor({ timeout: LIVE_MS });
    await shot(customer, 'chat-bot-customer-agent-joined');
    assert.deepEqual(agent.errors, []);
    assert.deepEqual(customer.errors, []);
  });
});

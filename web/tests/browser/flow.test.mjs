// The whole story in a real browser (issue 4): a desk agent registers a walk-in complaint
// with the keyboard, a collaboration task goes to 保安部, a ¥500 compensation (above the
// agent's ¥200 limit) goes to the supervisor who approves it, the ticket is resolved, the
// customer tracks it on the mobile page and rates it; the language switch; no console
// errors anywhere; screenshots of the main screens in web/test-results/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

// An input found by its data-test, whether the attribute sits on the input or its wrapper.
const field = (page, name) =>
  page
    .locator(
      `input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`,
    )
    .first();

describe('desk to customer rating, in the browser', () => {
  let server, browser, agent, supervisor;
  const phone = '13912345678';
  let number, code, ticketUrl;

  before(async () => {
    server = await startServer({ tickets: 40, members: 20 });
    browser = await launch();
    agent = await openPage(browser);
    supervisor = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a desk agent registers a walk-in complaint with the keyboard', async () => {
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/desk`);
    const phoneInput = field(agent, 'desk-phone');
    await phoneInput.waitFor();
    await phoneInput.fill(phone);
    await phoneInput.press('Enter');
    await agent.locator('[data-test="desk-member-notfound"], [data-test="desk-member"]').first().waitFor();
    if (await agent.locator('[data-test="desk-member-notfound"]').count()) {
      await field(agent, 'desk-member-name').fill('王女士');
      await agent.click('[data-test="desk-member-create"]');
      await agent.locator('[data-test="desk-member"]').waitFor();
    }
    // The phone is shown masked to an agent.
    assert.match(await agent.textContent('[data-test="desk-member-phone"]'), /^139\*{4}5678$/);
    await agent.click('[data-test="desk-type-complaint"]');
    await field(agent, 'desk-subject').fill('试衣间排队一小时无人引导');
    await field(agent, 'desk-description').fill('顾客在三楼女装区试衣间排队近一小时，无店员引导，要求补偿。');
    await field(agent, 'desk-description').press('Control+Enter');
    const link = agent.locator('[data-test="desk-number"]');
    await link.waitFor();
    number = (await link.textContent()).trim();
    assert.match(number, /^KF\d{6}\d+$/);
    // The desk shows the tracking code to give the customer (read out, printed or by SMS).
    code = (await agent.locator('[data-test="desk-tracking-code"]').textContent()).trim();
    assert.match(code, /^[2-9A-HJKMNP-Z]{6}$/);
    await shot(agent, 'console-desk');
    await link.click();
    await agent.locator('[data-test="ticket-detail"]').waitFor();
    ticketUrl = agent.url();
    assert.equal((await agent.textContent('[data-test="ticket-number"]')).trim(), number);
  });

  it('a collaboration task goes to 保安部 and the customer gets a reply', async () => {
    await agent.selectOption('[data-test="task-department"]', { label: '保安部' });
    await agent.fill('[data-test="task-due"]', '2030-01-01T12:00');
    await agent.fill('[data-test="task-description"]', '调取三楼试衣间监控，核实排队时长');
    await agent.click('[data-test="task-create"]');
    await agent.locator('[data-test="task-row"]').first().waitFor();
    await field(agent, 'reply-body').fill('王女士您好，已安排专人核实，稍后给您答复。');
    await agent.click('[data-test="reply-send"]');
    await agent.locator('[data-test="timeline-event"][data-kind="reply"]').first().waitFor();
  });

  it('raising the priority re-applies the SLA policy, and the timeline says so', async () => {
    await agent.selectOption('[data-test="priority-select"]', 'P2');
    await agent.click('[data-test="priority-apply"]');
    const sla = agent.locator('[data-test="timeline-event"][data-kind="sla"]').first();
    await sla.waitFor();
    assert.match(await sla.textContent(), /P3→P2/);
  });

  it('a ¥500 compensation exceeds the agent limit and waits for the supervisor', async () => {
    await agent.selectOption('[data-test="resolution-kind"]', 'compensation');
    await agent.selectOption('[data-test="resolution-compensation"]', 'coupon');
    await agent.fill('[data-test="resolution-amount"]', '500');
    await field(agent, 'resolution-description').fill('致歉并赠送 500 元购物券');
    await agent.click('[data-test="resolution-submit"]');
    await agent.locator('[data-test="resolution"][data-status="pending"]').waitFor();
    assert.equal(await agent.getAttribute('[data-test="ticket-status"]', 'data-status'), 'in_progress');
    await shot(agent, 'console-ticket-pending-approval');
  });

  it('the supervisor approves it and the ticket is resolved', async () => {
    await loginAs(supervisor, server.base, 'chenjing');
    await supervisor.goto(ticketUrl);
    await supervisor.locator('[data-test="approve"]').waitFor();
    await field(supervisor, 'decision-reason').fill('同意，按补偿标准执行');
    await supervisor.click('[data-test="approve"]');
    await supervisor.locator('[data-test="ticket-status"][data-status="resolved"]').waitFor();
    await supervisor.locator('[data-test="resolution"][data-status="applied"]').waitFor();
    await supervisor.click('[data-test="csat-link"]');
    const url = await supervisor.locator('[data-test="csat-url"]').inputValue();
    assert.match(url, /\/m\/csat\//);
    supervisor.csatUrl = url;
    await shot(supervisor, 'console-ticket-resolved');
  });

  it('the customer tracks the ticket on the mobile page and rates it', async () => {
    const customer = await openPage(browser, { mobile: true });
    await customer.goto(`${server.base}/m/track`);
    await field(customer, 'm-track-number').fill(number);
    await field(customer, 'm-track-phone').fill(phone);
    await field(customer, 'm-track-code').fill(code);
    await customer.click('[data-test="m-track-submit"]');
    await customer.locator('[data-test="m-status"][data-status="resolved"]').waitFor();
    const page = await customer.textContent('body');
    assert.ok(page.includes('已安排专人核实'), 'the agent reply is visible');
    assert.ok(!page.includes('调取三楼试衣间监控'), 'the internal task is not');
    await shot(customer, 'mobile-track');
    await customer.goto(supervisor.csatUrl);
    await customer.locator('[data-test="m-rate"] .van-rate__item').nth(3).click();
    await field(customer, 'm-comment').fill('处理及时，态度很好');
    await customer.click('[data-test="m-rate-submit"]');
    await customer.locator('[data-test="m-rated"]').waitFor();
    await shot(customer, 'mobile-csat');
    assert.deepEqual(customer.errors, []);
    await customer.context().close();
  });

  it('switches the console to English and back, and nobody saw a console error', async () => {
    await agent.goto(`${server.base}/tickets`);
    await agent.locator('[data-test="ticket-row"]').first().waitFor();
    await shot(agent, 'console-tickets');
    await agent.click('[data-test="lang-en"]');
    await agent.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await agent.textContent('[data-test="nav"]'), /Tickets/);
    await shot(agent, 'console-tickets-en');
    await agent.click('[data-test="lang-zh"]');
    await agent.waitForFunction(() => /工单/.test(document.querySelector('[data-test="nav"]').textContent));
    await supervisor.goto(`${server.base}/dashboard`);
    await supervisor.locator('[data-test="dashboard-trend"] canvas').waitFor();
    await shot(supervisor, 'console-dashboard');
    assert.deepEqual(agent.errors, []);
    assert.deepEqual(supervisor.errors, []);
  });
});

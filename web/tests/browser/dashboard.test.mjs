// The manager's dashboard on the demo data: the figures of this month with the previous
// month beside them; a click on a figure lands on the ticket list with the same filters,
// shown as chips, listing as many tickets as the figure said.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

// Every row of the ticket list, following "more" to the end.
async function allRows(page) {
  await page.locator('[data-test="tickets"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-test="tickets"] .el-loading-mask'));
  for (let i = 0; i < 50; i++) {
    const more = page.locator('[data-test="tickets-more"]');
    if (!(await more.count())) break;
    const before = await page.locator('[data-test="ticket-row"]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-test="ticket-row"]').length > n, before);
  }
  return page.locator('[data-test="ticket-row"]').count();
}

describe('the dashboard drills down to the ticket list', () => {
  let server, browser, page;

  before(async () => {
    server = await startServer({ tickets: 200, members: 20 });
    browser = await launch();
    page = await openPage(browser);
    await loginAs(page, server.base, 'chenjing');
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  for (const [key, metric] of [['contacts', null], ['resolved', 'resolved']]) {
    it(`the ${key} figure of this month lists the same number of tickets`, async () => {
      const metrics = page.waitForResponse((r) => r.url().includes('/api/v1/reports/metrics') && r.url().includes('by=total'));
      await page.goto(`${server.base}/dashboard?period=month`);
      assert.equal((await metrics).status(), 200);
      const card = page.locator(`[data-test="figure-${key}"]`);
      await page.waitForFunction((k) => document.querySelector(`[data-test="figure-${k}"]`)?.dataset.value !== '', key);
      const want = Number(await card.getAttribute('data-value'));
      assert.ok(want > 0, `the demo has ${key} this month`);
      await shot(page, `dashboard-month-${key}`);
      await card.click();
      await page.waitForURL((u) => u.pathname === '/tickets');
      const q = new URL(page.url()).searchParams;
      assert.ok(q.get('created_from') && q.get('created_to'), page.url());
      assert.equal(q.get('metric'), metric);
      if (metric) assert.match(await page.textContent('[data-test="chip-metric"]'), /已办结/);
      await page.locator('[data-test="chip-created_from"]').waitFor();
      assert.equal(await allRows(page), want);
      await shot(page, `dashboard-drill-${key}`);
    });
  }

  it('shows the breakdown, trend, heat map and the other capabilities’ cards without errors', async () => {
    await page.goto(`${server.base}/dashboard?period=month`);
    await page.locator('[data-test="breakdown-row"]').first().waitFor();
    await page.locator('[data-test="heatmap-chart"] canvas').first().waitFor();
    await page.locator('[data-test="dashboard-chat"]').waitFor();
    await shot(page, 'dashboard-full');
    assert.deepEqual(page.errors, []);
  });
});

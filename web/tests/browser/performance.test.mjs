// 绩效考核 and 案例库 in a real browser, on the demo: the supervisor opens last month's (or this
// month's) KPI sheet, expands a row to its score parts and bonus reasons, switches to the
// departments and the rules; an agent opens their own KPI and the case library. No page
// may log an error.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

describe('staff KPIs and the case library in the console', () => {
  let server, browser;

  before(async () => {
    server = await startServer({ tickets: 200, members: 20 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the supervisor reads the sheet, its departments and rules', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'chenjing');
    await page.goto(`${server.base}/performance/kpi`);
    const people = page.locator('[data-test="kpi-people"]');
    await people.waitFor({ timeout: 20000 });
    await page.locator('[data-test="kpi-people"] .el-table__row').first().waitFor({ timeout: 20000 });
    assert.ok((await page.locator('[data-test="kpi-people"] .el-table__row').count()) >= 3);
    assert.match(await page.locator('[data-test="kpi-source"]').innerText(), /本店规则/);
    await page.locator('[data-test="kpi-people"] .el-table__expand-icon').first().click();
    await page.locator('[data-test^="kpi-why-"]').first().waitFor({ timeout: 10000 });
    assert.match(await page.locator('[data-test^="kpi-why-"]').first().innerText(), /合计/);
    await shot(page, 'kpi-sheet');
    await page.getByRole('tab', { name: '部门' }).click();
    await page.locator('[data-test="kpi-departments"] .el-table__row').first().waitFor({ timeout: 10000 });
    await page.getByRole('tab', { name: '规则' }).click();
    await page.locator('[data-test="kpi-weight-total"]').waitFor({ timeout: 10000 });
    assert.match(await page.locator('[data-test="kpi-weight-total"]').innerText(), /100/);
    await shot(page, 'kpi-rules');
    // A complaint ticket of the demo naming an agent: the panel shows the review.
    const sup = await server.login('chenjing');
    const SH01 = (await directory(await server.login('admin'))).storeByCode.SH01.id;
    const rec = (await sup.get(`/api/v1/performance/staff-records?store_id=${SH01}&kind=complaint&outcome=upheld`)).json.items[0];
    assert.ok(rec, 'the demo has an upheld complaint');
    await page.goto(`${server.base}/tickets/${rec.ticket_id}`);
    const panel = page.locator(`[data-test="staff-record-${rec.id}"]`);
    await panel.waitFor({ timeout: 20000 });
    assert.match(await panel.innerText(), /属实/);
    assert.match(await panel.innerText(), /计入绩效/);
    await shot(page, 'staff-records-panel');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('an agent sees their own KPI and the case library, without the customer', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'zhangmin');
    await page.goto(`${server.base}/performance/my-kpi`);
    await page.locator('[data-test="my-kpi-rank"], [data-test="my-kpi-none"]').first().waitFor({ timeout: 20000 });
    await shot(page, 'my-kpi');
    await page.goto(`${server.base}/performance/cases`);
    await page.locator('[data-test^="case-"]').first().waitFor({ timeout: 20000 });
    await shot(page, 'case-library');
    const first = page.locator('[data-test="case-library"] a').first();
    await first.click();
    await page.locator('[data-test="case-story-text"]').waitFor({ timeout: 10000 });
    assert.ok((await page.locator('[data-test="case-story-text"]').innerText()).length > 10);
    assert.equal(await page.locator('[data-test="case-edit"]').count(), 0);  // agents read, supervisors edit
    await shot(page, 'case-entry');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

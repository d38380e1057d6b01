// 整改措施 in a real browser: a supervisor creates an action from two inbox items through
// /feedback/actions/new?items=…, finds it in the 进行中 column of the board, opens it, notes
// progress and marks it done (it moves to 待验证); a manager verifies it now (too little data:
// it stays 待验证 with the verdict in words) and waives verification with a reason (已豁免).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

describe('improvement actions in the console', () => {
  let server, browser, items, SH01;

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    browser = await launch();
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    const agent = await server.login('zhangmin');
    items = [];
    for (const text of ['B2 停车场灯太暗', '停车场找不到车']) {
      const r = await agent.post('/api/v1/feedback/items', { store_id: SH01, text, touchpoint: 'parking' });
      assert.equal(r.status, 201, r.text);
      await agent.post(`/api/v1/feedback/items/${r.json.id}/labels`, { topic: 'parking', sentiment: 'negative' });
      items.push(r.json.id);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a supervisor creates and completes an action; a manager verifies and waives it', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'chenjing');
    await page.goto(`${server.base}/feedback/actions/new?items=${items.join(',')}`);
    await page.waitForSelector('[data-test="action-new-items"]');
    assert.match(await page.locator('[data-test="action-new-items"]').textContent(), /2/);
    await page.locator('[data-test="action-new-title"]').fill('B2 停车场照明整改');
    await shot(page, 'feedback-action-new');
    await page.locator('[data-test="action-new-create"]').click();
    await page.waitForSelector('[data-test="action-title"]');
    assert.equal(await page.locator('[data-test="action-title"]').textContent(), 'B2 停车场照明整改');
    const id = page.url().split('/').pop();

    await page.goto(`${server.base}/feedback/actions`);
    await page.waitForSelector(`[data-test="actions-column-open"] [data-test="action-card-${id}"]`);
    await shot(page, 'feedback-actions-board');

    await page.goto(`${server.base}/feedback/actions/${id}`);
    await page.waitForSelector('[data-test="action-note"]');
    await page.locator('[data-test="action-note"] textarea').fill('灯具已到货');
    await page.locator('[data-test="action-note-save"]').click();
    await page.waitForFunction(() => document.querySelector('[data-test="action-progress"]').textContent.includes('灯具已到货'));
    await page.locator('[data-test="action-done"]').click();
    await page.waitForFunction(() => document.querySelector('[data-test="action-state"]').textContent.includes('待验证'));
    assert.deepEqual(page.errors, []);

    const boss = await openPage(browser);
    await loginAs(boss, server.base, 'wangli');
    await boss.goto(`${server.base}/feedback/actions/${id}`);
    await boss.waitForSelector('[data-test="action-verify"]');
    await boss.locator('[data-test="action-verify"]').click();
    await boss.waitForFunction(() => document.querySelector('[data-test="action-verdict"]').textContent.includes('数据不足'));
    await shot(boss, 'feedback-action-verdict');
    await boss.locator('[data-test="action-waive"]').click();
    await boss.locator('.el-message-box input').fill('门店装修，数据不可比');
    await boss.locator('.el-message-box .el-button--primary').click();
    await boss.waitForSelector('[data-test="action-waived"]');
    assert.match(await boss.locator('[data-test="action-state"]').textContent(), /已豁免/);
    await boss.goto(`${server.base}/feedback/actions`);
    await boss.waitForSelector(`[data-test="actions-column-waived"] [data-test="action-card-${id}"]`);
    assert.deepEqual(boss.errors, []);
  });
});

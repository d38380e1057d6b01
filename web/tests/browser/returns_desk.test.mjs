// 退换货办理 in a real browser, keyboard only: the agent types the receipt number, Enter,
// ↓ to the coat, 2 (size) for the reason, Enter for the decision (above the agent's ¥200:
// 待主管审批), Enter to confirm; then ↑ to the shirt on a second receipt, within the limit,
// done on the spot. The supervisor sees the coat in 待我审批. No console errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

const field = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();

describe('the desk return, keyboard only, in the browser', () => {
  let server, browser, agent, supervisor, SH01;
  const receipt = `BR-${Date.now() % 1_000_000}`;

  before(async () => {
    server = await startServer({ tickets: 10, members: 10 });
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    const chen = await server.login('chenjing');
    for (const no of [receipt, `${receipt}-2`]) {
      const r = await chen.post('/api/v1/purchases', {
        store_id: SH01, receipt_no: no, sold_at: Date.now() - 86_400_000,
        lines: [
          { line_no: 1, name: '衬衫', brand: '甲牌', category: 'clothing', quantity: 1, unit_price_fen: 15000 },
          { line_no: 2, name: '大衣', brand: '乙牌', category: 'clothing', quantity: 1, unit_price_fen: 80000 },
        ],
      });
      assert.equal(r.status, 201, r.text);
    }
    browser = await launch();
    agent = await openPage(browser);
    supervisor = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const returnWithKeys = async (page, no, keys) => {
    const query = field(page, 'return-query');
    await query.waitFor();
    await query.fill(no); // typing is the keyboard: fill() types the receipt number
    await query.press('Enter');
    const lines = page.locator('[data-test="return-lines"]');
    await lines.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-test') === 'return-lines');
    for (const k of keys) await page.keyboard.press(k);
    await page.keyboard.press('Enter'); // the decision
    await page.locator('[data-test="return-verdict"]').waitFor();
  };

  it('above the limit: the decision says 待主管审批 and Enter sends it for approval', async () => {
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/returns/desk`);
    await returnWithKeys(agent, receipt, ['ArrowDown', 'Digit2']);
    assert.match(await agent.textContent('[data-test="return-decision"]'), /待主管审批/);
    assert.ok(await agent.locator('[data-test="return-needs-approval"]').count());
    assert.match(await agent.textContent('[data-test="return-breakdown"]'), /应退金额：\s*¥800\.00/);
    await shot(agent, 'console-return-desk-decision');
    await agent.keyboard.press('Enter'); // confirm
    await agent.locator('[data-test="return-done"]').waitFor();
    assert.match(await agent.textContent('[data-test="return-state"]'), /待主管审批/);
  });

  it('within the limit: done on the spot, from receipt number to confirmation', async () => {
    await returnWithKeys(agent, `${receipt}-2`, ['Digit2', 'Shift+Digit2']);
    assert.match(await agent.textContent('[data-test="return-decision"]'), /同意/);
    await agent.keyboard.press('Enter');
    await agent.locator('[data-test="return-done"]').waitFor();
    assert.match(await agent.textContent('[data-test="return-state"]'), /已办结/);
    await shot(agent, 'console-return-desk-done');
    assert.deepEqual(agent.errors, []);
  });

  it('the supervisor sees the coat in the approvals page', async () => {
    await loginAs(supervisor, server.base, 'chenjing');
    await supervisor.goto(`${server.base}/approvals`);
    await supervisor.getByText('大衣').first().waitFor();
    await supervisor.goto(`${server.base}/returns/report`);
    await supervisor.locator('[data-test="returns-totals"]').waitFor();
    await shot(supervisor, 'console-returns-report');
    assert.deepEqual(supervisor.errors, []);
  });
});

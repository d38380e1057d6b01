// 反馈 in a real browser: an agent works the inbox from the keyboard (open a row, 1 picks
// the first topic, N negative, Enter confirms, and the next row opens); a supervisor imports
// a 大众点评 export through 导入 — the columns guessed from the header, the report on the
// file's lines — and a second import of the same file adds nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

const CSV = [
  '评价ID,用户名,评价时间,星级,评价内容,门店',
  'b-1,小王,2026-11-20 14:22,2,周末停车场排队太久了,SH01',
  'b-2,小李,2026-11-20 15:00,5,,SH01',
  'b-3,阿May,2026-11-21 09:05,40,导购很耐心地帮我挑了尺码,SH01',
  '',
].join('\r\n');

// Element Plus puts the attribute on the autocomplete's <input> (or its wrapper).
const SOURCE = 'input[data-test="feedback-import-source"], [data-test="feedback-import-source"] input';

describe('feedback in the console', () => {
  let server, browser;

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('an agent confirms a row’s labels from the keyboard and the next row opens', async () => {
    const agent = await server.login('zhangmin');
    const first = (await agent.get('/api/v1/feedback/topics')).json.items.find((x) => x.active);
    const page = await openPage(browser);
    await loginAs(page, server.base, 'zhangmin');
    await page.goto(`${server.base}/feedback`);
    await page.waitForSelector('[data-test="feedback-row"]');
    const id = Number(await page.locator('[data-test="feedback-row"]').first().getAttribute('data-id'));
    const next = Number(await page.locator('[data-test="feedback-row"]').nth(1).getAttribute('data-id'));
    await page.locator('[data-test="feedback-table"] .el-table__body tr').first().click();
    await page.waitForSelector('[data-test="feedback-drawer-text"]');
    await page.keyboard.press('1');
    await page.keyboard.press('n');
    await page.waitForSelector(`[data-test="feedback-topic-${first.code}"].is-checked`);
    await shot(page, 'feedback-drawer');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-test="feedback-drawer-text"][data-id="${next}"]`);
    const item = (await agent.get(`/api/v1/feedback/items/${id}`)).json;
    assert.equal(item.topic.label, first.code);
    assert.equal(item.topic.confirmed, true);
    assert.equal(item.sentiment.label, 'negative');
    assert.equal(item.sentiment.confirmed, true);
    await shot(page, 'feedback-inbox');
    assert.deepEqual(page.errors, []);
  });

  it('a supervisor imports an export: columns guessed, report by line, a second import adds nothing', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'chenjing');
    await page.goto(`${server.base}/feedback`);
    await page.click('[data-test="feedback-import"]');
    await page.locator(SOURCE).fill('大众点评');
    const importOnce = async () => {
      await page.setInputFiles('[data-test="feedback-import-file"]', { name: 'dianping.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await page.waitForSelector('[data-test="feedback-import-preview"] .el-table__body tr');
      await page.click('[data-test="feedback-import-start"]');
      await page.waitForSelector('[data-test="feedback-import-progress"].is-success');
      return page.locator('[data-test="feedback-import-report"]');
    };
    let report = await importOnce();
    assert.equal(await report.getAttribute('data-added'), '2');
    assert.equal(await report.getAttribute('data-skipped'), '1');
    assert.match(await page.locator('[data-test="feedback-import-skipped"]').textContent(), /第 3 行.*内容为空/);
    await shot(page, 'feedback-import');
    await page.click('[data-test="feedback-import-close"]');
    await page.click('[data-test="feedback-import"]');
    await page.locator(SOURCE).fill('大众点评');
    report = await importOnce();
    await page.waitForSelector('[data-test="feedback-import-remembered"]');
    assert.equal(await report.getAttribute('data-added'), '0');
    assert.equal(await report.getAttribute('data-duplicates'), '2');
    assert.deepEqual(page.errors, []);
  });
});

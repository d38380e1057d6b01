// 热点问题 and 顾客旅程地图 in a real browser: on the demo's eight weeks of feedback, ten items
// about the facilities of 上海店 this very hour make a hot issue; its supervisor sees the card
// (figures, the customers' words, the sparkline drawn) and the journey's stages in a row.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

describe('hot issues and the journey map in the console', () => {
  let server, browser;

  before(async () => {
    server = await startServer({ tickets: 5, members: 5 });
    browser = await launch();
    const admin = await server.login('admin');
    const SH01 = (await directory(admin)).storeByCode.SH01.id;
    const agent = await server.login('zhangmin');
    for (let i = 0; i < 10; i++) {
      const r = await agent.post('/api/v1/feedback/items', {
        store_id: SH01, text: `三楼扶梯又停了，只能走楼梯（${i}）`, touchpoint: 'floor', said_at: Date.now() - i * 1000,
      });
      assert.equal(r.status, 201, r.text);
      await agent.post(`/api/v1/feedback/items/${r.json.id}/labels`, { topic: 'facilities', sentiment: 'negative' });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the supervisor sees the card of the planted issue and the journey’s stages', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'chenjing');
    await page.goto(`${server.base}/feedback/hot`);
    const card = page.locator('[data-test="hot-card"]', { hasText: '设施设备' });
    await card.waitFor({ timeout: 15000 });
    const text = await card.innerText();
    assert.match(text, /今日 1\d 条/);
    assert.match(text, /三楼扶梯又停了/);
    assert.ok(await card.locator('[data-test="hot-sparkline"] canvas').count(), 'the sparkline is drawn');
    await shot(page, 'feedback-hot');
    await page.goto(`${server.base}/feedback/journey`);
    await page.locator('[data-test="journey-stage-floor"]').waitFor({ timeout: 15000 });
    const stages = await page.locator('[data-test^="journey-stage-"]').count();
    assert.equal(stages, 8);
    assert.match(await page.locator('[data-test="journey-stage-floor"]').innerText(), /楼层与专柜/);
    await shot(page, 'feedback-journey');
    await page.close();
  });
});

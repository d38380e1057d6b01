// The knowledge base (知识库) in a real browser: an agent finds an internal article by a
// word and reads its answer; an admin edits a published entry into a draft, publishes it and
// sees both versions in its history; a store's supervisor sets the store's own answer; an
// admin imports a file and reads the report.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

describe('knowledge base in the console', () => {
  let server, browser;
  before(async () => {
    server = await startServer({ tickets: 10, members: 5 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('an agent searches and reads; an admin drafts and publishes; a supervisor keeps the store answer; an import reports', async () => {
    const agent = await openPage(browser);
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/kb`);
    await agent.waitForSelector('[data-test="kb-row"]');
    await agent.fill('[data-test="kb-search"]', '走失');
    await agent.press('[data-test="kb-search"]', 'Enter');
    await agent.waitForFunction(() => [...document.querySelectorAll('[data-test="kb-row"]')].some((e) => e.textContent.includes('儿童走失处置流程')));
    await shot(agent, 'kb-list-agent');
    await agent.locator('[data-test="kb-row"]', { hasText: '儿童走失处置流程' }).click();
    await agent.waitForSelector('[data-test="kb-answer-html"] ol li');
    assert.equal(await agent.locator('[data-test="kb-save"]').count(), 0, 'agents read, they do not edit');

    const admin = await openPage(browser);
    await loginAs(admin, server.base, 'admin');
    await admin.goto(`${server.base}/kb`);
    await admin.fill('[data-test="kb-search"]', 'demo-wifi');
    await admin.press('[data-test="kb-search"]', 'Enter');
    await admin.waitForFunction(() => document.querySelectorAll('[data-test="kb-row"]').length === 1);
    await admin.locator('[data-test="kb-row"]').first().click();
    await admin.waitForSelector('[data-test="kb-answer"]');
    await admin.fill('[data-test="kb-answer"]', '商场提供免费 WiFi，连接后输入手机号验证即可，每次可用 **6 小时**。');
    await admin.click('[data-test="kb-save"]');
    await admin.waitForSelector('[data-test="kb-entry-draft"]');
    await admin.click('[data-test="kb-publish"]');
    await admin.waitForFunction(() => document.querySelectorAll('[data-test="kb-version"]').length === 2);
    await shot(admin, 'kb-entry-admin');

    const supervisor = await openPage(browser);
    await loginAs(supervisor, server.base, 'chenjing');
    await supervisor.goto(admin.url());
    const inputs = supervisor.locator('[data-test="kb-variant-input"]');
    await inputs.first().waitFor();
    assert.equal(await inputs.count(), 1, 'the supervisor keeps one store');
    await inputs.first().fill('静安店 WiFi：HengYue-Free');
    await Promise.all([
      supervisor.waitForResponse((r) => r.url().includes('/api/v1/kb/variants') && r.status() === 200),
      supervisor.click('[data-test="kb-variant-save"]'),
    ]);

    const dir = mkdtempSync(path.join(tmpdir(), 'kb-import-'));
    const file = path.join(dir, 'faq.csv');
    writeFileSync(file, 'external_id,question,similar,answer\r\nb-1,可以寄存行李箱吗,行李箱能存吗|箱子寄存,可以，一楼服务台寄存\r\nb-2,,没有问题,答案\r\n');
    await admin.goto(`${server.base}/kb/import`);
    await admin.setInputFiles('[data-test="kb-import-file"]', file);
    await admin.click('[data-test="kb-import-start"]');
    await admin.waitForSelector('[data-test="kb-import-rejected"]');
    const report = await admin.textContent('[data-test="kb-import-report"]');
    assert.match(report, /新增 1/);
    await shot(admin, 'kb-import');
    const errors = [...agent.errors, ...admin.errors, ...supervisor.errors].filter((e) => !/403|401|Forbidden|Unauthorized/.test(e));
    assert.deepEqual(errors, []);
  });
});

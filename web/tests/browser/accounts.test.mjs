// Account life in a real browser (issue 11, hole 8): the demo says it is one; an admin resets
// a person's password on the staff page; that person signs in with it, is kept on 我的账号
// until they choose their own, and then reaches the console; the API token page lists tokens.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

describe('account life in the console', () => {
  let server, browser;
  before(async () => {
    server = await startServer({ tickets: 20, members: 5 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("a demo shows its banner; an admin's reset keeps the person on 我的账号 until they choose a password", async () => {
    const admin = await openPage(browser);
    await admin.goto(`${server.base}/login`);
    await admin.waitForSelector('[data-test="demo-banner"]');
    await loginAs(admin, server.base, 'admin');
    await admin.waitForSelector('[data-test="demo-banner"]');

    await admin.goto(`${server.base}/admin/staff`);
    const row = admin.locator('[data-test="staff-row"][data-username="liuyang"]');
    await row.locator('[data-test="staff-reset"]').click();
    await admin.fill('.el-message-box input', 'Temp-pass-7391');
    await Promise.all([
      admin.waitForResponse((r) => r.url().includes('/password') && r.request().method() === 'POST'),
      admin.click('.el-message-box .el-button--primary'),
    ]);
    await shot(admin, 'accounts-staff-admin');

    const person = await openPage(browser);
    await loginAs(person, server.base, 'liuyang', 'Temp-pass-7391');
    await person.waitForURL(/\/account$/);
    await person.waitForSelector('[data-test="must-change"]');
    await person.goto(`${server.base}/tickets`);
    await person.waitForURL(/\/account$/);
    await person.fill('[data-test="current-password"]', 'Temp-pass-7391');
    await person.fill('[data-test="new-password"]', 'Liu-own-pass-2026');
    await person.fill('[data-test="confirm-password"]', 'Liu-own-pass-2026');
    await shot(person, 'accounts-must-change');
    await person.click('[data-test="password-submit"]');
    await person.waitForURL((u) => !u.pathname.endsWith('/account'));

    await admin.goto(`${server.base}/admin/api-tokens`);
    await admin.waitForSelector('[data-test="admin-api-tokens"]');
    await shot(admin, 'accounts-api-tokens');
    const errors = [...admin.errors, ...person.errors].filter((e) => !/403|401|Forbidden|Unauthorized/.test(e));
    assert.deepEqual(errors, []);
  });
});

// The built pages load in a real browser from kefu itself, with the right types and
// caching, and without console errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';

describe('web app served by kefu', () => {
  let server, browser;
  before(async () => {
    server = await startServer({ tickets: 60, members: 20 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('serves the console with hashed, immutable assets and no-cache HTML', async () => {
    const html = await fetch(`${server.base}/tickets/1`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type'), /^text\/html/);
    assert.equal(html.headers.get('cache-control'), 'no-cache');
    const body = await html.text();
    const js = body.match(/src="(\/assets\/[^"]+\.js)"/);
    assert.ok(js, body);
    const asset = await fetch(`${server.base}${js[1]}`);
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const api404 = await fetch(`${server.base}/api/v1/no-such-thing`);
    assert.equal(api404.status, 404);
    assert.equal((await api404.json()).error.code, 'route_not_found');
  });

  it('a desk agent logs in to the console', async () => {
    const page = await openPage(browser);
    await loginAs(page, server.base, 'zhangmin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await shot(page, 'console-after-login');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the mobile page renders in Chinese on a phone-sized screen', async () => {
    const page = await openPage(browser, { mobile: true });
    await page.goto(`${server.base}/m/`);
    await page.waitForLoadState('networkidle');
    const text = await page.textContent('body');
    assert.match(text, /[\u4e00-\u9fff]/);
    await shot(page, 'mobile-home');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

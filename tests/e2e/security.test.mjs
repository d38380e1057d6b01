// The holes of the security review (issue 11), one test each: every one of these failed on
// the server before the fix. The systematic proofs are elsewhere: access_matrix.test.mjs
// (every route × caller), the fuzzers (scripts/fuzz.sh) and the power-loss tests.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { KefuServer, Client, SOURCE_DIR, directory, newTicket, errorCode, sqlValue } from './lib/server.mjs';

const webDir = path.join(SOURCE_DIR, 'web', 'dist');

describe('security holes stay closed', () => {
  let server, admin, dir, SH01, CD01, logFile;

  before(async () => {
    logFile = `/tmp/kefu-access-${process.pid}-${Date.now()}.log`;
    server = await KefuServer.start({
      tickets: 20,
      members: 10,
      env: { KEFU_LOG_ACCESS_LOG: '1', KEFU_LOG_ACCESS_LOG_FILE: logFile, KEFU_WEB_DIR: webDir },
    });
    admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
  });
  after(async () => {
    await server?.dispose();
  });

  it("hole 1: an admin's token without the admin scope cannot administer", async () => {
    const me = dir.staffByName.admin.id;
    const r = await admin.post('/api/v1/api-tokens', { name: '只读', staff_id: me, scopes: ['tickets:read'] });
    assert.equal(r.status, 201, r.text);
    const reader = admin.with(r.json.token);
    const attempts = [
      ['POST', '/api/v1/api-tokens', { name: '提权', staff_id: me, scopes: ['admin'] }],
      ['POST', '/api/v1/staff', { username: 'evil_admin', display_name: 'x', role: 'admin', password: 'Evil-pass-2026', store_ids: [] }],
      ['POST', '/api/v1/stores', { code: 'EVIL', name: '假门店' }],
      ['POST', '/api/v1/departments', { store_id: SH01, code: 'evil', name: '假部门' }],
      ['POST', '/api/v1/sla/policies', { name: '假策略', position: 99, conditions: {}, targets: { first_response: { minutes: 1, mode: 'calendar' } }, ladder: [] }],
      ['PUT', `/api/v1/stores/${SH01}/calendar`, { weekly: [], special_days: [] }],
      ['PUT', '/api/v1/authority-limits', { limits: { agent: 99999999 } }],
    ];
    for (const [method, p, body] of attempts) {
      const a = await reader.request(method, p, { body });
      assert.equal(a.status, 403, `${method} ${p}: ${a.text}`);
      assert.equal(errorCode(a), 'forbidden');
    }
    const staff = (await admin.get('/api/v1/staff')).json.items;
    assert.ok(!staff.some((s) => s.username === 'evil_admin'), 'no admin was created');
    // The same token still reads tickets: the scope it has works.
    assert.equal((await reader.get('/api/v1/tickets?limit=1')).status, 200);
  });

  it('hole 3: a cross-site form cannot post (JSON only, Origin and Sec-Fetch-Site checked, no login CSRF)', async () => {
    const cookieLogin = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhangmin', password: 'kefu2026' }),
    });
    const cookie = cookieLogin.headers.get('set-cookie').split(';')[0];
    const body = JSON.stringify(newTicket(SH01, { subject: '跨站伪造' }));
    const post = (headers) =>
      fetch(`${server.base}/api/v1/tickets`, { method: 'POST', headers: { cookie, ...headers }, body });

    // What an attacker's <form enctype="text/plain"> sends: refused before it is read.
    let r = await post({ 'content-type': 'text/plain' });
    assert.equal(r.status, 415);
    assert.equal((await r.json()).error.code, 'json_required');
    // A script on another site (fetch no-cors cannot set JSON, but old plugins could).
    r = await post({ 'content-type': 'application/json', origin: 'https://evil.example' });
    assert.equal(r.status, 403);
    assert.equal((await r.json()).error.code, 'cross_site_request');
    r = await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    assert.equal(r.status, 403);
    // Login CSRF: another site cannot log the victim into the attacker's account.
    r = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ username: 'zhangmin', password: 'kefu2026' }),
    });
    assert.equal(r.status, 403);
    // The console itself (same origin) works, with a JSON body.
    r = await post({ 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin', origin: server.base });
    assert.equal(r.status, 201);
    r = await post({ 'content-type': 'application/json', origin: server.base });
    assert.equal(r.status, 201);
    // Secure cookies: behind an HTTPS proxy the cookie says Secure; plain HTTP on this host does not.
    const viaProxy = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'zhangmin', password: 'kefu2026' }),
    });
    assert.match(viaProxy.headers.get('set-cookie'), /; Secure/);
    assert.doesNotMatch(cookieLogin.headers.get('set-cookie'), /; Secure/);
  });

  it('hole 3: a session cookie from another host is Secure by default', async (t) => {
    const lan = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!lan) return t.skip('this machine has no non-loopback IPv4 address');
    const wide = await KefuServer.start({ tickets: 0, members: 0, env: { KEFU_E2E_ADDRESS: '0.0.0.0' } });
    try {
      const base = `http://${lan.address}:${wide.port}`;
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'kefu2026' }),
      });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('set-cookie'), /; Secure/);
      // And /metrics is not for other hosts (hole 9).
      const m = await fetch(`${base}/metrics`);
      assert.equal(m.status, 403);
      assert.equal((await fetch(`${wide.base}/metrics`)).status, 200, 'loopback still reads metrics');
    } finally {
      await wide.dispose();
    }
  });

  it('hole 4: the access log keeps phones, search words and link tokens out', async () => {
    const agent = await server.login('zhangmin');
    const phone = '13912349876';
    await agent.post('/api/v1/members/lookup', { phone });
    await agent.get(`/api/v1/tickets?q=${encodeURIComponent('张先生投诉')}&status=new`);
    const anon = new Client(server.base);
    const s = await anon.post('/api/v1/public/tickets', {
      store_id: SH01, type: 'suggestion', subject: '建议', description: '多设座椅', phone: '13900003333',
    });
    assert.equal(s.status, 201, s.text);
    await anon.get(`/api/v1/public/tickets/${s.json.access_token}`);
    // The phone lookup left the URL: the member search refuses a phone (POST /members/lookup).
    const old = await agent.get(`/api/v1/members?phone=${phone}`);
    assert.equal(old.status, 400);
    assert.equal(old.json.error.field, 'phone');
    let log = '';
    for (let i = 0; i < 50 && !log.includes('/api/v1/public/tickets/…'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      log = existsSync(logFile) ? await readFile(logFile, 'utf8') : '';
    }
    assert.ok(log.includes('/api/v1/tickets?q=*&status=new'), log.slice(-2000));
    assert.ok(log.includes('/api/v1/public/tickets/…'), log.slice(-2000));
    for (const secret of [phone, s.json.access_token, encodeURIComponent('张先生投诉'), '13900003333'])
      assert.ok(!log.includes(secret), `the access log holds ${secret}`);
    assert.ok(!server.log.includes(phone) && !server.log.includes(s.json.access_token));
  });

  it("hole 5: members are scoped to their stores, lookups are audited, sensitive data is for supervisors", async () => {
    const r = await admin.post('/api/v1/members', {
      name: '成都会员', phone: '13700001234', home_store_id: CD01, birthday: '1991-03-04', care_flags: ['pregnant'],
    });
    assert.equal(r.status, 201, r.text);
    const agentA = await server.login('zhangmin'); // SH01
    const agentB = await server.login('maxiaoyu'); // CD01
    const supervisorB = await server.login('gaoyan'); // CD01
    // By id: another store's member is not found, like one that does not exist.
    let g = await agentA.get(`/api/v1/members/${r.json.id}`);
    assert.equal(g.status, 404);
    assert.equal(errorCode(g), 'not_found');
    // Its own store's agent sees the member, without the sensitive fields.
    g = await agentB.get(`/api/v1/members/${r.json.id}`);
    assert.equal(g.status, 200);
    assert.equal(g.json.birthday, '');
    assert.deepEqual(g.json.care_flags, []);
    assert.equal(g.json.needs_care, true);
    assert.equal(g.json.sensitive_hidden, true);
    g = await supervisorB.get(`/api/v1/members/${r.json.id}`);
    assert.equal(g.json.birthday, '1991-03-04');
    assert.deepEqual(g.json.care_flags, ['pregnant']);
    // The desk lookup finds a member of the chain at any store, and every lookup is audited.
    const before = Number(await sqlValue(server, "SELECT count(*) FROM audit_log WHERE action = 'member.lookup'"));
    const found = await agentA.post('/api/v1/members/lookup', { phone: '137 0000 1234' });
    assert.equal(found.status, 200);
    assert.equal(found.json.items[0].id, r.json.id);
    assert.equal(found.json.items[0].phone, '137****1234');
    await agentA.post('/api/v1/members/lookup', { phone: '13700009999' });
    const afterCount = Number(await sqlValue(server, "SELECT count(*) FROM audit_log WHERE action = 'member.lookup'"));
    assert.equal(afterCount, before + 2);
    const lastKey = await sqlValue(server, "SELECT after_json FROM audit_log WHERE action = 'member.lookup' ORDER BY id DESC LIMIT 1");
    assert.ok(lastKey.includes('137****9999') && !lastKey.includes('13700009999'), lastKey);
  });

  it('hole 9: API answers are not cached; pages cannot be framed and send no Referer', async () => {
    const r = await admin.get('/api/v1/tickets?limit=1');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const e = await admin.get('/api/v1/tickets/99999999');
    assert.equal(e.headers.get('cache-control'), 'no-store');
    assert.ok(existsSync(path.join(webDir, 'index.html')), `the web app is built in ${webDir} (scripts/build.sh)`);
    for (const page of ['/', '/tickets', '/m/t/sometoken']) {
      const p = await fetch(server.base + page);
      assert.equal(p.status, 200, page);
      const csp = p.headers.get('content-security-policy') || '';
      assert.match(csp, /frame-ancestors 'none'/, page);
      assert.match(csp, /script-src 'self'/, page);
      assert.equal(p.headers.get('referrer-policy'), 'no-referrer', page);
    }
  });
});

// Issue 11, hole 8 "account life": passwords can be changed and reset, staff deactivated,
// sessions ended, API tokens listed and revoked, and whatever ends a credential ends it at
// once (its requests get 401, its live streams close). A non-demo installation has no known
// password; the demo says it is one. Every test here failed on the server before the fix.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, Client, kefu, directory, addStaff, errorCode, E2E_PASSWORD, PASSWORD, sqlValue } from './lib/server.mjs';
import { openStream } from './lib/sse.mjs';

// One column of a query on the server's database (sqlite3 CLI or psql), rows joined by newlines.

// Waits (without asserting on time) until the stream has ended; false if it is still open
// after `ms` (a generous bound: the test fails rather than hangs).
async function ended(stream, ms = 15000) {
  const until = Date.now() + ms;
  while (!stream.closed && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return stream.closed;
}

async function loginStatus(base, username, password) {
  const r = await new Client(base).post('/api/v1/auth/login', { username, password });
  return r.status;
}

describe('hole 8: account life', () => {
  let server, admin, SH01, desk, tag;
  const name = (what) => `acc_${what}_${tag}`;

  before(async () => {
    server = await KefuServer.start({ tickets: 10, members: 5 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    desk = dir.dept('SH01', 'desk').id;
    tag = Math.random().toString(36).slice(2, 7);
    await addStaff(admin, SH01, desk, [
      [name('pw'), 'agent'], [name('off'), 'agent'], [name('reset'), 'agent'], [name('tok'), 'agent'],
      [name('live'), 'agent'], [name('sess'), 'agent'],
    ]);
  });
  after(async () => {
    await server?.dispose();
  });

  const idOf = async (username) => (await admin.get('/api/v1/staff')).json.items.find((s) => s.username === username).id;

  it('changing one\'s password needs the current one, follows the policy, and ends the other sessions', async () => {
    const u = name('pw');
    const phone = await server.login(u, E2E_PASSWORD);
    const desk2 = await server.login(u, E2E_PASSWORD);

    let r = await desk2.post('/api/v1/auth/password', { current_password: 'not-it-at-all', new_password: 'Night-shift-2026' });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorCode(r), 'wrong_password');
    for (const [weak, code] of [['short', 'too_short'], ['kefu2026', 'weak_password'], [`${u}-x`, 'weak_password'], [E2E_PASSWORD, 'password_unchanged']]) {
      r = await desk2.post('/api/v1/auth/password', { current_password: E2E_PASSWORD, new_password: weak });
      assert.equal(r.status, 400, `${weak}: ${r.text}`);
      assert.equal(errorCode(r), code, weak);
      assert.ok(r.json.error.message, 'a message in the caller\'s language');
    }

    r = await desk2.post('/api/v1/auth/password', { current_password: E2E_PASSWORD, new_password: 'Night-shift-2026' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.other_sessions_ended, 1);
    assert.equal((await phone.get('/api/v1/auth/me')).status, 401, 'the other session ended at once');
    assert.equal((await desk2.get('/api/v1/auth/me')).status, 200, 'the session that changed it stays');
    assert.equal(await loginStatus(server.base, u, E2E_PASSWORD), 401, 'the old password no longer works');
    assert.equal(await loginStatus(server.base, u, 'Night-shift-2026'), 200);

    // An API token has no password to change.
    const t = await admin.post('/api/v1/api-tokens', { name: 'pw', staff_id: await idOf(u), scopes: ['admin'] });
    r = await admin.with(t.json.token).post('/api/v1/auth/password', { current_password: 'Night-shift-2026', new_password: 'Other-shift-2026' });
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'not_a_session');
  });

  it("a deactivated person's session and API token get 401 at once, and they cannot sign in", async () => {
    const u = name('off');
    const id = await idOf(u);
    const session = await server.login(u, E2E_PASSWORD);
    const t = await admin.post('/api/v1/api-tokens', { name: 'POS', staff_id: id, scopes: ['tickets:read'] });
    const token = admin.with(t.json.token);
    assert.equal((await session.get('/api/v1/tickets')).status, 200);
    assert.equal((await token.get('/api/v1/tickets')).status, 200);

    const agent = await server.login(name('sess'), E2E_PASSWORD);
    assert.equal((await agent.post(`/api/v1/staff/${id}/deactivate`, {})).status, 403, 'admins only');

    let r = await admin.post(`/api/v1/staff/${id}/deactivate`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.active, false);
    assert.equal((await session.get('/api/v1/tickets')).status, 401, 'the session, at once');
    assert.equal((await token.get('/api/v1/tickets')).status, 401, 'the token, at once');
    assert.equal(await loginStatus(server.base, u, E2E_PASSWORD), 401);
    const listed = (await admin.get('/api/v1/staff')).json.items.find((s) => s.id === id);
    assert.equal(listed.active, false);

    const me = (await admin.get('/api/v1/auth/me')).json.id;
    r = await admin.post(`/api/v1/staff/${me}/deactivate`, {});
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'not_yourself');

    r = await admin.post(`/api/v1/staff/${id}/reactivate`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.active, true);
    assert.equal((await session.get('/api/v1/tickets')).status, 401, 'ended sessions stay ended');
    assert.equal(await loginStatus(server.base, u, E2E_PASSWORD), 200);

    const actions = await sqlValue(server, `SELECT action FROM audit_log WHERE entity = 'staff' AND entity_id = ${id} ORDER BY id`);
    assert.deepEqual(actions.split('\n').filter((a) => /activate/.test(a)), ['staff.deactivate', 'staff.reactivate']);
  });

  it('a revoked API token gets 401 at once; the list shows tokens but never their secret', async () => {
    const id = await idOf(name('tok'));
    const t = await admin.post('/api/v1/api-tokens', { name: '收银对接', staff_id: id, scopes: ['tickets:read'] });
    assert.equal(t.status, 201, t.text);
    const secret = t.json.token;
    const pos = admin.with(secret);
    assert.equal((await pos.get('/api/v1/tickets')).status, 200);

    let r = await admin.get('/api/v1/api-tokens');
    assert.equal(r.status, 200, r.text);
    const row = r.json.items.find((x) => x.name === '收银对接');
    assert.ok(row, 'listed');
    assert.equal(row.staff_id, id);
    assert.equal(row.revoked, false);
    assert.ok(!r.text.includes(secret), 'never the secret');
    assert.equal((await pos.get('/api/v1/api-tokens')).status, 403, 'a tickets:read token cannot list tokens');

    r = await admin.post(`/api/v1/api-tokens/${row.id}/revoke`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.revoked, true);
    assert.ok(r.json.revoked_at > 0);
    assert.equal((await pos.get('/api/v1/tickets')).status, 401, 'revoked: at once');
    r = await admin.get('/api/v1/api-tokens');
    assert.equal(r.json.items.find((x) => x.id === row.id).revoked, true);
    assert.equal(await sqlValue(server, `SELECT COUNT(*) FROM audit_log WHERE action = 'api_token.revoke' AND entity_id = ${row.id}`), '1');
    r = await admin.post('/api/v1/api-tokens/999999/revoke', {});
    assert.equal(r.status, 404);
  });

  it("an admin's reset: the temporary password signs in, but only to choose a new one; old sessions end", async () => {
    const u = name('reset');
    const id = await idOf(u);
    const before = await server.login(u, E2E_PASSWORD);
    let r = await admin.post(`/api/v1/staff/${id}/password`, { password: '12345678' });
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'weak_password');
    r = await admin.post(`/api/v1/staff/${id}/password`, { password: 'Temp-pass-7391' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.sessions_ended, 1);
    assert.equal((await before.get('/api/v1/auth/me')).status, 401);
    assert.equal(await loginStatus(server.base, u, E2E_PASSWORD), 401);

    const temp = await server.login(u, 'Temp-pass-7391');
    const me = await temp.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.must_change_password, true);
    r = await temp.get('/api/v1/tickets');
    assert.equal(r.status, 403);
    assert.equal(errorCode(r), 'password_change_required');
    r = await temp.post('/api/v1/auth/password', { current_password: 'Temp-pass-7391', new_password: 'My-own-pass-2026' });
    assert.equal(r.status, 200, r.text);
    assert.equal((await temp.get('/api/v1/tickets')).status, 200);
    assert.equal((await temp.get('/api/v1/auth/me')).json.must_change_password, false);
  });

  it('one sees one\'s sessions and logs out everywhere else; an admin ends someone\'s sessions', async () => {
    const u = name('sess');
    const a = await server.login(u, E2E_PASSWORD);
    const b = await server.login(u, E2E_PASSWORD);
    let r = await a.get('/api/v1/auth/sessions');
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length >= 2);
    assert.equal(r.json.items.filter((s) => s.current).length, 1);
    assert.ok(!r.text.includes(a.token) && !r.text.includes(b.token), 'no token in the list');

    r = await a.post('/api/v1/auth/sessions/end-others', {});
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.ended >= 1);
    assert.equal((await b.get('/api/v1/auth/me')).status, 401);
    assert.equal((await a.get('/api/v1/auth/me')).status, 200);
    assert.equal((await a.get('/api/v1/auth/sessions')).json.items.length, 1);

    r = await admin.post(`/api/v1/staff/${await idOf(u)}/sessions/end`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.ended, 1);
    assert.equal((await a.get('/api/v1/auth/me')).status, 401);
  });

  it('an open event stream closes when its session ends (logout) or its token is revoked', async () => {
    const u = name('live');
    const c = await server.login(u, E2E_PASSWORD);
    const stream = await openStream(server.base, c.token);
    assert.equal(stream.status, 200);
    await stream.waitFor((e) => e.event === 'ready', 5000, 'ready');
    assert.equal((await c.post('/api/v1/auth/logout')).status, 200);
    assert.ok(await ended(stream), 'the stream of a logged-out session closes');

    const t = await admin.post('/api/v1/api-tokens', { name: 'live', staff_id: await idOf(u), scopes: ['tickets:read'] });
    const viaToken = await openStream(server.base, t.json.token);
    await viaToken.waitFor((e) => e.event === 'ready', 5000, 'ready');
    const row = (await admin.get('/api/v1/api-tokens')).json.items.find((x) => x.name === 'live');
    assert.equal((await admin.post(`/api/v1/api-tokens/${row.id}/revoke`, {})).status, 200);
    assert.ok(await ended(viaToken), 'the stream of a revoked token closes');
    viaToken.close();
    stream.close();
  });

  it('with two nodes, a stream on the other node closes too (within its re-check interval)', async () => {
    const node2 = await server.join();
    try {
      const u = name('live');
      const c = await server.login(u, E2E_PASSWORD);
      const stream = await openStream(node2.base, c.token);
      await stream.waitFor((e) => e.event === 'ready', 5000, 'ready');
      assert.equal((await c.post('/api/v1/auth/logout')).status, 200);
      assert.ok(await ended(stream, 20000), 'closed by the other node');
      stream.close();
    } finally {
      await node2.stop();
    }
  });

  it('the demo says it is one', async () => {
    const r = await new Client(server.base).get('/api/v1/auth/session');
    assert.equal(r.json.demo, true);
    const home = await new Client(server.base).get('/');
    assert.ok(!home.text.includes(PASSWORD), 'the home page advertises no password, even on the demo');
  });
});

describe('hole 8: a non-demo installation has no known password', () => {
  let server;
  before(async () => {
    server = await KefuServer.start({ demo: false });
  });
  after(async () => {
    await server?.dispose();
  });

  it('no admin/kefu2026, no password on the home page, the first admin is set at setup', async () => {
    const anon = new Client(server.base);
    assert.equal(await loginStatus(server.base, 'admin', PASSWORD), 401);
    const session = await anon.get('/api/v1/auth/session');
    assert.equal(session.json.demo, false, 'not a demo');
    const home = await anon.get('/');
    assert.equal(home.status, 200);
    assert.ok(!home.text.includes(PASSWORD), 'the API-only home page advertises no demo password');
    assert.match(home.text, /kefu user add/, 'it says how the first admin is created');
    assert.match(server.log, /no staff account yet/);

    // The first admin: the password from KEFU_PASSWORD (never on the command line); the
    // demo's password is refused.
    await assert.rejects(
      kefu(server.dbUrl, ['user', 'add', '--username', 'boss', '--role', 'admin'], {
        cwd: server.dir, bin: server.bin, env: { KEFU_PASSWORD: PASSWORD },
      }),
    );
    await kefu(server.dbUrl, ['user', 'add', '--username', 'boss', '--role', 'admin'], {
      cwd: server.dir, bin: server.bin, env: { KEFU_PASSWORD: 'Set-at-setup-2026' },
    });
    assert.equal(await loginStatus(server.base, 'boss', 'Set-at-setup-2026'), 200);
  });
});

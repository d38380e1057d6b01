// Logging in and out, lockout, cookies and API tokens, as a user of the console or an
// integration would see them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, Client, loginFull, directory, newTicket, errorCode, PASSWORD } from './lib/server.mjs';

describe('auth', () => {
  let server;
  let admin;
  let dir;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    dir = await directory(admin);
  });
  after(async () => {
    await server?.dispose();
  });

  it('login returns a token, the staff and expires_in; /auth/me answers with the same person', async () => {
    const answer = await loginFull(server.base, 'zhangmin');
    assert.equal(typeof answer.token, 'string');
    assert.ok(answer.token.length >= 20);
    assert.equal(answer.staff.username, 'zhangmin');
    assert.equal(answer.staff.role, 'agent');
    assert.equal(answer.staff.display_name, '张敏');
    assert.ok(answer.expires_in > 0);

    const me = await server.client(answer.token).get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.username, 'zhangmin');
    assert.equal(me.json.id, answer.staff.id);
    assert.deepEqual(me.json.store_ids, [dir.storeByCode.SH01.id]);
    assert.equal(me.json.via_token, false);
  });

  it('a wrong password is 401 invalid_credentials, the same as an unknown user', async () => {
    const c = new Client(server.base);
    const wrong = await c.post('/api/v1/auth/login', { username: 'liuyang', password: 'not-the-password' });
    assert.equal(wrong.status, 401);
    assert.equal(errorCode(wrong), 'invalid_credentials');
    assert.equal(wrong.json.token, undefined);
    assert.equal(wrong.headers.get('set-cookie'), null);

    const nobody = await c.post('/api/v1/auth/login', { username: 'no-such-user', password: 'whatever1' });
    assert.equal(nobody.status, 401);
    assert.equal(errorCode(nobody), 'invalid_credentials');
    assert.equal(nobody.json.error.message, wrong.json.error.message);

    // English on request.
    const en = await c.post(
      '/api/v1/auth/login',
      { username: 'liuyang', password: 'not-the-password' },
      { headers: { 'accept-language': 'en-US,en;q=0.9' } },
    );
    assert.equal(en.status, 401);
    assert.match(en.json.error.message, /wrong username or password/i);
    assert.match(wrong.json.error.message, /用户名或密码错误/);

    // Two failures do not lock the account: the right password still works.
    await loginFull(server.base, 'liuyang');
  });

  // BUG: failed logins are never counted. finish_login() records the failure and then throws
  // invalid_credentials inside the same db.write job, so the job's savepoint is rolled back
  // and the login_failures row (and the auth.login_failed audit entry) vanish with it. After
  // 5 wrong passwords the 6th attempt with the right one gets 200 and a token instead of 429.
  it('5 failed logins lock the username from that address (429 login_locked), even for the right password', async () => {
    const c = new Client(server.base);
    for (let i = 1; i <= 5; i++) {
      const r = await c.post('/api/v1/auth/login', { username: 'zhoutingting', password: `wrong-${i}` });
      assert.equal(r.status, 401, `attempt ${i}`);
      assert.equal(errorCode(r), 'invalid_credentials');
    }
    const locked = await c.post('/api/v1/auth/login', { username: 'zhoutingting', password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.equal(errorCode(locked), 'login_locked');
    assert.equal(locked.json.token, undefined);

    // Other accounts are not affected.
    await loginFull(server.base, 'sunhao');
  });

  it('logout ends the session: the token is refused afterwards', async () => {
    const c = await server.login('zhaoxue');
    assert.equal((await c.get('/api/v1/auth/me')).status, 200);
    const out = await c.post('/api/v1/auth/logout');
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') || '', /kefu_session=;.*Max-Age=0/);
    const after = await c.get('/api/v1/auth/me');
    assert.equal(after.status, 401);
    assert.equal(errorCode(after), 'session_expired');
    assert.equal((await c.get('/api/v1/tickets')).status, 401);
  });

  it('without a token every API route is 401 unauthenticated', async () => {
    const c = new Client(server.base);
    for (const [method, p] of [
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/tickets'],
      ['GET', '/api/v1/tickets/1'],
      ['POST', '/api/v1/tickets'],
      ['GET', '/api/v1/members/1'],
      ['GET', '/api/v1/stores'],
      ['GET', '/api/v1/meta/vocabulary'],
    ]) {
      const r = await c.request(method, p, method === 'POST' ? { body: newTicket(1) } : {});
      assert.equal(r.status, 401, `${method} ${p}`);
      assert.equal(errorCode(r), 'unauthenticated', `${method} ${p}`);
      assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    }
    const bogus = await c.get('/api/v1/auth/me', { token: 'not-a-real-token' });
    assert.equal(bogus.status, 401);
    assert.equal(errorCode(bogus), 'session_expired');
  });

  it('the session cookie works like the bearer token and is HttpOnly', async () => {
    const answer = await loginFull(server.base, 'chenjing');
    const cookie = answer.setCookie;
    assert.ok(cookie, 'login sets a cookie');
    assert.match(cookie, new RegExp(`^kefu_session=${answer.token};`));
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*Path=\//);
    assert.match(cookie, /;\s*SameSite=Strict/i);

    const c = new Client(server.base); // no bearer token
    const me = await c.get('/api/v1/auth/me', { headers: { cookie: `kefu_session=${answer.token}` } });
    assert.equal(me.status, 200);
    assert.equal(me.json.username, 'chenjing');
    const list = await c.get('/api/v1/tickets?limit=1', { headers: { cookie: `theme=dark; kefu_session=${answer.token}` } });
    assert.equal(list.status, 200);
    assert.equal(list.json.items.length, 1);

    // Logging out through the cookie ends it too.
    const out = await c.post('/api/v1/auth/logout', undefined, { headers: { cookie: `kefu_session=${answer.token}` } });
    assert.equal(out.status, 200);
    const gone = await c.get('/api/v1/auth/me', { headers: { cookie: `kefu_session=${answer.token}` } });
    assert.equal(gone.status, 401);
  });

  it('an API token with scope tickets:read can list tickets but not create them (403)', async () => {
    const zhangmin = dir.staffByName.zhangmin;
    const created = await admin.post('/api/v1/api-tokens', {
      name: '只读报表',
      staff_id: zhangmin.id,
      scopes: ['tickets:read'],
    });
    assert.equal(created.status, 201, created.text);
    assert.match(created.json.token, /^kfk_/);
    assert.deepEqual(created.json.scopes, ['tickets:read']);

    const integration = server.client(created.json.token);
    const me = await integration.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.via_token, true);
    assert.deepEqual(me.json.scopes, ['tickets:read']);

    const list = await integration.get('/api/v1/tickets?limit=5');
    assert.equal(list.status, 200);
    assert.ok(list.json.items.length > 0);
    const one = await integration.get(`/api/v1/tickets/${list.json.items[0].id}`);
    assert.equal(one.status, 200);

    const create = await integration.post('/api/v1/tickets', newTicket(dir.storeByCode.SH01.id));
    assert.equal(create.status, 403);
    assert.equal(errorCode(create), 'forbidden');

    // Nor may it read members (another scope).
    const member = await integration.get('/api/v1/members/1');
    assert.equal(member.status, 403);
  });

  it('only admins create API tokens', async () => {
    const supervisor = await server.login('chenjing');
    const r = await supervisor.post('/api/v1/api-tokens', {
      name: 'x',
      staff_id: supervisor.me.id,
      scopes: ['tickets:read'],
    });
    assert.equal(r.status, 403);
    assert.equal(errorCode(r), 'forbidden');
  });
});

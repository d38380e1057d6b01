// CSAT (满意度) links: signed, expiring, no login, one rating per ticket; a low rating
// opens service recovery.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';
import { insertCatchAllPolicy } from './lib/sla_policy.mjs';

describe('CSAT links', () => {
  let server, agent, supervisor, otherStore, anonymous, SH01, dir;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    otherStore = await server.login('maxiaoyu');
    anonymous = server.client();
    await insertCatchAllPolicy(server);
  });
  after(async () => {
    await server?.dispose();
  });

  const resolved = async (subject) => {
    let r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject }));
    assert.equal(r.status, 201, r.text);
    r = await agent.post(`/api/v1/tickets/${r.json.id}/status`, { status: 'resolved' });
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const linkFor = async (id, body) => {
    const r = await agent.post(`/api/v1/tickets/${id}/csat-link`, body);
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const view = (token) => anonymous.get(`/api/v1/public/csat/${token}`);
  const rate = (token, body) => anonymous.post(`/api/v1/public/csat/${token}`, body);

  it('a resolved ticket gets a link; the customer sees no PII and rates once', async () => {
    const t = await resolved('收银员态度冷淡');
    const link = await linkFor(t.id);
    assert.equal(link.path, `/m/csat/${link.token}`);
    assert.ok(link.expires_at > Date.now() + 13 * 86400000);

    let r = await view(link.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), [
      'expires_at', 'number', 'rated', 'rating', 'status', 'store_name', 'subject',
    ]);
    assert.equal(r.json.number, t.number);
    assert.equal(r.json.subject, '收银员态度冷淡');
    assert.equal(r.json.store_name, dir.storeByCode.SH01.name);
    assert.equal(r.json.rated, false);
    assert.equal(r.json.rating, null);
    assert.ok(!r.text.includes(agent.me.display_name), 'no staff names');

    r = await rate(link.token, { rating: 4, comment: '处理得还可以' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.rating, 4);
    assert.equal(r.json.comment, '处理得还可以');

    r = await rate(link.token, { rating: 5 });
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 'already_rated');
    r = await view(link.token);
    assert.equal(r.json.rated, true);
    assert.equal(r.json.rating.rating, 4);

    r = await agent.post(`/api/v1/tickets/${t.id}/csat-link`, {});
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 'already_rated');

    const tl = await agent.get(`/api/v1/tickets/${t.id}/timeline`);
    const csat = tl.json.events.filter((e) => e.kind === 'csat');
    assert.equal(csat.length, 1);
    assert.equal(csat[0].customer_visible, true);
    assert.ok(!tl.text.includes(link.token), 'the token is not kept on the timeline');
  });

  it('a forged link is 403 invalid_link and changes nothing', async () => {
    const t = await resolved('试衣间门锁坏了');
    const other = await resolved('电梯异响');
    const link = await linkFor(t.id);
    const [id, exp, mac] = link.token.split('.');
    const i = 10; // inside the MAC (its last character carries padding bits)
    const flipped = `${id}.${exp}.${mac.slice(0, i)}${mac[i] === 'A' ? 'B' : 'A'}${mac.slice(i + 1)}`;
    const moved = `${other.id}.${exp}.${mac}`;
    const later = `${id}.${Number(exp) + 86400000}.${mac}`;
    for (const token of [flipped, moved, later, 'garbage']) {
      let r = await view(token);
      assert.equal(r.status, 403, `${token}: ${r.text}`);
      assert.equal(errorCode(r), 'invalid_link');
      r = await rate(token, { rating: 5 });
      assert.equal(r.status, 403);
      assert.equal(errorCode(r), 'invalid_link');
    }
    assert.equal((await view(link.token)).json.rated, false);
    const r = await agent.post(`/api/v1/tickets/${other.id}/csat-link`, {});
    assert.equal(r.status, 201, 'the other ticket was not rated');
  });

  it('an expired link is 410 link_expired', async () => {
    const t = await resolved('停车场收费有误');
    const link = await linkFor(t.id, { ttl_seconds: 1 });
    assert.ok(link.expires_at <= Date.now() + 1000);
    await sleep(Math.max(0, link.expires_at - Date.now()) + 100);
    let r = await view(link.token);
    assert.equal(r.status, 410, r.text);
    assert.equal(errorCode(r), 'link_expired');
    r = await rate(link.token, { rating: 5 });
    assert.equal(r.status, 410);
    assert.equal(errorCode(r), 'link_expired');
    // A fresh link still works: the expired one rated nothing.
    const fresh = await linkFor(t.id);
    assert.equal((await view(fresh.token)).json.rated, false);
  });

  it('a rating of 1 opens a service-recovery task the supervisor sees', async () => {
    const t = await resolved('退货被拒，态度恶劣');
    const link = await linkFor(t.id);
    const r = await rate(link.token, { rating: 1, comment: '非常失望' });
    assert.equal(r.status, 201, r.text);
    const tl = await supervisor.get(`/api/v1/tickets/${t.id}/timeline`);
    assert.equal(tl.status, 200);
    assert.equal(tl.json.tasks.length, 1);
    const task = tl.json.tasks[0];
    assert.equal(task.description, '服务补救：顾客评分 1 分——非常失望');
    assert.equal(task.assignee_id, supervisor.me.id);
    assert.equal(task.department_id, dir.dept('SH01', 'desk').id);
    assert.equal(task.status, 'open');
    assert.ok(task.due_at > Date.now() + 23 * 3600000);
    assert.ok(tl.json.events.some((e) => e.kind === 'task_created'));
  });

  it('ratings outside 1..5 are 400 and store nothing', async () => {
    const t = await resolved('会员积分未到账');
    const link = await linkFor(t.id);
    for (const rating of [0, 6]) {
      const r = await rate(link.token, { rating });
      assert.equal(r.status, 400, r.text);
      assert.equal(errorCode(r), 'invalid_rating');
      assert.equal(r.json.error.field, 'rating');
    }
    const r = await rate(link.token, { rating: 'five' });
    assert.equal(r.status, 400);
    assert.equal((await view(link.token)).json.rated, false);
    const tl = await agent.get(`/api/v1/tickets/${t.id}/timeline`);
    assert.ok(!tl.json.events.some((e) => e.kind === 'csat'));
  });

  it('links need a finished ticket in the caller’s stores and a sane lifetime', async () => {
    let r = await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '还在处理' }));
    const open = r.json;
    r = await agent.post(`/api/v1/tickets/${open.id}/csat-link`, {});
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 'not_resolved');
    const t = await resolved('赠品未发放');
    r = await otherStore.post(`/api/v1/tickets/${t.id}/csat-link`, {});
    assert.equal(r.status, 404);
    for (const ttl_seconds of [0, 2592001]) {
      r = await agent.post(`/api/v1/tickets/${t.id}/csat-link`, { ttl_seconds });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field, 'ttl_seconds');
    }
    r = await anonymous.post(`/api/v1/tickets/${t.id}/csat-link`, {});
    assert.equal(r.status, 401);
  });
});

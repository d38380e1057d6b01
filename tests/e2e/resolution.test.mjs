// 办结 (resolution) with authority limits (授权额度) and approvals, seen through the API.
// Default limits: agent ¥200, dept_head ¥500, supervisor ¥2,000, manager ¥10,000; approvers
// are supervisors and above. SH01: zhangmin agent, chenjing supervisor, wangli manager;
// CD01: gaoyan supervisor.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('resolution and authority limits', () => {
  let server, admin, agent, supervisor, manager, otherStore, SH01;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    manager = await server.login('wangli');
    otherStore = await server.login('gaoyan');
  });
  after(async () => {
    await server?.dispose();
  });

  const create = async (subject) => {
    const r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject }));
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const propose = (client, id, body) => client.post(`/api/v1/tickets/${id}/resolutions`, body);
  const resolutions = async (client, id) => {
    const r = await client.get(`/api/v1/tickets/${id}/resolutions`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };
  const ticket = async (id) => (await agent.get(`/api/v1/tickets/${id}`)).json;
  const approvals = async (client) => {
    const r = await client.get('/api/v1/approvals');
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };

  it('an apology is within every limit: applied on the spot and the ticket resolved', async () => {
    const t = await create('导购态度生硬');
    const r = await propose(agent, t.id, { kind: 'apology', description: '店长当面向顾客致歉' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.resolution.status, 'applied');
    assert.equal(r.json.resolution.kind, 'apology');
    assert.equal(r.json.resolution.kind_zh, '致歉');
    assert.equal(r.json.resolution.amount_cents, 0);
    assert.equal(r.json.resolution.approver_role, null);
    assert.equal(r.json.resolution.requested_by, agent.me.id);
    assert.equal(r.json.ticket.status, 'resolved');
    assert.equal(typeof r.json.ticket.resolved_at, 'number');

    assert.equal((await ticket(t.id)).status, 'resolved');
    const items = await resolutions(agent, t.id);
    assert.deepEqual(
      items.map((x) => [x.id, x.status]),
      [[r.json.resolution.id, 'applied']],
    );
    const tl = (await agent.get(`/api/v1/tickets/${t.id}/timeline`)).json.events;
    assert.deepEqual(
      tl.map((e) => e.kind),
      ['created', 'resolution', 'status'],
    );
    const audit = (await supervisor.get(`/api/v1/tickets/${t.id}/audit`)).json.items.map((a) => a.action);
    assert.ok(audit.includes('resolution.propose'), audit.join(','));

    // A finished ticket takes no further resolution.
    const again = await propose(agent, t.id, { kind: 'explanation', description: '补充说明' });
    assert.equal(again.status, 409);
    assert.equal(errorCode(again), 'ticket_finished');
  });

  it('¥500 in coupons is above the agent: pending, and only the supervisor may approve', async () => {
    const t = await create('羽绒服洗后严重起球');
    const r = await propose(agent, t.id, {
      kind: 'compensation',
      compensation: 'coupon',
      amount_cents: 50000,
      description: '赠送 500 元购物券表示歉意',
    });
    assert.equal(r.status, 202, r.text);
    const pending = r.json.resolution;
    assert.equal(pending.status, 'pending');
    assert.equal(pending.approver_role, 'supervisor');
    assert.equal(pending.compensation, 'coupon');
    assert.equal(pending.amount_cents, 50000);
    assert.equal(pending.decided_by, null);
    assert.equal(r.json.ticket, undefined);
    assert.equal((await ticket(t.id)).status, 'new');

    // The agent cannot approve, not even their own request; nothing changes.
    const self = await agent.post(`/api/v1/resolutions/${pending.id}/approve`, {});
    assert.equal(self.status, 403);
    assert.equal(errorCode(self), 'forbidden');
    assert.equal((await resolutions(agent, t.id))[0].status, 'pending');
    assert.equal((await approvals(agent)).length, 0);

    // One pending resolution at a time.
    const second = await propose(agent, t.id, { kind: 'apology', description: '致歉' });
    assert.equal(second.status, 409);
    assert.equal(errorCode(second), 'approval_pending');

    // The supervisor sees it among their approvals, with the ticket's number and subject.
    const mine = (await approvals(supervisor)).find((x) => x.id === pending.id);
    assert.ok(mine, 'the supervisor should see the request');
    assert.equal(mine.ticket_number, t.number);
    assert.equal(mine.ticket_subject, '羽绒服洗后严重起球');
    assert.equal(mine.ticket_id, t.id);

    const ok = await supervisor.post(`/api/v1/resolutions/${pending.id}/approve`, { reason: '同意' });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.resolution.status, 'applied');
    assert.equal(ok.json.resolution.decided_by, supervisor.me.id);
    assert.equal(ok.json.resolution.decision_reason, '同意');
    assert.equal(ok.json.resolution.version, pending.version + 1);
    assert.equal(typeof ok.json.resolution.decided_at, 'number');

    const after = await ticket(t.id);
    assert.equal(after.status, 'resolved');
    assert.equal(after.owner_id, agent.me.id);
    assert.equal((await resolutions(agent, t.id))[0].status, 'applied');
    assert.ok(!(await approvals(supervisor)).some((x) => x.id === pending.id));

    const twice = await supervisor.post(`/api/v1/resolutions/${pending.id}/reject`, { reason: '再想想' });
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'already_decided');
  });

  it('a rejection needs a reason and leaves the ticket open', async () => {
    const t = await create('退货被拒');
    const r = await propose(agent, t.id, { kind: 'refund', amount_cents: 89900, description: '全额退款 899 元' });
    assert.equal(r.status, 202, r.text);
    const id = r.json.resolution.id;
    const before = await resolutions(agent, t.id);

    for (const body of [{}, { reason: '   ' }]) {
      const bad = await supervisor.post(`/api/v1/resolutions/${id}/reject`, body);
      assert.equal(bad.status, 400, bad.text);
      assert.equal(errorCode(bad), 'required');
      assert.equal(bad.json.error.field, 'reason');
    }
    assert.deepEqual(await resolutions(agent, t.id), before);

    const no = await supervisor.post(`/api/v1/resolutions/${id}/reject`, { reason: '商品已使用，改为维修' });
    assert.equal(no.status, 200, no.text);
    assert.equal(no.json.resolution.status, 'rejected');
    assert.equal(no.json.resolution.decision_reason, '商品已使用，改为维修');
    const now = await ticket(t.id);
    assert.equal(now.status, 'new');
    assert.equal(now.resolved_at, null);

    // The agent may propose again.
    const repair = await propose(agent, t.id, { kind: 'repair', description: '免费维修' });
    assert.equal(repair.status, 201, repair.text);
    assert.equal((await resolutions(agent, t.id)).length, 2);
  });

  it('¥5,000 in cash is above the supervisor: the manager decides', async () => {
    const t = await create('停车场车辆被刮');
    const r = await propose(agent, t.id, {
      kind: 'compensation',
      compensation: 'cash',
      amount_cents: 500000,
      description: '现金补偿修车费用',
    });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.json.resolution.approver_role, 'manager');
    const id = r.json.resolution.id;

    assert.ok(!(await approvals(supervisor)).some((x) => x.id === id));
    const denied = await supervisor.post(`/api/v1/resolutions/${id}/approve`, {});
    assert.equal(denied.status, 403);
    assert.equal(errorCode(denied), 'forbidden');
    assert.match(denied.json.error.message, /经理/);
    assert.equal((await resolutions(agent, t.id))[0].status, 'pending');
    assert.equal((await ticket(t.id)).status, 'new');

    assert.ok((await approvals(manager)).some((x) => x.id === id));
    const ok = await manager.post(`/api/v1/resolutions/${id}/approve`);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.resolution.decided_by, manager.me.id);
    assert.equal((await ticket(t.id)).status, 'resolved');
  });

  it("another store's supervisor sees neither the resolutions nor the approval", async () => {
    const t = await create('会员积分没有到账');
    const r = await propose(agent, t.id, { kind: 'refund', amount_cents: 30000, description: '退差价' });
    assert.equal(r.status, 202, r.text);
    const id = r.json.resolution.id;
    const approve = await otherStore.post(`/api/v1/resolutions/${id}/approve`, {});
    assert.equal(approve.status, 404);
    assert.equal(errorCode(approve), 'not_found');
    const list = await otherStore.get(`/api/v1/tickets/${t.id}/resolutions`);
    assert.equal(list.status, 404);
    assert.ok(!(await approvals(otherStore)).some((x) => x.id === id));
    assert.equal((await resolutions(agent, t.id))[0].status, 'pending');
  });

  it('bad input is 400 naming the field, and nothing is stored', async () => {
    const t = await create('收银多收钱');
    const cases = [
      [{ kind: 'gift', description: '送礼品' }, 'kind', 'invalid_enum'],
      [{ kind: 'compensation', compensation: 'coupon', amount_cents: -100, description: '券' }, 'amount_cents', 'invalid_amount'],
      [{ kind: 'refund', amount_cents: 0, description: '退款' }, 'amount_cents', 'invalid_amount'],
      [{ kind: 'apology', amount_cents: 100, description: '致歉' }, 'amount_cents', 'invalid_amount'],
      [{ kind: 'compensation', amount_cents: 100, description: '补偿' }, 'compensation', 'required'],
      [{ kind: 'compensation', compensation: 'gold', amount_cents: 100, description: '补偿' }, 'compensation', 'invalid_enum'],
      [{ kind: 'refund', amount_cents: '100', description: '退款' }, 'amount_cents', 'invalid_type'],
      [{ kind: 'refund', amount_cents: 100 }, 'description', 'required'],
      [{ kind: 'explanation', description: '说'.repeat(1001) }, 'description', 'too_long'],
    ];
    for (const [body, field, code] of cases) {
      const r = await propose(agent, t.id, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(errorCode(r), code, JSON.stringify(body));
      assert.equal(r.json.error.field, field, JSON.stringify(body));
    }
    assert.deepEqual(await resolutions(agent, t.id), []);
    const now = await ticket(t.id);
    assert.equal(now.status, 'new');
    assert.equal(now.version, t.version);
  });

  it('only the admin changes the limits; a non-monotone table is refused and changes nothing', async () => {
    const defaults = { agent: 20000, dept_head: 50000, supervisor: 200000, manager: 1000000 };
    let r = await agent.get('/api/v1/authority-limits');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.limits, defaults);

    const raised = { agent: 60000, dept_head: 60000, supervisor: 300000, manager: 1000000 };
    r = await manager.request('PUT', '/api/v1/authority-limits', { body: { limits: raised } });
    assert.equal(r.status, 403);
    assert.equal(errorCode(r), 'forbidden');

    r = await admin.request('PUT', '/api/v1/authority-limits', {
      body: { limits: { ...raised, manager: 100000 } },
    });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorCode(r), 'limits_not_monotone');
    assert.equal(r.json.error.field, 'limits.manager');
    r = await admin.request('PUT', '/api/v1/authority-limits', { body: { limits: { admin: 1 } } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'limits.admin');
    assert.deepEqual((await agent.get('/api/v1/authority-limits')).json.limits, defaults);

    r = await admin.request('PUT', '/api/v1/authority-limits', { body: { limits: raised } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.limits, raised);
    assert.deepEqual((await supervisor.get('/api/v1/authority-limits')).json.limits, raised);

    // In force at once: ¥500 is now within the agent's limit.
    const t = await create('试衣间丢失手机');
    const p = await propose(agent, t.id, {
      kind: 'compensation',
      compensation: 'points',
      amount_cents: 50000,
      description: '赠送积分',
    });
    assert.equal(p.status, 201, p.text);
    assert.equal(p.json.resolution.status, 'applied');

    r = await admin.request('PUT', '/api/v1/authority-limits', { body: { limits: defaults } });
    assert.equal(r.status, 200, r.text);
  });
});

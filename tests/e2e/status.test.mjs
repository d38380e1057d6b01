// The ticket status machine (src/tickets/domain/status.hpp), seen through the API.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('status machine', () => {
  let server, agent, SH01;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
  });
  after(async () => {
    await server?.dispose();
  });

  const create = async (subject) => {
    const r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject }));
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const move = (id, status, extra = {}) => agent.post(`/api/v1/tickets/${id}/status`, { status, ...extra });

  it('new → closed is 409 invalid_transition and leaves the ticket as it was', async () => {
    const t = await create('商品标签价格与收银价格不一致');
    const r = await move(t.id, 'closed');
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 'invalid_transition');
    const now = await agent.get(`/api/v1/tickets/${t.id}`);
    assert.equal(now.json.status, 'new');
    assert.equal(now.json.version, t.version);
    assert.equal(now.json.closed_at, null);
  });

  it('an unknown status is 400 invalid_enum', async () => {
    const t = await create('未知状态');
    const r = await move(t.id, 'done');
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'invalid_enum');
    assert.equal(r.json.error.field, 'status');
  });

  it('resolve then reopen increments reopen_count and clears resolved_at', async () => {
    const t = await create('羽绒服洗后起球');
    assert.equal(t.reopen_count, 0);

    let r = await move(t.id, 'in_progress');
    assert.equal(r.status, 200, r.text);
    r = await move(t.id, 'waiting_customer', { comment: '等顾客带小票来' });
    assert.equal(r.status, 200);
    r = await move(t.id, 'resolved');
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'resolved');
    assert.equal(typeof r.json.resolved_at, 'number');
    assert.equal(r.json.reopen_count, 0);

    // A finished ticket takes no replies until reopened.
    const reply = await agent.post(`/api/v1/tickets/${t.id}/replies`, { body: '您好' });
    assert.equal(reply.status, 409);
    assert.equal(errorCode(reply), 'ticket_finished');

    r = await move(t.id, 'in_progress', { comment: '顾客反馈问题依旧' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'in_progress');
    assert.equal(r.json.reopen_count, 1);
    assert.equal(r.json.resolved_at, null);

    r = await move(t.id, 'resolved');
    assert.equal(r.status, 200);
    r = await move(t.id, 'closed');
    assert.equal(r.status, 200);
    assert.equal(typeof r.json.closed_at, 'number');
    r = await move(t.id, 'in_progress');
    assert.equal(r.status, 200);
    assert.equal(r.json.reopen_count, 2);
    assert.equal(r.json.closed_at, null);

    const stored = await agent.get(`/api/v1/tickets/${t.id}`);
    assert.equal(stored.json.reopen_count, 2);

    const tl = await agent.get(`/api/v1/tickets/${t.id}/timeline`);
    const moves = tl.json.events.filter((e) => e.kind === 'status').map((e) => `${e.data.from}→${e.data.to}`);
    assert.deepEqual(moves, [
      'new→in_progress',
      'in_progress→waiting_customer',
      'waiting_customer→resolved',
      'resolved→in_progress',
      'in_progress→resolved',
      'resolved→closed',
      'closed→in_progress',
    ]);
  });

  it('the first reply moves a new ticket to in_progress and sets first_response_at', async () => {
    const t = await create('会员积分没有到账');
    assert.equal(t.first_response_at, null);
    const r = await agent.post(`/api/v1/tickets/${t.id}/replies`, { body: '您好，已为您查询，积分将在24小时内到账。' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.kind, 'reply');
    assert.equal(r.json.customer_visible, true);
    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.status, 'in_progress');
    assert.equal(typeof now.first_response_at, 'number');

    const note = await agent.post(`/api/v1/tickets/${t.id}/notes`, { body: '内部：已联系会员中心' });
    assert.equal(note.status, 201);
    assert.equal(note.json.kind, 'note');
    assert.equal(note.json.customer_visible, false);
  });

  it('every move of the machine is checked', async () => {
    const statuses = ['new', 'in_progress', 'waiting_customer', 'waiting_internal', 'resolved', 'closed'];
    const allowed = new Set([
      'new>in_progress', 'new>waiting_customer', 'new>waiting_internal', 'new>resolved',
      'in_progress>waiting_customer', 'in_progress>waiting_internal', 'in_progress>resolved',
      'waiting_customer>in_progress', 'waiting_customer>resolved',
      'waiting_internal>in_progress', 'waiting_internal>resolved',
      'resolved>closed', 'resolved>in_progress', 'closed>in_progress',
    ]);
    // A shortest path from new to each status, through allowed moves.
    const pathTo = {
      new: [],
      in_progress: ['in_progress'],
      waiting_customer: ['waiting_customer'],
      waiting_internal: ['waiting_internal'],
      resolved: ['resolved'],
      closed: ['resolved', 'closed'],
    };
    for (const from of statuses) {
      for (const to of statuses) {
        const t = await create(`状态 ${from} → ${to}`);
        for (const step of pathTo[from]) assert.equal((await move(t.id, step)).status, 200);
        const r = await move(t.id, to);
        const ok = allowed.has(`${from}>${to}`);
        assert.equal(r.status, ok ? 200 : 409, `${from} → ${to}: ${r.text}`);
        if (!ok) assert.equal(errorCode(r), 'invalid_transition');
      }
    }
  });
});

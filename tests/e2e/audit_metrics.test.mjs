// The audit trail of a ticket (who changed what, before → after) and the metrics a
// monitoring system scrapes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, Client, directory, newTicket, errorCode } from './lib/server.mjs';

// Parses the Prometheus text format into [{ name, labels, value }].
function parseMetrics(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `a valid sample line: ${line}`);
    const labels = {};
    for (const [, k, v] of (m[2] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

describe('audit and metrics', () => {
  let server, agent, bystander, supervisor, foreignSupervisor, SH01;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    [agent, bystander, supervisor, foreignSupervisor] = await Promise.all(
      ['zhangmin', 'zhaoxue', 'chenjing', 'gaoyan'].map((u) => server.login(u)),
    );
  });
  after(async () => {
    await server?.dispose();
  });

  it('after an update, GET /tickets/{id}/audit (as supervisor) shows before → after', async () => {
    const created = await agent.post('/api/v1/tickets', newTicket(SH01, {
      type: 'complaint',
      subject: '电梯故障',
      location: '2F',
    }));
    assert.equal(created.status, 201);
    const t = created.json;
    const upd = await agent.patch(`/api/v1/tickets/${t.id}`, {
      subject: '3号电梯停在2楼不动',
      priority: 'P1',
      version: t.version,
    });
    assert.equal(upd.status, 200, upd.text);
    const st = await agent.post(`/api/v1/tickets/${t.id}/status`, { status: 'in_progress' });
    assert.equal(st.status, 200);

    const r = await supervisor.get(`/api/v1/tickets/${t.id}/audit`);
    assert.equal(r.status, 200, r.text);
    const items = r.json.items;
    assert.deepEqual(
      items.map((e) => e.action),
      ['ticket.create', 'ticket.update', 'ticket.status'],
    );
    const [create, update, status] = items;
    assert.equal(create.before, null);
    assert.equal(create.after.subject, '电梯故障');

    assert.equal(update.actor_id, agent.me.id);
    assert.equal(update.entity, 'ticket');
    assert.equal(update.entity_id, t.id);
    assert.equal(update.before.subject, '电梯故障');
    assert.equal(update.after.subject, '3号电梯停在2楼不动');
    assert.equal(update.before.priority, 'P3');
    assert.equal(update.after.priority, 'P1');
    assert.equal(update.before.location, '2F');
    assert.equal(update.after.location, '2F');
    assert.equal(update.after.version, update.before.version + 1);
    assert.equal(typeof update.created_at, 'number');

    assert.equal(status.before.status, 'new');
    assert.equal(status.after.status, 'in_progress');

    // The timeline says the same, field by field.
    const tl = await agent.get(`/api/v1/tickets/${t.id}/timeline`);
    const ev = tl.json.events.find((e) => e.kind === 'updated');
    assert.deepEqual(ev.data.subject, { from: '电梯故障', to: '3号电梯停在2楼不动' });
    assert.deepEqual(ev.data.priority, { from: 'P3', to: 'P1' });
    assert.equal(ev.data.location, undefined, 'unchanged fields are not listed');
  });

  it('the owner may read the audit; another agent may not (403); another store sees nothing (404)', async () => {
    const t = (await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '审计权限' }))).json;
    assert.equal((await agent.get(`/api/v1/tickets/${t.id}/audit`)).status, 200);
    const other = await bystander.get(`/api/v1/tickets/${t.id}/audit`);
    assert.equal(other.status, 403);
    assert.equal(errorCode(other), 'forbidden');
    const foreign = await foreignSupervisor.get(`/api/v1/tickets/${t.id}/audit`);
    assert.equal(foreign.status, 404);
  });

  it('/metrics has kefu_http_requests_total with the route pattern /api/v1/tickets/{id}', async () => {
    const list = await agent.get('/api/v1/tickets?limit=3');
    for (const t of list.json.items) assert.equal((await agent.get(`/api/v1/tickets/${t.id}`)).status, 200);
    await agent.get('/api/v1/tickets/99999999'); // a 404 on the same route

    const r = await new Client(server.base).get('/metrics'); // no login needed
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/plain/);
    assert.match(r.text, /# TYPE kefu_http_requests_total counter/);
    const samples = parseMetrics(r.text);
    const total = samples.filter((s) => s.name === 'kefu_http_requests_total');
    const get200 = total.find(
      (s) => s.labels.route === '/api/v1/tickets/{id}' && s.labels.method === 'GET' && s.labels.status === '200',
    );
    assert.ok(get200, 'a counter for GET /api/v1/tickets/{id} 200');
    assert.ok(get200.value >= list.json.items.length);
    const get404 = total.find(
      (s) => s.labels.route === '/api/v1/tickets/{id}' && s.labels.method === 'GET' && s.labels.status === '404',
    );
    assert.ok(get404 && get404.value >= 1, 'the 404 is counted under the pattern too');
    assert.ok(
      !total.some((s) => /\/tickets\/\d/.test(s.labels.route)),
      'no route label carries a concrete id',
    );
    assert.ok(samples.some((s) => s.name === 'kefu_http_request_duration_seconds_count' && s.labels.route === '/api/v1/tickets/{id}'));
    assert.ok(samples.some((s) => s.name === 'kefu_http_in_flight'));
  });
});

// Callbacks (回访) and the SLA compliance report (JSON and CSV), under an SLA policy put
// into the database by the test.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';
import { insertCatchAllPolicy } from './lib/sla_policy.mjs';

// "2026-11-22": the China (UTC+8) date of an instant.
const chinaDate = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 10);

describe('callbacks and the compliance report', () => {
  let server, agent, supervisor, SH01, storeName, start;
  const ids = {};

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    storeName = dir.storeByCode.SH01.name;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    await insertCatchAllPolicy(server);
    start = Date.now();
  });
  after(async () => {
    await server?.dispose();
  });

  const resolved = async (subject) => {
    let r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject }));
    assert.equal(r.status, 201, r.text);
    assert.equal(typeof r.json.first_response_due_at, 'number', 'the policy applies');
    r = await agent.post(`/api/v1/tickets/${r.json.id}/status`, { status: 'resolved' });
    assert.equal(r.status, 200, r.text);
    assert.equal(typeof r.json.callback_due_at, 'number');
    return r.json;
  };
  const callback = (id, outcome, note) => agent.post(`/api/v1/tickets/${id}/callback`, { outcome, note });
  const due = async (client = agent) => {
    const r = await client.get('/api/v1/callbacks');
    assert.equal(r.status, 200, r.text);
    return r.json.items.map((t) => t.id);
  };

  it('a satisfied callback closes the ticket', async () => {
    const t = await resolved('洗衣机安装延误');
    ids.satisfied = t.id;
    const r = await callback(t.id, 'satisfied', '顾客满意');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'closed');
    assert.equal(r.json.callback_due_at, null);
    const tl = await agent.get(`/api/v1/tickets/${t.id}/timeline`);
    const ev = tl.json.events.find((e) => e.kind === 'callback');
    assert.ok(ev, 'callback event on the timeline');
    const again = await callback(t.id, 'satisfied');
    assert.equal(again.status, 409);
    assert.equal(errorCode(again), 'callback_not_due');
  });

  it('a dissatisfied callback reopens the ticket', async () => {
    const t = await resolved('羽绒服跑绒');
    ids.reopened = t.id;
    const r = await callback(t.id, 'not_satisfied', '顾客说问题没解决');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'in_progress');
    assert.equal(r.json.reopen_count, 1);
    assert.equal(r.json.resolved_at, null);
    assert.equal(r.json.callback_due_at, null);
    assert.equal(typeof r.json.resolution_due_at, 'number');
  });

  it('the callback list shows what is due; unreachable keeps it there', async () => {
    const t = await resolved('会员卡无法绑定');
    ids.open = t.id;
    let list = await due();
    assert.ok(list.includes(t.id));
    assert.ok(!list.includes(ids.satisfied) && !list.includes(ids.reopened));
    const r = await callback(t.id, 'unreachable', '无人接听');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'resolved');
    list = await due();
    assert.ok(list.includes(t.id));
    // due_before: nothing falls due within the first hour (the target is a day).
    const soon = await agent.get(`/api/v1/callbacks?due_before=${Date.now() + 3600000}`);
    assert.equal(soon.status, 200);
    assert.ok(!soon.json.items.some((x) => x.id === t.id));
    const other = await server.login('maxiaoyu');
    assert.ok(!(await due(other)).includes(t.id), 'other stores do not see it');
    const bad = await callback(t.id, 'happy');
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'invalid_enum');
  });

  const reportUrl = (extra = '') =>
    `/api/v1/reports/sla?from=${start - 1000}&to=${chinaDate(Date.now() + 86400000)}&group_by=store${extra}`;

  it('the compliance report counts what happened', async () => {
    const r = await supervisor.get(reportUrl());
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.group_by, 'store');
    const rows = Object.fromEntries(r.json.rows.filter((x) => x.key === storeName).map((x) => [x.metric, x]));
    // Three tickets, each answered (by resolving) and resolved within its targets; one
    // reopened (a second resolution cycle, running); callbacks: two done in time, one due.
    assert.equal(rows.first_response.total, 3);
    assert.equal(rows.first_response.met, 3);
    assert.equal(rows.first_response.missed, 0);
    assert.equal(rows.first_response.rate, 1);
    assert.equal(typeof rows.first_response.avg_elapsed_ms, 'number');
    assert.equal(rows.resolution.total, 4);
    assert.equal(rows.resolution.met, 3);
    assert.equal(rows.resolution.open, 1);
    assert.equal(rows.resolution.missed, 0);
    assert.equal(rows.callback.total, 3);
    assert.equal(rows.callback.met, 2);
    assert.equal(rows.callback.open, 1);
    assert.equal(rows.callback.rate, 1);
    assert.equal(r.json.rows.length, 3, 'only SH01 had tickets under a policy');
  });

  it('the CSV download has the BOM, the Chinese header and one line per row', async () => {
    const json = (await supervisor.get(reportUrl())).json;
    const r = await supervisor.get(reportUrl('&format=csv'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      r.headers.get('content-disposition'),
      /^attachment; filename="sla-compliance-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/,
    );
    assert.deepEqual([...r.buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = r.buf.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], '分组,指标,总数,达标,超时,进行中,达标率,平均用时(分钟)');
    assert.equal(lines.length, json.rows.length + 1);
    assert.ok(lines[1].startsWith(`${storeName},`));

    const en = await supervisor.get(reportUrl(), { headers: { accept: 'text/csv', 'accept-language': 'en' } });
    assert.equal(en.status, 200);
    assert.ok(en.buf.subarray(3).toString('utf8').startsWith('Group,Metric,Total,Met,Missed,Open'));
  });

  it('agents may not see the report; bad periods are 400', async () => {
    let r = await agent.get(reportUrl());
    assert.equal(r.status, 403);
    assert.equal(errorCode(r), 'forbidden');
    r = await supervisor.get('/api/v1/reports/sla?from=2026-03-02&to=2026-03-01');
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'invalid_range');
    r = await supervisor.get('/api/v1/reports/sla?from=2025-01-01&to=2026-03-01');
    assert.equal(errorCode(r), 'invalid_range');
    r = await supervisor.get(reportUrl().replace('group_by=store', 'group_by=floor'));
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'invalid_enum');
  });
});

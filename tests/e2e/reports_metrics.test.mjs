// The dashboards' figures (GET /api/v1/reports/metrics and /heatmap): kept by the rollup
// keeper as tickets change, each row drilling down to exactly the tickets behind it
// (GET /api/v1/tickets with the row's filters and a metric), scoped to the caller's stores.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode, allTickets } from './lib/server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('reports: metrics, drill-down and heat map', () => {
  let server, admin, agent, supervisor, dir, SH01, other;
  let before0;

  const metrics = async (client, query) => {
    const r = await client.get(`/api/v1/reports/metrics?${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  // Waits until the keeper has counted `n` more contacts today in SH01.
  const settled = async (n) => {
    for (let i = 0; i < 100; i++) {
      const m = await metrics(supervisor, `store_id=${SH01}`);
      if (m.totals.contacts >= before0.totals.contacts + n) return m;
      await sleep(100);
    }
    assert.fail('the rollups did not catch up');
  };

  before(async () => {
    server = await KefuServer.start({ tickets: 120 });
    admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    other = dir.stores.find((s) => s.id !== SH01).id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    // The demo's tickets are counted first.
    for (let i = 0; i < 100; i++) {
      before0 = await metrics(supervisor, `store_id=${SH01}`);
      const all = await allTickets(supervisor, `store_id=${SH01}&${new URLSearchParams(before0.drill)}`);
      if (before0.totals.contacts === all.length) break;
      await sleep(100);
    }
  });
  after(async () => {
    await server?.dispose();
  });

  it('tickets created, answered, handed over, resolved and reopened show in the figures', async () => {
    const create = async (fields) => {
      const r = await agent.post('/api/v1/tickets', newTicket(SH01, fields));
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    const status = async (t, s) => {
      const r = await supervisor.post(`/api/v1/tickets/${t.id}/status`, { status: s });
      assert.equal(r.status, 200, r.text);
    };
    const a = await create({ type: 'complaint', category: '服务态度' });
    const b = await create({ type: 'inquiry' });
    const c = await create({ type: 'inquiry' });
    let r = await agent.post(`/api/v1/tickets/${a.id}/replies`, { body: '您好，马上为您处理' });
    assert.equal(r.status, 201, r.text);
    await status(a, 'resolved'); // first-contact resolution
    await status(b, 'resolved');
    await status(b, 'in_progress'); // reopened
    r = await supervisor.post(`/api/v1/tickets/${c.id}/handover`, {
      to_staff_id: supervisor.me.id,
      reason: '交接',
    });
    assert.equal(r.status, 200, r.text);
    await status(c, 'resolved'); // resolved after a hand-over: not FCR
    await settled(3);
    let m;
    for (let i = 0; i < 100; i++) {
      m = await metrics(supervisor, `store_id=${SH01}`);
      if (m.totals.resolved === before0.totals.resolved + 2 && m.totals.reopened === before0.totals.reopened + 1) break;
      await sleep(100);
    }
    assert.equal(m.totals.contacts, before0.totals.contacts + 3);
    assert.equal(m.totals.resolved, before0.totals.resolved + 2);
    assert.equal(m.totals.fcr, before0.totals.fcr + 1);
    assert.equal(m.totals.reopened, before0.totals.reopened + 1);
    assert.ok(m.totals.frt_avg_ms === null || m.totals.frt_avg_ms >= 0);
    assert.equal(m.rows.length, 1);
    assert.equal(m.previous.to < m.from, true);
    const byType = await metrics(supervisor, `store_id=${SH01}&by=type`);
    const complaint = byType.rows.find((row) => row.key === 'complaint');
    assert.equal(complaint.label, '投诉');
    const causes = await metrics(supervisor, `store_id=${SH01}&by=complaint_cause`);
    assert.ok(causes.rows.some((row) => row.key === '服务态度' && row.contacts >= 1));
  });

  it('every row drills down to exactly the tickets of its figures', async () => {
    let checked = 0;
    for (const by of ['total', 'day', 'staff', 'type', 'channel', 'priority', 'category', 'complaint_cause']) {
      const m = await metrics(supervisor, `store_id=${SH01}&by=${by}`);
      for (const row of m.rows) {
        if (!row.drill || row.contacts === 0) continue;
        for (const [metric, figure] of [['', 'contacts'], ['resolved', 'resolved'], ['fcr', 'fcr'], ['reopened', 'reopened'], ['sla_missed', 'sla_missed']]) {
          const q = new URLSearchParams(row.drill);
          if (metric) q.set('metric', metric);
          const list = await allTickets(supervisor, q.toString());
          assert.equal(list.length, row[figure], `by ${by} ${row.key} ${figure}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 20, `checked ${checked}`);
  });

  it('the heat map counts the same contacts by weekday and hour', async () => {
    const m = await metrics(supervisor, `store_id=${SH01}&from=${before0.from}&to=${before0.to}`);
    const r = await supervisor.get(`/api/v1/reports/heatmap?store_id=${SH01}&from=${before0.from}&to=${before0.to}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.cells.length, 168);
    assert.equal(r.json.cells.reduce((s, c) => s + c.contacts, 0), m.totals.contacts);
  });

  it('periods, grouping and who may ask', async () => {
    const m = await metrics(admin, 'from=2026-01-01&to=2026-01-31&by=week');
    assert.equal(m.previous.from, '2025-12-01');
    assert.equal(m.previous.to, '2025-12-31');
    assert.equal(m.rows[0].key, '2026-W01');
    assert.equal(m.totals.sla_rate === null || typeof m.totals.sla_rate === 'number', true);
    let r = await supervisor.get('/api/v1/reports/metrics?by=colour');
    assert.equal(r.status, 400);
    r = await supervisor.get('/api/v1/reports/metrics?from=2026-02-30');
    assert.equal(errorCode(r), 'invalid_date');
    r = await supervisor.get('/api/v1/reports/metrics?from=2025-01-01&to=2026-06-01');
    assert.equal(errorCode(r), 'invalid_range');
    r = await agent.get('/api/v1/reports/metrics');
    assert.equal(r.status, 403);
    r = await supervisor.get(`/api/v1/reports/metrics?store_id=${other}`);
    assert.equal(r.status, 404);
    r = await supervisor.get('/api/v1/tickets?metric=bogus');
    assert.equal(r.status, 400);
  });
});

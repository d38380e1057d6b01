// Staff KPIs end to end, as a store manager would check them: a fresh store with two agents
// and a supervisor; the agents answer and resolve tickets, a customer rates one, a complaint
// names one agent and is upheld; the sheet ranks them with the bonus explained, the CSV
// opens in Excel, the agent sees only their own row and records, and the case library keeps
// no customer.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, addStaff, E2E_PASSWORD } from './lib/server.mjs';

describe('staff KPIs, complaints against staff and the case library', () => {
  let server, admin, store, sup, a1, a2, ids;
  const tag = Math.random().toString(36).slice(2, 7);
  const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);

  before(async () => {
    server = await KefuServer.start({ tickets: 0, members: 0 });
    admin = await server.login('admin');
    let r = await admin.post('/api/v1/stores', { code: `K${tag}`.toUpperCase().slice(0, 16), name: `绩效测试店${tag}` });
    assert.equal(r.status, 201, r.text);
    store = r.json.id;
    r = await admin.post('/api/v1/departments', { store_id: store, code: 'desk', name: '总服务台', kind: 'desk' });
    assert.equal(r.status, 201, r.text);
    await addStaff(admin, store, r.json.id, [[`sup_${tag}`, 'supervisor'], [`a1_${tag}`, 'agent'], [`a2_${tag}`, 'agent']]);
    ids = (await directory(admin)).staffByName;
    sup = await server.login(`sup_${tag}`, E2E_PASSWORD);
    a1 = await server.login(`a1_${tag}`, E2E_PASSWORD);
    a2 = await server.login(`a2_${tag}`, E2E_PASSWORD);
  });
  after(async () => server?.dispose());

  const handled = async (agent, fields, { resolve = true } = {}) => {
    const t = (await agent.post('/api/v1/tickets', newTicket(store, fields))).json;
    assert.ok(t.id, 'ticket created');
    await agent.post(`/api/v1/tickets/${t.id}/replies`, { body: '您好，马上为您处理' });
    if (resolve) assert.equal((await agent.post(`/api/v1/tickets/${t.id}/status`, { status: 'resolved', note: '已处理' })).status, 200);
    return t;
  };

  it('ranks the month, explains the bonus, counts only upheld complaints, exports CSV', async () => {
    const rated = await handled(a1, { subject: '会员积分查询' });
    await handled(a1, { subject: '停车缴费' });
    await handled(a2, { subject: '发票开具' }, { resolve: false });
    const link = (await a1.post(`/api/v1/tickets/${rated.id}/csat-link`, {})).json.token;
    assert.equal((await server.client().post(`/api/v1/public/csat/${link}`, { rating: 5, comment: '很好' })).status, 201);
    // A complaint naming a2, upheld; one naming a1, not upheld.
    const c1 = (await sup.post('/api/v1/tickets', newTicket(store, { type: 'complaint', subject: '态度问题' }))).json;
    const up = (await sup.post(`/api/v1/tickets/${c1.id}/staff-records`, { about_staff_id: ids[`a2_${tag}`].id, summary: '语气生硬' })).json;
    const no = (await sup.post(`/api/v1/tickets/${c1.id}/staff-records`, { about_staff_id: ids[`a1_${tag}`].id })).json;
    assert.equal((await sup.post(`/api/v1/performance/staff-records/${up.id}/review`, { outcome: 'upheld', responsibility: 'personal', action: 'coaching' })).status, 200);
    assert.equal((await sup.post(`/api/v1/performance/staff-records/${no.id}/review`, { outcome: 'not_upheld' })).status, 200);
    // The agent cannot review, nor read the sheet.
    assert.equal((await a1.post(`/api/v1/performance/staff-records/${up.id}/review`, { outcome: 'not_upheld' })).status, 403);
    assert.equal((await a1.get(`/api/v1/performance/kpi?store_id=${store}&month=${month}`)).status, 403);

    const sheet = (await sup.get(`/api/v1/performance/kpi?store_id=${store}&month=${month}`)).json;
    const row = (u) => sheet.rows.find((x) => x.staff_id === ids[u].id);
    const r1 = row(`a1_${tag}`), r2 = row(`a2_${tag}`);
    assert.equal(r1.counts.tickets, 2);
    assert.equal(r1.figures.csat, 5);
    assert.equal(r1.counts.upheld, 0);
    assert.equal(r2.counts.upheld, 1);
    assert.equal(r2.bonus.deduction_fen, 10000);
    assert.ok(r1.rank < r2.rank, `ranks ${r1.rank} ${r2.rank}`);
    assert.equal(r1.rank, 1);
    assert.match(r2.bonus.why.map((w) => w.zh).join('；'), /属实投诉 1 次/);
    assert.equal(sheet.departments[0].name, '总服务台');
    assert.equal(sheet.rules_source, 'default');

    const csv = await sup.get(`/api/v1/performance/kpi?store_id=${store}&month=${month}&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0].split(',')[0], '排名');
    assert.ok(lines.some((l) => l.startsWith(`1,a1_${tag},总服务台,2,2,0,`)), lines.join('\n'));

    // The agent's own view: their row, and the records about them only.
    const mine = (await a2.get(`/api/v1/performance/my-kpi?store_id=${store}&month=${month}`)).json;
    assert.deepEqual(mine.rows.map((x) => x.staff_id), [ids[`a2_${tag}`].id]);
    assert.equal(mine.ranked, 3);
    const recs = (await a2.get(`/api/v1/tickets/${c1.id}/staff-records`)).json.items;
    assert.deepEqual(recs.map((x) => x.id), [up.id]);
    assert.equal((await a2.get(`/api/v1/performance/staff-records/${no.id}`)).status, 403);
  });

  it('new weights change the ranking; a pool is shared to the fen', async () => {
    const r = await sup.request('PUT', '/api/v1/performance/rules', { body: {
      store_id: store, kpi: [{ measure: 'complaints', weight: 100, target: 0 }],
      bonus: { mode: 'pool', pool_fen: 100001, bands: [{ min_score: 0, percent: 100 }], cap_fen: 0, per_praise_fen: 0, per_complaint_fen: 0 },
    } });
    assert.equal(r.status, 200, r.text);
    const sheet = (await sup.get(`/api/v1/performance/kpi?store_id=${store}&month=${month}`)).json;
    assert.equal(sheet.rules_source, 'store');
    const total = sheet.rows.reduce((s, x) => s + x.bonus.amount_fen, 0);
    assert.equal(total, sheet.bonus_total_fen);
    const scored = sheet.rows.filter((x) => x.score.score !== null);
    assert.equal(scored.reduce((s, x) => s + x.bonus.base_fen, 0), 100001);
    assert.equal(sheet.rows.at(-1).staff_id, sheet.rows.find((x) => x.counts.upheld === 1).staff_id);
  });

  it('the case library keeps the lesson and drops the customer', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const m = (await admin.post('/api/v1/members', { name: '林晓梅', phone, home_store_id: store })).json;
    const t = (await a1.post('/api/v1/tickets', newTicket(store, { type: 'complaint', subject: '林晓梅女士投诉退款慢', description: `电话 ${phone}`, member_id: m.id }))).json;
    await a1.post(`/api/v1/tickets/${t.id}/replies`, { body: '林女士您好，退款已加急' });
    const c = await sup.post('/api/v1/performance/cases', { ticket_id: t.id, kind: 'lesson', title: '退款进度要主动告知', lesson: '承诺时限并主动回电', tags: ['退款'] });
    assert.equal(c.status, 201, c.text);
    assert.ok(!c.json.story.includes('林晓梅') && !c.json.story.includes(phone), c.json.story);
    const found = (await a2.get(`/api/v1/performance/cases?q=${encodeURIComponent('主动回电')}`)).json.items;
    assert.deepEqual(found.map((x) => x.id), [c.json.id]);
    assert.equal((await a2.post('/api/v1/performance/cases', { ticket_id: t.id, kind: 'lesson', title: 'x', lesson: 'y' })).status, 403);
  });
});

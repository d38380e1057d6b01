// Improvement actions (整改措施) and their verification (效果验证) over HTTP — the issue's
// main flow: feedback entered at a place with a QR code (at the desk) → its topic confirmed →
// grouped with a complaint ticket into an action with a department, an owner and a deadline
// in business time → progress with a photo → done → verification over windows before and
// after done_at → effective → closed, and the customer told on the ticket's public
// timeline. Then: an action whose topic came back is not effective and reopens; a manager
// waives verification with a reason (audited); an overdue action escalates to its owner.
//
// Time: the server runs with KEFU_TEST_CLOCK at 10,000× (its maximum: one server day = 8.6 real seconds)
// and a verification window of one day, so the after window runs its length within the
// test. The items before done_at carry said_at in the past; those after are entered after
// done_at (said_at = now). Contacts here are the items themselves (no ticket or chat) plus
// whatever tickets the demo store has in the window.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, Client, addStaff, directory, errorCode, newTicket } from './lib/server.mjs';

const RATE = 10_000;
const DAY = 86_400_000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('improvement actions and their verification', () => {
  let server, dir, STORE, parkingDept, headId, managerId, agent, supervisor, manager, head, otherSupervisor, place;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5, env: { KEFU_TEST_CLOCK: `${Date.now()}:${RATE}`, KEFU_SLA_TICK_MS: '200' } });
    // A store of its own (the demo's stores have feedback of their own), open round the clock
    // (no hours: business time is wall time), with its parking department and its people.
    // Sessions last 12 server hours (4 real seconds here): everyone works with an API token.
    const admin = await server.login('admin');
    const tag = String(Date.now() % 1e6);
    let r = await admin.post('/api/v1/stores', { code: `AC${tag}`, name: `整改测试店${tag}` });
    assert.equal(r.status, 201, r.text);
    STORE = r.json.id;
    r = await admin.post('/api/v1/departments', { store_id: STORE, code: 'parking', name: '停车场', kind: 'parking' });
    assert.equal(r.status, 201, r.text);
    parkingDept = r.json.id;
    const names = { agent: `ac_agent_${tag}`, supervisor: `ac_sup_${tag}`, manager: `ac_mgr_${tag}`, dept_head: `ac_head_${tag}` };
    await addStaff(admin, STORE, parkingDept, Object.entries(names).map(([role, name]) => [name, role]));
    dir = await directory(admin);
    const as = async (username) => {
      const t = await admin.post('/api/v1/api-tokens', {
        name: `e2e ${username}`, staff_id: dir.staffByName[username].id, scopes: ['feedback:write', 'tickets:write'],
      });
      assert.equal(t.status, 201, t.text);
      return new Client(server.base, t.json.token);
    };
    [agent, supervisor, manager, head, otherSupervisor] = await Promise.all(
      [names.agent, names.supervisor, names.manager, names.dept_head, 'gaoyan'].map(as),
    );
    headId = dir.staffByName[names.dept_head].id;
    managerId = dir.staffByName[names.manager].id;
    place = (await supervisor.post('/api/v1/feedback/places', { store_id: STORE, name: 'B2 停车场', touchpoint: 'parking' })).json;
  });
  after(async () => {
    await server?.dispose();
  });

  // The server's clock now: the received_at of a throw-away item.
  const serverNow = async () => {
    const r = await agent.post('/api/v1/feedback/items', { store_id: STORE, text: '时间探针', touchpoint: 'other' });
    assert.equal(r.status, 201, r.text);
    return r.json.received_at;
  };
  // `n` items at the place, `onTopic` of them confirmed as `topic` (the rest as price), said
  // at `at(i)` (undefined: now). Returns the ids of the on-topic ones.
  const enter = async (n, onTopic, topic, at = () => undefined) => {
    const ids = [];
    for (let i = 0; i < n; i++) {
      const said_at = at(i);
      const r = await agent.post('/api/v1/feedback/items', {
        place_id: place.id, text: i < onTopic ? `停车场太暗了 ${i}` : `价格有点贵 ${i}`, ...(said_at ? { said_at } : {}),
      });
      assert.equal(r.status, 201, r.text);
      const l = await agent.post(`/api/v1/feedback/items/${r.json.id}/labels`, {
        topic: i < onTopic ? topic : 'price', sentiment: 'negative',
      });
      assert.equal(l.status, 200, l.text);
      if (i < onTopic) ids.push(r.json.id);
    }
    return ids;
  };
  const action = async (id, client = supervisor) => {
    const r = await client.get(`/api/v1/feedback/actions/${id}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const waitFor = async (what, fn, ms = 20_000) => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(150);
    }
  };

  it('the main flow: items → action → progress → done → verified effective by the job → closed, customers told', async () => {
    const parking = { id: parkingDept };
    const owner = { id: headId };
    const t0 = await serverNow();
    // The half day before (entering takes server hours; the before window is the day before
    // done_at): 30 parking complaints among 100 pieces of feedback.
    const complaints = await enter(100, 30, 'parking', (i) => t0 - DAY / 2 + Math.floor((i * (DAY / 2 - 3_600_000)) / 100));
    // A complaint ticket about the same thing.
    let r = await agent.post('/api/v1/tickets', newTicket(STORE, { type: 'complaint', subject: 'B2 停车场太暗，差点剐蹭' }));
    assert.equal(r.status, 201, r.text);
    const ticket = r.json;
    // The complaint reached the inbox as an item too (source ticket); the desk confirms it is
    // about parking, so it counts in the before window whatever the classifier says and when.
    r = await supervisor.get(`/api/v1/feedback/items?store_id=${STORE}&source=ticket`);
    const fromTicket = r.json.items.find((x) => x.ticket_id === ticket.id);
    assert.ok(fromTicket, 'the complaint ticket flowed into the inbox');
    r = await agent.post(`/api/v1/feedback/items/${fromTicket.id}/labels`, { topic: 'parking', sentiment: 'negative' });
    assert.equal(r.status, 200, r.text);

    r = await agent.post('/api/v1/feedback/actions', { store_id: STORE, title: 'x', item_ids: complaints });
    assert.equal(r.status, 403, 'agents do not create actions');
    r = await supervisor.post('/api/v1/feedback/actions', {
      store_id: STORE, title: 'B2 停车场照明整改', plan: '更换 40 盏灯，加装指示牌', item_ids: complaints, ticket_ids: [ticket.id],
      department_id: parking.id, owner_id: owner.id, due_amount: 2, due_unit: 'business_days', window_days: 1,
    });
    assert.equal(r.status, 201, r.text);
    const created = r.json;
    assert.equal(created.topic, 'parking', 'the items’ topic');
    assert.equal(created.state, 'open');
    assert.ok(created.due_at > t0, 'a deadline in business time');
    assert.equal((await otherSupervisor.get(`/api/v1/feedback/actions/${created.id}`)).status, 404, 'another store’s action');

    // Progress: the department head uploads a photo and writes a note with it.
    r = await head.request('POST', `/api/v1/feedback/actions/${created.id}/photos?filename=b2.png`, {
      body: PNG, headers: { 'content-type': 'image/png' },
    });
    assert.equal(r.status, 201, r.text);
    const photo = r.json;
    r = await head.post(`/api/v1/feedback/actions/${created.id}/updates`, { note: '灯具已到货，今晚安装', photo_ids: [photo.id] });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.photos[0].id, photo.id);
    r = await agent.post(`/api/v1/feedback/actions/${created.id}/updates`, { note: '我也来' });
    assert.equal(r.status, 403, 'an agent who is not the owner');
    r = await supervisor.get(`/api/v1/feedback/actions/${created.id}/photos/${photo.id}`);
    assert.equal(r.status, 200);

    r = await head.post(`/api/v1/feedback/actions/${created.id}/done`, { note: '40 盏灯已更换' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'done');
    const doneAt = r.json.done_at;
    r = await supervisor.post(`/api/v1/feedback/actions/${created.id}/done`, {});
    assert.equal(errorCode(r), 'invalid_transition');

    // The day after: 2 parking complaints among 100.
    await enter(100, 2, 'parking');
    // The job verifies once the after window (one day) has passed.
    const verified = await waitFor('the verification job', async () => {
      const a = await action(created.id);
      return a.state !== 'done' ? a : null;
    });
    assert.equal(verified.state, 'verified', JSON.stringify(verified.verdict));
    const v = verified.verdict;
    assert.equal(v.verdict, 'effective');
    assert.equal(v.after_complete, true);
    assert.equal(v.before.to, doneAt);
    assert.equal(v.before.items, 31, `the 30 complaints and the ticket's item: ${JSON.stringify(v)}`);
    assert.equal(v.after.items, 2, JSON.stringify(v));
    assert.ok(v.recurrence.rate_ratio < 0.3 && v.recurrence.p_value < 0.05, JSON.stringify(v.recurrence));
    assert.match(v.reason_zh, /./);
    assert.equal(verified.items.length, 30);
    assert.deepEqual(verified.tickets.map((t) => t.id), [ticket.id]);
    assert.ok(verified.told_at, 'the customers were told');
    const kinds = verified.updates.map((u) => u.kind);
    for (const k of ['create', 'note', 'done', 'verify', 'tell']) assert.ok(kinds.includes(k), `${k} in ${kinds}`);

    // The ticket's public timeline says what changed.
    const timeline = (await supervisor.get(`/api/v1/tickets/${ticket.id}/timeline`)).json;
    const events = timeline.items ?? timeline.events ?? timeline;
    const told = events.find((e) => e.kind === 'improvement_done');
    assert.ok(told && told.customer_visible, JSON.stringify(events).slice(0, 500));
    assert.match(told.body, /^我们已根据您的反馈完成整改：B2 停车场照明整改/);

    // The board shows it verified with its effect size.
    const board = (await agent.get(`/api/v1/feedback/actions/board?store_id=${STORE}`)).json;
    assert.ok(board.cells.some((c) => c.column === 'verified' && c.department_id === parking.id && c.count >= 1));
    const effect = board.effects.find((e) => e.action_id === created.id);
    assert.ok(effect && effect.rate_ratio < 0.3, JSON.stringify(board.effects));
    const listed = (await agent.get(`/api/v1/feedback/actions?store_id=${STORE}&state=verified`)).json.items;
    assert.ok(listed.some((a) => a.id === created.id));
  });

  it('a topic that came back is not effective and reopens the action', async () => {
    const t0 = await serverNow();
    const before = await enter(60, 12, 'queueing', (i) => t0 - DAY / 2 + Math.floor((i * (DAY / 2 - 3_600_000)) / 60));
    let r = await supervisor.post('/api/v1/feedback/actions', {
      store_id: STORE, title: '收银高峰加开通道', item_ids: before, due_amount: 8, due_unit: 'business_hours', window_days: 1,
    });
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    r = await supervisor.post(`/api/v1/feedback/actions/${id}/done`, {});
    assert.equal(r.status, 200, r.text);
    await enter(60, 30, 'queueing'); // more complaints than before
    r = await supervisor.post(`/api/v1/feedback/actions/${id}/verify`, {});
    let a = r.status === 409 ? await action(id) : r.json; // the job may have verified it first
    if (a.state === 'done') a = await waitFor('a verdict', async () => ((await action(id)).state !== 'done' ? action(id) : null));
    assert.equal(a.state, 'open', JSON.stringify(a.verdict));
    assert.equal(a.verdict.verdict, 'not_effective');
    assert.ok(a.verdict.recurrence.rate_ratio > 1, JSON.stringify(a.verdict.recurrence));
    assert.equal(a.done_at, null);
  });

  it('a manager waives verification with a reason; a supervisor cannot, nor before it is done', async () => {
    let r = await supervisor.post('/api/v1/feedback/actions', { store_id: STORE, title: '服务台增加雨伞架', topic: 'facilities', window_days: 30 });
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    assert.equal((await supervisor.post(`/api/v1/feedback/actions/${id}/waive`, { reason: '不需要' })).status, 403);
    assert.equal(errorCode(await manager.post(`/api/v1/feedback/actions/${id}/waive`, { reason: '不需要' })), 'invalid_transition');
    assert.equal((await supervisor.post(`/api/v1/feedback/actions/${id}/done`, {})).status, 200);
    assert.equal(errorCode(await manager.post(`/api/v1/feedback/actions/${id}/waive`, { reason: '' })), 'required');
    r = await manager.post(`/api/v1/feedback/actions/${id}/waive`, { reason: '一次性设施，无可比数据' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'waived');
    assert.equal(r.json.waiver_reason, '一次性设施，无可比数据');
    assert.equal(r.json.waived_by, managerId);
  });

  it('an overdue action escalates to its owner and department head once, then to the store manager', async () => {
    const parking = { id: parkingDept };
    const r = await supervisor.post('/api/v1/feedback/actions', {
      store_id: STORE, title: '出口道闸维修', topic: 'parking', department_id: parking.id, owner_id: headId,
      due_amount: 1, due_unit: 'business_hours',
    });
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    const a = await waitFor('escalation to the manager', async () => {
      const x = await action(id);
      return x.escalation_level === 2 ? x : null;
    }, 30_000);
    assert.ok(a.overdue);
    assert.deepEqual(a.updates.filter((u) => u.kind === 'escalate').length, 2, 'each level once');
    const notes = (await head.get('/api/v1/notifications')).json.items.filter((n) => n.kind === 'action_overdue' && n.data?.action_id === id);
    assert.equal(notes.length, 1, 'the owner is told once');
    const mine = (await manager.get('/api/v1/notifications')).json.items.filter((n) => n.kind === 'action_overdue' && n.data?.action_id === id);
    assert.equal(mine.length, 1);
    const overdue = (await agent.get(`/api/v1/feedback/actions?store_id=${STORE}&overdue=true`)).json.items;
    assert.ok(overdue.some((x) => x.id === id));
  });
});

// Hot issues (热点问题), the customer journey map (顾客旅程地图) and the weekly digest over
// HTTP, in a store of its own (the demo's stores have feedback of their own): a month of
// feedback entered at the desk with said_at in the past and labelled by staff; a planted jump in one topic today is on the board and the flat topics are not; the
// journey's figures are the ones counted by hand below; after a restart the store's manager
// gets the hot issue and Monday's digest by email on a real SMTP conversation, once.
//
// Time: KEFU_TEST_CLOCK at rate 2 with its anchor set back by D runs the server's clock D
// ahead of the real one (now = anchor + (real − anchor)·2), so the server's "now" is the
// coming Monday 09:00 in Shanghai whatever day the test runs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, addStaff, E2E_PASSWORD } from './lib/server.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR; // UTC+8, no DST
const MANAGER_EMAIL = 'e2e-hot-manager@kefu.test';

// The next Monday 09:00 in Shanghai after `t` (ms).
function nextMonday9(t) {
  const localDay = Math.floor((t + SHANGHAI) / DAY); // days since 1970-01-01 (a Thursday)
  const weekday = (localDay + 3) % 7; // 0 = Monday
  let day = localDay - weekday;
  while (day * DAY - SHANGHAI + 9 * HOUR <= t + 60_000) day += 7;
  return day * DAY - SHANGHAI + 9 * HOUR;
}

const realStart = Date.now();
const SHIFT = nextMonday9(realStart) - realStart;
const ANCHOR = realStart - SHIFT;
const serverNow = () => ANCHOR + (Date.now() - ANCHOR) * 2;

describe('hot issues, journey map and weekly digest', () => {
  let server, sink, admin, agent, supervisor, STORE, t0;
  // The watch is off while the month is entered (it would send the digest half-way through),
  // on from the restart.
  const env = (watch) => ({
    KEFU_FEEDBACK_WATCH: watch ? 'true' : 'false',
    KEFU_TEST_CLOCK: `${ANCHOR}:2`,
    KEFU_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    KEFU_SMTP_FROM: 'kefu@kefu.test',
  });

  // One item entered at the desk and labelled by the agent.
  async function item(text, saidAt, touchpoint, topic, sentiment) {
    const r = await agent.post('/api/v1/feedback/items', { store_id: STORE, text, said_at: saidAt, touchpoint });
    assert.equal(r.status, 201, r.text);
    const l = await agent.post(`/api/v1/feedback/items/${r.json.id}/labels`, { topic, sentiment });
    assert.equal(l.status, 200, l.text);
  }

  before(async () => {
    sink = await startSmtpSink();
    server = await KefuServer.start({ tickets: 0, members: 5, env: env(false) });
    admin = await server.login('admin');
    const store = await admin.post('/api/v1/stores', { code: 'HOT01', name: '热点测试店' });
    assert.equal(store.status, 201, store.text);
    STORE = store.json.id;
    const desk = await admin.post('/api/v1/departments', { store_id: STORE, code: 'desk', name: '总服务台', kind: 'desk' });
    assert.equal(desk.status, 201, desk.text);
    await addStaff(admin, STORE, desk.json.id, [
      ['e2ehotagent', 'agent'],
      ['e2ehotsup', 'supervisor'],
      ['e2ehotmgr', 'manager', MANAGER_EMAIL],
    ]);
    agent = await server.login('e2ehotagent', E2E_PASSWORD);
    supervisor = await server.login('e2ehotsup', E2E_PASSWORD);
    // 30 days before now (each day at about 09:00): queueing 3 a day at the cashier
    // (negative this week, one in three the week before), parking 1 a day, cleanliness 1 a
    // day (positive); then 12 parking items this morning between 01:00 and 03:00.
    t0 = serverNow();
    for (let d = 1; d <= 30; d++) {
      const at = t0 - d * DAY;
      for (let i = 0; i < 3; i++) {
        await item(`收银台只开了两个，排队等了很久（${d}-${i}）`, at + i * 60_000, 'cashier', 'queueing',
          d <= 7 || i === 0 ? 'negative' : 'positive');
      }
      await item(`停车场出口缴费有点慢（${d}）`, at + 5 * 60_000, 'parking', 'parking', 'negative');
      await item(`卫生间很干净，点赞（${d}）`, at + 6 * 60_000, 'floor', 'cleanliness', 'positive');
    }
    for (let i = 0; i < 12; i++) {
      await item(`B2 出口道闸坏了，车排到坡道上出不去（${i}）`, t0 - 8 * HOUR + i * 10 * 60_000, 'parking', 'parking', 'negative');
    }
  });
  after(async () => {
    await server?.dispose();
    await sink?.close();
  });

  it('the board flags the planted jump in parking today and not the flat topics', async () => {
    const r = await supervisor.get(`/api/v1/feedback/hot?store_id=${STORE}`);
    assert.equal(r.status, 200, r.text);
    const board = r.json;
    const today = new Date(t0 + SHANGHAI).toISOString().slice(0, 10);
    assert.equal(board.day, today, 'today on the store’s wall clock (a Monday)');
    assert.ok(board.tested >= 3, `tested ${board.tested}`);
    assert.equal(board.issues.length, 1, JSON.stringify(board.issues.map((x) => [x.topic, x.observed, x.expected])));
    const h = board.issues[0];
    assert.equal(h.topic, 'parking');
    assert.equal(h.topic_name, '停车');
    assert.equal(h.observed, 12);
    assert.ok(h.expected > 0.5 && h.expected < 2, `expected ${h.expected}`);
    assert.ok(h.q_value <= 0.05);
    assert.equal(h.history.counts.length, 29);
    assert.equal(h.history.counts.at(-1), 12);
    assert.equal(h.history.counts[0], 1);
    assert.equal(h.item_ids.length, 12);
    assert.equal(h.examples.length, 3);
    assert.match(h.examples[0].text, /道闸坏了.*（11）/, 'newest first');
    // The inbox filtered to the card's store, topic and day holds exactly its items.
    const inbox = (await supervisor.get(`/api/v1/feedback/items?store_id=${STORE}&topic=parking&from=${h.from}&to=${h.to}&limit=200`)).json;
    assert.deepEqual(inbox.items.map((x) => x.id).sort(), [...h.item_ids].sort());
    // Yesterday was an ordinary day; agents do not see the board; another store's supervisor cannot ask.
    const yesterday = new Date(t0 + SHANGHAI - DAY).toISOString().slice(0, 10);
    assert.equal((await supervisor.get(`/api/v1/feedback/hot?store_id=${STORE}&day=${yesterday}`)).json.issues.length, 0);
    assert.equal((await agent.get('/api/v1/feedback/hot')).status, 403);
    const gaoyan = await server.login('gaoyan');
    assert.equal((await gaoyan.get(`/api/v1/feedback/hot?store_id=${STORE}`)).status, 404);
    assert.ok((await gaoyan.get('/api/v1/feedback/hot')).json.issues.every((x) => x.store_id !== STORE));
  });

  it('the journey map: per touchpoint, against the week before, as counted by hand', async () => {
    const from = t0 - 7 * DAY;
    const r = await supervisor.get(`/api/v1/feedback/journey?store_id=${STORE}&from=${from}&to=${t0}`);
    assert.equal(r.status, 200, r.text);
    const j = r.json;
    assert.equal(j.previous_from, t0 - 14 * DAY);
    assert.deepEqual(j.stages.map((s) => s.touchpoint),
      ['parking', 'entrance', 'floor', 'cashier', 'service_desk', 'after_sales', 'online', 'other']);
    const stage = (t) => j.stages.find((s) => s.touchpoint === t);
    // Cashier: 21 items this week, all negative; 21 the week before, 7 negative.
    // Pooled 28/42, se = √(⅔·⅓·2/21) = 0.1455, z = (1 − ⅓)/0.1455 = 4.58: worse.
    const cashier = stage('cashier');
    assert.deepEqual(cashier.current, { volume: 21, negative: 21, positive: 0, negative_share: 1 });
    assert.equal(cashier.previous.volume, 21);
    assert.equal(cashier.previous.negative, 7);
    assert.equal(cashier.trend, 'worse');
    assert.ok(Math.abs(cashier.z - 4.58) < 0.01, `z ${cashier.z}`);
    assert.deepEqual(cashier.top_topics, [{ topic: 'queueing', topic_name: '排队等候', count: 21, negative: 21 }]);
    // Parking: 7 + 12 this week, 7 the week before, all negative: the share did not move.
    const parking = stage('parking');
    assert.equal(parking.current.volume, 19);
    assert.equal(parking.previous.volume, 7);
    assert.equal(parking.trend, 'unknown', 'fewer than 10 items the week before');
    // Floors: 7 positive; too few to compare.
    assert.equal(stage('floor').current.negative_share, 0);
    assert.equal(stage('floor').trend, 'unknown');
    assert.equal(stage('online').current.volume, 0);
    assert.equal(stage('online').current.negative_share, null);
  });

  it('after a restart the manager gets the hot issue and Monday’s digest by email, once', async () => {
    server.env = env(true);
    await server.restart();
    const digest = await sink.waitFor((m) => m.to.includes(MANAGER_EMAIL) && m.subject.includes('反馈周报'), 20_000);
    assert.match(digest.body, /1\. 排队等候：21 条（负面 21）/, digest.body);
    assert.match(digest.body, /排队等了很久/, 'with the customers’ words');
    const hot = await sink.waitFor((m) => m.to.includes(MANAGER_EMAIL) && m.subject.includes('热点问题'), 20_000);
    assert.match(hot.subject, /停车/);
    assert.match(hot.body, /道闸坏了/);
    supervisor = await server.login('e2ehotsup', E2E_PASSWORD);
    const board = (await supervisor.get(`/api/v1/feedback/hot?store_id=${STORE}`)).json;
    assert.equal(board.issues[0].notified, true);
    const mine = (await supervisor.get('/api/v1/notifications')).json;
    assert.ok(mine.items.some((n) => n.kind === 'feedback_hot'), 'the supervisor is told in the app too');
    // Another restart: the watch runs again and sends nothing more.
    const before = sink.messages.length;
    await server.restart();
    await sleep(4000);
    const more = sink.messages.slice(before).filter((m) => /反馈周报|热点问题/.test(m.subject));
    assert.equal(more.length, 0, more.map((m) => m.subject).join(', '));
  });
});

// Several kefu nodes on one PostgreSQL database, as a chain runs them: two `kefu serve`
// processes on the same schema. A ticket, a reply and a notification written through
// node A reach a live stream on node B within a second (LISTEN/NOTIFY wakes B); the SLA
// scheduler runs on one node (advisory lock) and each escalation fires once; when the
// leading node is killed, the other takes the role over and fires the next one.
//
// Needs KEFU_TEST_PG (scripts/test.sh starts a server); skipped without it.
// Time: KEFU_TEST_CLOCK at 60×, one anchor for every node of the file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, PG_BASE, directory, newTicket, addStaff, E2E_PASSWORD } from './lib/server.mjs';
import { addShortSuggestionPolicy } from './lib/sla_policy.mjs';
import { openStream } from './lib/sse.mjs';

const RATE = 60;
const LEADS = 'now leads `sla-scheduler`';

describe('two nodes on one PostgreSQL', { skip: !PG_BASE && 'KEFU_TEST_PG is not set' }, () => {
  let a, b, adminA, agentA, supB, SH01;

  before(async () => {
    const env = { KEFU_TEST_CLOCK: `${Date.now()}:${RATE}`, KEFU_SLA_TICK_MS: '100' };
    a = await KefuServer.start({ backend: 'postgresql', tickets: 0, members: 5, env });
    b = await a.join();
    adminA = await a.login('admin');
    const dir = await directory(adminA);
    SH01 = dir.storeByCode.SH01.id;
    const desk = dir.dept('SH01', 'desk').id;
    await addStaff(adminA, SH01, desk, [
      ['mnagent', 'agent'],
      ['mnsup', 'supervisor'],
    ]);
    agentA = await a.login('mnagent', E2E_PASSWORD);
    supB = await b.login('mnsup', E2E_PASSWORD);
    await addShortSuggestionPolicy(adminA, '多节点 建议 极短时限');
  });
  after(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  const escalationsOf = async (client, ticketId) =>
    (await client.get('/api/v1/notifications?limit=200')).json.items.filter(
      (n) => n.ticket_id === ticketId && n.kind === 'escalation',
    );

  it('a ticket, a reply and a notification written on node A reach a stream on node B within a second', async () => {
    const stream = await openStream(b.base, supB.token);
    assert.equal(stream.status, 200);
    await stream.waitFor((e) => e.event === 'ready', 5000, 'ready event');

    let t0 = Date.now();
    const created = await agentA.post('/api/v1/tickets', newTicket(SH01, { subject: '多节点：顾客询问停车' }));
    assert.equal(created.status, 201, created.text);
    const t = created.json;
    const ev = await stream.waitFor((e) => e.event === 'ticket' && e.data.ticket_id === t.id, 1000, 'ticket event');
    const createdLatency = Date.now() - t0;
    assert.equal(ev.data.number, t.number);
    assert.equal(ev.data.store_id, SH01);
    assert.equal(ev.data.kind, 'created');
    assert.equal(ev.data.body, undefined, 'the stream names the ticket, never its text');

    t0 = Date.now();
    const reply = await agentA.post(`/api/v1/tickets/${t.id}/replies`, { body: '您好，B1 层有 300 个车位。' });
    assert.equal(reply.status, 201, reply.text);
    await stream.waitFor((e) => e.event === 'ticket' && e.data.ticket_id === t.id && e.data.kind === 'reply', 1000, 'reply');
    const replyLatency = Date.now() - t0;

    // A compensation above the agent's limit asks the store's supervisors to approve.
    t0 = Date.now();
    const r = await agentA.post(`/api/v1/tickets/${t.id}/resolutions`, {
      kind: 'compensation',
      compensation: 'coupon',
      amount_cents: 50000,
      description: '停车费补偿',
    });
    assert.equal(r.status, 202, r.text);
    const n = await stream.waitFor(
      (e) => e.event === 'notification' && e.data.ticket_id === t.id && e.data.kind === 'approval_request',
      1000,
      'approval notification',
    );
    const notifyLatency = Date.now() - t0;
    assert.ok(Number(n.id) > 0, 'notifications carry their id for Last-Event-ID');
    console.log(`cross-node latency: created ${createdLatency} ms, reply ${replyLatency} ms, notification ${notifyLatency} ms`);
    stream.close();
  });

  it('Idempotency-Keys sent to both nodes at once create one ticket each, every answer the same', async () => {
    const agentB = b.client(agentA.token); // the same session works on either node
    // 30 keys, each submitted 4 times (twice per node) at the same moment: the writers of
    // the two nodes race on the key's unique row, and the loser must answer as a replay.
    const keys = Array.from({ length: 30 }, () => randomUUID());
    const bodies = keys.map((k) => newTicket(SH01, { subject: `两节点并发提交 ${k}` }));
    const answers = await Promise.all(
      keys.flatMap((key, i) =>
        [agentA, agentB, agentA, agentB].map((c) =>
          c.post('/api/v1/tickets', bodies[i], { headers: { 'idempotency-key': key } }).then((r) => ({ i, r })),
        ),
      ),
    );
    for (const { i, r } of answers) {
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.id, answers.find((a) => a.i === i).r.json.id, 'the same ticket for every retry');
    }
    assert.equal(answers.filter(({ r }) => r.headers.get('idempotent-replayed') === 'true').length, 90);
    const stored = (await adminA.get('/api/v1/tickets?limit=200')).json.items.filter((t) =>
      t.subject.startsWith('两节点并发提交'),
    );
    assert.equal(stored.length, 30, 'one ticket per key');
  });

  it('one node leads the scheduler and each escalation step fires once', async () => {
    const leaders = [a, b].filter((n) => n.log.includes(LEADS));
    assert.equal(leaders.length, 1, `exactly one leader: A=${a.log.includes(LEADS)} B=${b.log.includes(LEADS)}`);
    const t = (await agentA.post('/api/v1/tickets', newTicket(SH01, { type: 'suggestion', subject: '建议延长营业时间' })))
      .json;
    assert.ok(t.first_response_due_at, 'the short policy applies');
    const deadline = Date.now() + 15000;
    let sup = [];
    while (Date.now() < deadline && sup.length === 0) {
      await sleep(200);
      sup = await escalationsOf(supB, t.id);
    }
    assert.equal(sup.length, 1, 'the breach reached the supervisor');
    await sleep(1500); // more ticks on the leader; the follower never ticks
    assert.equal((await escalationsOf(supB, t.id)).length, 1, 'once, not once per node');
    assert.equal((await escalationsOf(agentA, t.id)).length, 1, 'the 50 % step reached the owner once');
  });

  it('when the leader is killed, the other node takes over and fires the next escalation once', async () => {
    const leader = a.log.includes(LEADS) ? a : b;
    const survivor = leader === a ? b : a;
    await leader.kill9();
    const admin = await survivor.login('admin');
    const agent = await survivor.login('mnagent', E2E_PASSWORD);
    const t = (await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'suggestion', subject: '建议增加休息座椅' })))
      .json;
    assert.ok(t.id, 'the survivor still takes tickets');
    const sup = await survivor.login('mnsup', E2E_PASSWORD);
    const deadline = Date.now() + 20000;
    let fired = [];
    while (Date.now() < deadline && fired.length === 0) {
      await sleep(250);
      fired = await escalationsOf(sup, t.id);
    }
    assert.ok(survivor.log.includes(LEADS), `the survivor took the lead:\n${survivor.log.slice(-2000)}`);
    assert.equal(fired.length, 1, 'the breach fired after the takeover');
    await sleep(1500);
    assert.equal((await escalationsOf(sup, t.id)).length, 1, 'and only once');
    assert.equal((await admin.get('/healthz')).status, 200);
  });
});

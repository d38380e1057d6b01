// SLA escalation end to end: a policy with tiny targets, the in-server scheduler, the
// notification centre's SSE stream, email through a real SMTP conversation with a sink
// on loopback, and a restart between a deadline and the check.
//
// Time: the server runs with KEFU_TEST_CLOCK at 60× (one SLA minute = one real second),
// anchored once for the whole file so that a restarted process agrees on the time.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, directory, newTicket, errorCode, addStaff, E2E_PASSWORD } from './lib/server.mjs';
import { addShortSuggestionPolicy } from './lib/sla_policy.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';
import { openStream } from './lib/sse.mjs';

const RATE = 60;
const SUP_EMAIL = 'e2e-sup@kefu.test';

describe('SLA escalation', () => {
  let server, sink, admin, agent, sup, SH01, policyId;

  before(async () => {
    sink = await startSmtpSink();
    server = await KefuServer.start({
      tickets: 0,
      members: 5,
      env: {
        KEFU_TEST_CLOCK: `${Date.now()}:${RATE}`,
        KEFU_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        KEFU_SMTP_FROM: 'kefu@kefu.test',
        KEFU_SLA_TICK_MS: '100',
      },
    });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    const desk = dir.dept('SH01', 'desk').id;
    await addStaff(admin, SH01, desk, [
      ['e2eagent', 'agent'],
      ['e2esup', 'supervisor', SUP_EMAIL],
    ]);
    agent = await server.login('e2eagent', E2E_PASSWORD);
    sup = await server.login('e2esup', E2E_PASSWORD);
    policyId = await addShortSuggestionPolicy(admin, 'e2e 建议 极短时限');
  });
  after(async () => {
    await server?.dispose();
    await sink?.close();
  });

  const suggestion = async (subject) => {
    const r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'suggestion', subject }));
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const mine = async (client, ticketId) =>
    (await client.get('/api/v1/notifications?limit=200')).json.items.filter((n) => n.ticket_id === ticketId);

  it('a bad policy is refused with the field named, and nothing is stored', async () => {
    const before = (await admin.get('/api/v1/sla/policies')).json.items.length;
    const bad = await admin.post('/api/v1/sla/policies', {
      name: '错误阶梯',
      position: 2,
      targets: { resolution: { minutes: 60 } },
      ladder: [
        { anchor: 'after_breach', value: 10, notify: 'manager' },
        { anchor: 'percent_of_target', value: 80, notify: 'owner' },
      ],
    });
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'ladder_out_of_order');
    assert.match(bad.json.error.field, /^ladder\[1\]/);
    const zero = await admin.post('/api/v1/sla/policies', { name: '零', position: 3, targets: { resolution: { minutes: 0 } } });
    assert.equal(errorCode(zero), 'invalid_target');
    const taken = await admin.post('/api/v1/sla/policies', { name: '重复', position: 1, targets: {} });
    assert.equal(errorCode(taken), 'duplicate_position');
    const byAgent = await agent.post('/api/v1/sla/policies', { name: 'x', position: 4, targets: {} });
    assert.equal(byAgent.status, 403);
    assert.equal((await admin.get('/api/v1/sla/policies')).json.items.length, before);
  });

  it('a ticket breaches: the SSE stream and the SMTP sink both get the notice, once', async () => {
    const stream = await openStream(server.base, sup.token);
    assert.equal(stream.status, 200);
    assert.match(stream.contentType, /^text\/event-stream/);
    await stream.waitFor((e) => e.event === 'ready', 5000, 'ready event');

    const t = await suggestion('建议增加母婴室');
    assert.equal(t.sla_policy_id, policyId);
    assert.equal(t.first_response_due_at, t.created_at + 2 * 60000);
    assert.equal(t.next_escalation_at, t.created_at + 60000);

    const ev = await stream.waitFor(
      (e) => e.event === 'notification' && e.data.ticket_id === t.id && e.data.data.breached,
      15000,
      'breach notification',
    );
    assert.equal(ev.data.kind, 'escalation');
    assert.equal(ev.data.data.metric, 'first_response');
    assert.equal(ev.id, String(ev.data.id));
    assert.match(ev.data.title, new RegExp(t.number));

    const mail = await sink.waitFor((m) => m.to.includes(SUP_EMAIL) && m.subject.includes(t.number), 15000);
    assert.match(mail.subject, /已超时/);
    assert.match(mail.body, /建议增加母婴室/);

    // The owner got the 50 % warning (in the app only: no address on file).
    const ownerNotes = await mine(agent, t.id);
    assert.equal(ownerNotes.length, 1);
    assert.equal(ownerNotes[0].data.breached, false);

    const sla = (await agent.get(`/api/v1/tickets/${t.id}/sla`)).json;
    const fr = sla.clocks.find((c) => c.metric === 'first_response');
    assert.equal(fr.breached, true);
    assert.deepEqual(
      sla.events.filter((e) => e.metric === 'first_response').map((e) => e.kind),
      ['activate', 'warning', 'breach'],
    );
    assert.equal(sla.escalations.length, 2);
    const timeline = (await agent.get(`/api/v1/tickets/${t.id}/timeline`)).json;
    assert.equal(timeline.events.filter((e) => e.kind === 'escalation').length, 2);

    await sleep(1500); // more ticks: nothing fires twice
    assert.equal((await mine(sup, t.id)).length, 1);
    assert.equal(stream.events.filter((e) => e.event === 'notification' && e.data.ticket_id === t.id).length, 1);
    assert.equal(sink.messages.filter((m) => m.subject.includes(t.number)).length, 1);
    stream.close();
  });

  it('answering in time stops the clock: no escalation', async () => {
    const t = await suggestion('建议延长停车免费时长');
    const r = await agent.post(`/api/v1/tickets/${t.id}/replies`, { body: '感谢建议，已转交物业部' });
    assert.equal(r.status, 201, r.text);
    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.first_response_due_at, null);
    assert.equal(now.next_escalation_at, null);
    await sleep(2500);
    assert.equal((await mine(sup, t.id)).length, 0);
    assert.equal((await mine(agent, t.id)).length, 0);
  });

  it('restarted between the deadline and the check: each step fires exactly once, late, and says so', async () => {
    const lastBefore = (await sup.get('/api/v1/notifications?limit=1')).json.items[0]?.id ?? 0;
    const t = await suggestion('建议卫生间增加挂钩');
    await server.stop(); // before the 50 % step (1 s away)
    await sleep(3000); // both steps fall due while nobody runs
    await server.restart();
    sup = await server.login('e2esup', E2E_PASSWORD); // a new process: a new port
    agent = await server.login('e2eagent', E2E_PASSWORD);
    const stream = await openStream(server.base, sup.token, { after: lastBefore }); // resumes like Last-Event-ID
    const ev = await stream.waitFor(
      (e) => e.event === 'notification' && e.data.ticket_id === t.id,
      15000,
      'late breach notification',
    );
    assert.equal(ev.data.data.breached, true);
    assert.ok(ev.data.data.late_ms >= 60000, `late by ${ev.data.data.late_ms} ms`);
    assert.match(ev.data.body, /延迟/);
    await sink.waitFor((m) => m.subject.includes(t.number), 15000);

    await sleep(1500);
    assert.equal((await mine(sup, t.id)).length, 1);
    assert.equal((await mine(agent, t.id)).length, 1);
    assert.equal(sink.messages.filter((m) => m.subject.includes(t.number)).length, 1);
    const sla = (await agent.get(`/api/v1/tickets/${t.id}/sla`)).json;
    assert.equal(sla.escalations.length, 2);
    stream.close();
  });

  it('notifications can be read one by one or all at once, only by their recipient', async () => {
    const list = (await sup.get('/api/v1/notifications')).json;
    assert.ok(list.unread >= 2);
    const first = list.items[0];
    assert.equal((await agent.post(`/api/v1/notifications/${first.id}/read`)).status, 404);
    assert.equal((await sup.post(`/api/v1/notifications/${first.id}/read`)).status, 200);
    assert.equal((await sup.get('/api/v1/notifications')).json.unread, list.unread - 1);
    const all = await sup.post('/api/v1/notifications/read-all');
    assert.equal(all.json.marked, list.unread - 1);
    assert.equal((await sup.get('/api/v1/notifications?unread=1')).json.items.length, 0);
    assert.equal((await server.client().get('/api/v1/notifications')).status, 401);
  });
});

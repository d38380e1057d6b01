// Automatic quality checks (自动质检) end to end: an agent writes a red-line phrase in a live
// chat over the WebSocket and the store's supervisor's notification stream has the alert
// within a second, with a link to the conversation at that message; the hit is listed once,
// linked to its message; a ticket reply is checked in its write; the rules a supervisor
// saves apply at once. Runs on SQLite and (KEFU_TEST_PG) PostgreSQL like every e2e file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket } from './lib/server.mjs';
import { chatLogin, startChat, staffSocket, customerSocket } from './lib/chat.mjs';
import { openStream } from './lib/sse.mjs';

describe('automatic quality checks', () => {
  let server, admin, dir, SH01, sup, agent;
  const sockets = [];

  before(async () => {
    server = await KefuServer.start({ tickets: 10, members: 5 });
    admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    const ofStore = (role) =>
      dir.staff.filter((s) => s.active && s.role === role && s.store_ids.length === 1 && s.store_ids[0] === SH01);
    sup = await chatLogin(server.base, ofStore('supervisor')[0].username);
    agent = await chatLogin(server.base, ofStore('agent')[0].username);
    // Nobody else takes the chat: the other agents of the store stay offline.
    for (const s of ofStore('agent').slice(1)) {
      const other = await chatLogin(server.base, s.username);
      await other.post('/api/v1/chat/presence', { presence: 'offline' });
    }
  });
  after(async () => {
    for (const s of sockets) await s.terminate().catch(() => {});
    await server?.dispose();
  });

  it('a red line in a live chat reaches the supervisor on duty within a second, linked to the message', async () => {
    // On duty at the chat desk (away: signed in, taking no chats), the agent online.
    assert.equal((await sup.post('/api/v1/chat/presence', { presence: 'away' })).status, 200);
    assert.equal((await agent.post('/api/v1/chat/presence', { presence: 'online' })).status, 200);
    const stream = await openStream(server.base, sup.token);
    assert.equal(stream.status, 200);
    const chat = await startChat(server.base, SH01, { name: '顾客' });
    const list = await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&limit=200`);
    const conv = list.json.items.filter((c) => c.created_at === chat.conversation.created_at).sort((a, b) => b.id - a.id)[0];
    assert.ok(conv, 'the started conversation');
    if (conv.agent_id !== agent.me.id) {
      const r = await sup.post(`/api/v1/chat/conversations/${conv.id}/assign`, { agent_id: agent.me.id });
      assert.equal(r.status, 200, r.text);
    }
    const customer = await customerSocket(server.base, chat.token);
    sockets.push(customer);
    const socket = await staffSocket(server.base, agent);
    sockets.push(socket);

    socket.send({ type: 'send', conversation_id: conv.id, client_msg_id: 'q-1', body: '您好，请问有什么可以帮您？' });
    await socket.next('ack');
    const sent = Date.now();
    socket.send({ type: 'send', conversation_id: conv.id, client_msg_id: 'q-2', body: '爱买不买，你烦不烦' });
    const ack = await socket.next('ack');
    const alert = await stream.waitFor(
      (e) => e.event === 'notification' && e.data?.kind === 'qa_red_line',
      5000,
      'the red-line notice',
    );
    const elapsed = Date.now() - sent;
    console.log(`red-line alert: ${elapsed} ms from the agent's send to the supervisor's stream`);
    assert.ok(elapsed < 1000, `within a second: ${elapsed} ms`);
    const data = typeof alert.data.data === 'string' ? JSON.parse(alert.data.data) : alert.data.data;
    assert.equal(data.conversation_id, conv.id);
    assert.equal(data.seq, ack.seq);
    assert.equal(data.link, `/chat?c=${conv.id}&seq=${ack.seq}`);
    stream.close();

    // The hit, once, linked to its message; the agent sees it too (their own).
    const hits = await sup.get(`/api/v1/quality/auto-hits?store_id=${SH01}&subject_kind=conversation&subject_id=${conv.id}`);
    assert.equal(hits.status, 200, hits.text);
    const red = hits.json.items.filter((h) => h.severity === 'red_line');
    assert.equal(red.length, 1);
    assert.equal(red[0].message_seq, ack.seq);
    assert.equal(red[0].staff_id, agent.me.id);
    assert.equal(red[0].excerpt, '爱买不买，你烦不烦');
    const mine = await agent.get(`/api/v1/quality/auto-hits?subject_id=${conv.id}`);
    assert.ok(mine.json.items.some((h) => h.id === red[0].id));
    // Sent again with the same client id: the same message, no second hit.
    socket.send({ type: 'send', conversation_id: conv.id, client_msg_id: 'q-2', body: '爱买不买，你烦不烦' });
    assert.equal((await socket.next('ack')).duplicate, true);
    const again = await sup.get(`/api/v1/quality/auto-hits?store_id=${SH01}&subject_id=${conv.id}&severity=red_line`);
    assert.equal(again.json.items.length, 1);
  });

  it('a rule the supervisor saves for the store applies to the next ticket reply at once', async () => {
    const saved = await sup.post('/api/v1/quality/auto-rules', {
      code: 'no_slang', store_id: SH01, kind: 'forbidden_phrase', name: '网络用语', phrases: ['yyds'], severity: 'normal',
    });
    assert.equal(saved.status, 201, saved.text);
    const t = await sup.post('/api/v1/tickets', newTicket(SH01, { subject: '停车咨询' }));
    assert.equal(t.status, 201, t.text);
    const reply = await sup.post(`/api/v1/tickets/${t.json.id}/replies`, { body: '您好，我们的停车服务 YYDS' });
    assert.equal(reply.status, 201, reply.text);
    const hits = await sup.get(`/api/v1/quality/auto-hits?subject_kind=ticket&subject_id=${t.json.id}`);
    assert.deepEqual(hits.json.items.map((h) => [h.rule_code, h.ticket_event_id, h.link]), [
      ['no_slang', reply.json.id, `/tickets/${t.json.id}?event=${reply.json.id}`],
    ]);
  });
});

// Live chat on two kefu nodes on one PostgreSQL database, as a chain runs them behind a
// load balancer: a customer's socket on one node and the agent's on the other hear each
// other (each node's hub follows the chat feed, woken by NOTIFY), and twenty chats started
// on both nodes at once are each given out once, to agents within their capacity.
//
// Needs KEFU_TEST_PG (scripts/test.sh starts a server); skipped without it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, PG_BASE, directory, addStaff, E2E_PASSWORD } from './lib/server.mjs';
import { chatLogin, startChat, customerSocket, staffSocket, eventOf } from './lib/chat.mjs';

// Generous: delivery across nodes must happen, how fast is not what this file measures.
const DELIVERY_MS = 8000;

describe('live chat on two nodes of one PostgreSQL', { skip: !PG_BASE && 'KEFU_TEST_PG is not set' }, () => {
  let a, b, adminA, SH01;
  const sockets = [];
  const track = (s) => (sockets.push(s), s);

  before(async () => {
    a = await KefuServer.start({ backend: 'postgresql', tickets: 0, members: 5 });
    b = await a.join();
    adminA = await a.login('admin');
    const dir = await directory(adminA);
    SH01 = dir.storeByCode.SH01.id;
    await addStaff(adminA, SH01, dir.dept('SH01', 'desk').id, [
      ['mcsup', 'supervisor'],
      ['mcagent0', 'agent'],
      ['mcagent1', 'agent'],
      ['mcagent2', 'agent'],
      ['mcagent3', 'agent'],
      ['mcsolo', 'agent'],
    ]);
  });
  after(async () => {
    for (const s of sockets) await s.terminate().catch(() => {});
    await b?.dispose();
    await a?.dispose();
  });

  const presence = async (client, p) => {
    const r = await client.post('/api/v1/chat/presence', { presence: p });
    assert.equal(r.status, 200, r.text);
  };

  it('a customer on node A and the agent on node B hear each other', async () => {
    const agent = await chatLogin(b.base, 'mcsolo', E2E_PASSWORD);
    await presence(agent, 'online');
    const agentSocket = track(await staffSocket(b.base, agent));
    const chat = await startChat(a.base, SH01, { name: '跨节点顾客' });
    assert.equal(chat.conversation.status, 'assigned');
    const customer = track(await customerSocket(a.base, chat.token));

    // The agent's socket on B hears of its new conversation and follows it.
    const conv = await agentSocket.next(
      'conversation',
      (f) => f.conversation.agent_id === agent.me.id && f.conversation.status === 'assigned',
      DELIVERY_MS,
    );
    const id = conv.conversation.id;

    customer.send({ type: 'send', client_msg_id: 'c-1', body: '你好，儿童乐园在几楼？' });
    const ack = await customer.next('ack', undefined, DELIVERY_MS);
    const heard = await agentSocket.next('message', (m) => m.seq === ack.seq, DELIVERY_MS);
    assert.equal(heard.body, '你好，儿童乐园在几楼？');
    assert.equal(heard.conversation_id, id);

    agentSocket.send({ type: 'send', conversation_id: id, client_msg_id: 'a-1', body: '在五楼，电梯直达。' });
    const ack2 = await agentSocket.next('ack', undefined, DELIVERY_MS);
    assert.equal(ack2.seq, ack.seq + 1);
    const answer = await customer.next('message', (m) => m.seq === ack2.seq, DELIVERY_MS);
    assert.equal(answer.sender, 'agent');
    assert.equal(answer.body, '在五楼，电梯直达。');

    // The same over REST on the other node each way.
    const viaB = await agent.post(`/api/v1/chat/conversations/${id}/messages`, { client_msg_id: 'a-2', body: '还有别的问题吗？' });
    assert.equal(viaB.status, 201, viaB.text);
    await customer.next('message', (m) => m.seq === viaB.json.message.seq, DELIVERY_MS);
    await presence(agent, 'offline');
    const end = await agent.post(`/api/v1/chat/conversations/${id}/end`);
    assert.equal(end.status, 200, end.text);
    assert.equal((await customer.next('conversation', (f) => f.conversation.status === 'ended', DELIVERY_MS)).conversation.end_reason, 'agent');
  });

  it('twenty chats started on both nodes at once: all assigned, once each, no agent above capacity', async () => {
    const sup = await chatLogin(a.base, 'mcsup', E2E_PASSWORD);
    const agents = [];
    for (let i = 0; i < 4; i++) {
      const node = i % 2 === 0 ? a : b;
      const agent = await chatLogin(node.base, `mcagent${i}`, E2E_PASSWORD);
      const r = await sup.request('PUT', `/api/v1/staff/${agent.me.id}/chat`, { body: { capacity: 5, queues: [] } });
      assert.equal(r.status, 200, r.text);
      agents.push(agent);
    }
    await Promise.all(agents.map((agent) => presence(agent, 'online')));
    const ids = new Set(agents.map((x) => x.me.id));

    const started = await Promise.all(
      Array.from({ length: 20 }, (_, i) => startChat(i % 2 === 0 ? a.base : b.base, SH01, { name: `顾客${i}` })),
    );
    assert.equal(new Set(started.map((s) => s.token)).size, 20);

    const deadline = Date.now() + DELIVERY_MS;
    let open;
    for (;;) {
      open = (await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&status=open&limit=200`)).json.items;
      if (open.length === 20 && open.every((c) => c.status === 'assigned')) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(open.length, 20, 'twenty open conversations');
    assert.deepEqual(
      open.filter((c) => c.status !== 'assigned').map((c) => c.id),
      [],
      'every conversation assigned',
    );
    const load = {};
    for (const c of open) {
      assert.ok(ids.has(c.agent_id), `assigned to one of the four: ${c.agent_id}`);
      load[c.agent_id] = (load[c.agent_id] || 0) + 1;
    }
    for (const [agent, n] of Object.entries(load)) assert.ok(n <= 5, `agent ${agent} has ${n} > 5 chats`);
    for (const agent of agents) assert.ok((await agent.get('/api/v1/chat/me')).json.active <= 5);

    for (const c of open) {
      const history = (await sup.get(`/api/v1/chat/conversations/${c.id}`)).json.messages;
      const assigned = history.filter((m) => eventOf(m)?.event === 'assigned');
      assert.equal(assigned.length, 1, `conversation ${c.id} assigned once: ${JSON.stringify(assigned)}`);
      assert.equal(eventOf(assigned[0]).agent_id, c.agent_id);
    }
  });
});

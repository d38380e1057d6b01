// Live chat end to end over real WebSockets (docs/chat.md), one server for the file: the
// queue a customer waits in, assignment within each agent's capacity, messages both ways
// (acknowledged once committed, numbered one by one, sent again = the same message),
// whispers only staff see, a transfer that brings the whole history, resuming after a
// dropped connection, the message left when nobody is online, a ticket from a chat, the
// rating, and the socket's security.
//
// The demo staff of SH01 serve every test; each test starts with all of them offline,
// default capacities and no open conversation in the store.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, directory, allTickets, errorCode } from './lib/server.mjs';
import {
  chatLogin,
  startChat,
  customerSocket,
  staffSocket,
  staffHandshake,
  eventOf,
  eventually,
} from './lib/chat.mjs';

describe('live chat over WebSockets', () => {
  let server, admin, dir, SH01, CD01;
  let sup; // the SH01 supervisor
  let agents; // the SH01 agents, logged in
  let foreign; // an agent of CD01
  const sockets = [];

  const put = (client, p, body) => client.request('PUT', p, { body });
  const track = (s) => (sockets.push(s), s);

  const online = async (client, presence = 'online') => {
    const r = await client.post('/api/v1/chat/presence', { presence });
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const capacity = async (client, n) => {
    const r = await put(sup, `/api/v1/staff/${client.me.id}/chat`, { capacity: n, queues: [] });
    assert.equal(r.status, 200, r.text);
  };
  const conversation = async (id) => {
    const r = await sup.get(`/api/v1/chat/conversations/${id}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const customerView = async (token, after = 0) => {
    const r = await fetch(`${server.base}/api/v1/public/chats/${token}?after=${after}`);
    assert.equal(r.status, 200);
    return r.json();
  };
  const customerPost = async (token, what, body) => {
    const r = await fetch(`${server.base}/api/v1/public/chats/${token}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const text = await r.text();
    return { status: r.status, text, json: text ? JSON.parse(text) : undefined };
  };
  // The staff id a chat started over REST has: the newest conversation of the store.
  const idOf = async (started) => {
    const list = await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&limit=200`);
    const match = list.json.items.filter((c) => c.created_at === started.conversation.created_at);
    assert.ok(match.length >= 1, 'the started conversation is in the store list');
    return match.sort((a, b) => b.id - a.id)[0].id;
  };
  // An agent starts chatting: capacity n, online, the conversation it gets.
  const start = async () => {
    const c = await startChat(server.base, SH01, { name: '顾客' });
    return { ...c, id: await idOf(c) };
  };

  before(async () => {
    server = await KefuServer.start({ tickets: 20, members: 10 });
    admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    const ofStore = (store, role) =>
      dir.staff.filter((s) => s.active && s.role === role && s.store_ids.length === 1 && s.store_ids[0] === store);
    const supName = ofStore(SH01, 'supervisor')[0].username;
    sup = await chatLogin(server.base, supName);
    agents = [];
    for (const s of ofStore(SH01, 'agent')) agents.push(await chatLogin(server.base, s.username));
    assert.ok(agents.length >= 3, 'SH01 has three agents');
    foreign = await chatLogin(server.base, ofStore(CD01, 'agent')[0].username);
  });
  after(async () => {
    for (const s of sockets) await s.terminate().catch(() => {});
    await server?.dispose();
  });

  beforeEach(async () => {
    for (const s of sockets.splice(0)) await s.terminate().catch(() => {});
    for (const a of [sup, ...agents]) {
      await online(a, 'offline');
      await put(sup, `/api/v1/staff/${a.me.id}/chat`, { capacity: null, queues: [] });
    }
    const open = await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&status=open&limit=200`);
    for (const c of open.json.items) {
      const r = await sup.post(`/api/v1/chat/conversations/${c.id}/end`);
      assert.equal(r.status, 200, r.text);
    }
  });

  it('queue: nobody online → positions 1, 2 and no estimate; an agent comes online → the first is served, the second moves up', async () => {
    const [a] = agents;
    await capacity(a, 1);
    const first = await startChat(server.base, SH01, { name: '第一位' });
    const second = await startChat(server.base, SH01, { name: '第二位' });
    assert.deepEqual(first.queue, { position: 1, wait_ms: null, staffed: false });
    assert.deepEqual(second.queue, { position: 2, wait_ms: null, staffed: false });

    const s1 = track(await customerSocket(server.base, first.token));
    const s2 = track(await customerSocket(server.base, second.token));
    assert.deepEqual(await s1.next('queue'), { type: 'queue', position: 1, wait_ms: null, staffed: false });
    assert.deepEqual(await s2.next('queue'), { type: 'queue', position: 2, wait_ms: null, staffed: false });

    await online(a);
    const assigned = await s1.next('message', (m) => eventOf(m)?.event === 'assigned');
    assert.equal(assigned.sender, 'system');
    assert.deepEqual(eventOf(assigned), { event: 'assigned' }, 'the customer is not told which agent');
    assert.equal((await s1.next('queue', (q) => q.position === 0)).staffed, true);
    const moved = await s2.next('queue', (q) => q.position === 1);
    assert.equal(moved.staffed, true);
    assert.ok(Number.isInteger(moved.wait_ms) && moved.wait_ms > 0, `an estimate: ${JSON.stringify(moved)}`);
    assert.equal((await customerView(second.token)).conversation.status, 'queued');
    assert.equal((await customerView(first.token)).conversation.status, 'assigned');
  });

  it('capacity: A takes 1, B takes 2, two of five wait; ending one gives its seat to the next in line', async () => {
    const [a, b] = agents;
    await capacity(a, 1);
    await capacity(b, 2);
    await online(a);
    await online(b);
    const chats = [];
    for (let i = 0; i < 5; i++) chats.push(await start());

    const byAgent = async () => {
      const open = (await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&status=open&limit=200`)).json.items;
      const count = (id) => open.filter((c) => c.status === 'assigned' && c.agent_id === id).length;
      return { a: count(a.me.id), b: count(b.me.id), waiting: open.filter((c) => c.status === 'queued').map((c) => c.id) };
    };
    let now = await byAgent();
    assert.equal(now.a, 1);
    assert.equal(now.b, 2);
    assert.deepEqual(now.waiting.sort(), chats.slice(3).map((c) => c.id).sort(), 'the last two wait');
    assert.equal((await a.get('/api/v1/chat/me')).json.active, 1);
    assert.equal((await b.get('/api/v1/chat/me')).json.active, 2);

    const mine = (await a.get('/api/v1/chat/conversations?mine=1&status=assigned')).json.items;
    assert.equal(mine.length, 1);
    const ended = await a.post(`/api/v1/chat/conversations/${mine[0].id}/end`);
    assert.equal(ended.status, 200, ended.text);
    assert.equal(ended.json.conversation.status, 'ended');

    now = await byAgent();
    assert.equal(now.a, 1, 'A has a customer again');
    assert.equal(now.b, 2);
    assert.deepEqual(now.waiting, [chats[4].id], 'the fourth was next in line');
    assert.equal((await conversation(chats[3].id)).conversation.agent_id, a.me.id);
  });

  it('messages: both ways, acknowledged once committed, numbered one by one; a retry is the same message; whispers stay with staff', async () => {
    const [a] = agents;
    await online(a);
    const chat = await start();
    assert.equal((await conversation(chat.id)).conversation.agent_id, a.me.id);
    const agentSocket = track(await staffSocket(server.base, a));
    const supSocket = track(await staffSocket(server.base, sup));
    const customer = track(await customerSocket(server.base, chat.token));
    supSocket.send({ type: 'watch', conversation_id: chat.id, after: 0 });
    const last = (await conversation(chat.id)).conversation.last_seq;

    customer.send({ type: 'send', client_msg_id: 'c-1', body: '你好，请问停车怎么收费？' });
    const ack1 = await customer.next('ack');
    assert.deepEqual(ack1, { type: 'ack', client_msg_id: 'c-1', seq: last + 1, duplicate: false });
    const committed = await customerView(chat.token, last);
    assert.deepEqual(
      committed.messages.map((m) => [m.seq, m.body]),
      [[last + 1, '你好，请问停车怎么收费？']],
      'acknowledged = stored',
    );
    const atAgent = await agentSocket.next('message', (m) => m.seq === ack1.seq);
    assert.equal(atAgent.sender, 'customer');
    assert.equal(atAgent.body, '你好，请问停车怎么收费？');
    assert.equal(atAgent.conversation_id, chat.id);

    agentSocket.send({ type: 'send', conversation_id: chat.id, client_msg_id: 'a-1', body: '您好，消费满 200 元免费停车 2 小时。' });
    const ack2 = await agentSocket.next('ack');
    assert.equal(ack2.seq, ack1.seq + 1);
    assert.equal(ack2.duplicate, false);
    const atCustomer = await customer.next('message', (m) => m.seq === ack2.seq);
    assert.equal(atCustomer.sender, 'agent');
    assert.equal(atCustomer.body, '您好，消费满 200 元免费停车 2 小时。');
    assert.equal(atCustomer.staff_id, undefined, 'the customer never learns who the agent is');

    customer.send({ type: 'send', client_msg_id: 'c-1', body: '你好，请问停车怎么收费？' });
    assert.deepEqual(await customer.next('ack'), { type: 'ack', client_msg_id: 'c-1', seq: ack1.seq, duplicate: true });

    agentSocket.send({ type: 'send', conversation_id: chat.id, client_msg_id: 'w-1', body: '这位顾客上周投诉过', whisper: true });
    const ack3 = await agentSocket.next('ack');
    assert.equal(ack3.seq, ack2.seq + 1);
    const whisperAtSup = await supSocket.next('message', (m) => m.seq === ack3.seq);
    assert.equal(whisperAtSup.kind, 'whisper');
    assert.equal(whisperAtSup.body, '这位顾客上周投诉过');
    assert.equal(whisperAtSup.staff_id, a.me.id);
    assert.equal((await agentSocket.next('message', (m) => m.seq === ack3.seq)).kind, 'whisper');

    agentSocket.send({ type: 'send', conversation_id: chat.id, client_msg_id: 'a-2', body: '请问还有其他问题吗？' });
    const ack4 = await agentSocket.next('ack');
    assert.equal(ack4.seq, ack3.seq + 1);
    await customer.next('message', (m) => m.seq === ack4.seq);
    const customerSaw = customer.inbox.seen.filter((f) => f.type === 'message');
    assert.ok(!customerSaw.some((m) => m.seq === ack3.seq || m.kind === 'whisper'), 'no whisper on the customer socket');
    assert.ok(!JSON.stringify(customer.inbox.seen).includes('上周投诉'), 'the whisper text never reaches the customer');
    const rest = await customerView(chat.token);
    assert.ok(!rest.messages.some((m) => m.kind === 'whisper' || m.body.includes('上周投诉')), 'nor the REST view');
    assert.ok(!rest.messages.some((m) => 'staff_id' in m), 'no staff id in the customer view');
    for (const m of rest.messages) {
      const e = eventOf(m);
      if (e) assert.ok(!('agent_id' in e) && !('from' in e), `no staff id in an event: ${m.body}`);
    }
  });

  it('transfer: A hands over to B with a note; B gets the whole history, the note as a whisper', async () => {
    const [a, b] = agents;
    await online(a);
    const chat = await start();
    assert.equal((await conversation(chat.id)).conversation.agent_id, a.me.id);
    const bSocket = track(await staffSocket(server.base, b));
    const r1 = await customerPost(chat.token, 'messages', { client_msg_id: 'c-1', body: '我想退一件外套' });
    assert.equal(r1.status, 201, r1.text);
    const r2 = await a.post(`/api/v1/chat/conversations/${chat.id}/messages`, { client_msg_id: 'a-1', body: '好的，请提供小票' });
    assert.equal(r2.status, 201, r2.text);

    const moved = await a.post(`/api/v1/chat/conversations/${chat.id}/transfer`, {
      agent_id: b.me.id,
      note: '顾客要退外套，已要小票',
    });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.json.conversation.agent_id, b.me.id);
    const lastSeq = moved.json.conversation.last_seq;

    const got = [];
    while (got.length < lastSeq) got.push(await bSocket.next('message', (m) => m.conversation_id === chat.id));
    assert.deepEqual(
      got.map((m) => m.seq),
      Array.from({ length: lastSeq }, (_, i) => i + 1),
      'every message from seq 1, once each, in order',
    );
    assert.ok(got.some((m) => m.sender === 'customer' && m.body === '我想退一件外套'));
    assert.ok(got.some((m) => m.sender === 'agent' && m.body === '好的，请提供小票'));
    const note = got.find((m) => m.kind === 'whisper');
    assert.equal(note?.body, '顾客要退外套，已要小票');
    assert.equal(eventOf(got.at(-1))?.event, 'transferred');
    // A console B opens afterwards asks for it from the start: the same history.
    const later = track(await staffSocket(server.base, b));
    later.send({ type: 'watch', conversation_id: chat.id, after: 0 });
    const again = [];
    while (again.length < lastSeq) again.push(await later.next('message', (m) => m.conversation_id === chat.id));
    assert.deepEqual(again.map((m) => [m.seq, m.kind, m.body]), got.map((m) => [m.seq, m.kind, m.body]));
    await later.roundTrip();
    await sleep(200);
    assert.deepEqual(later.drain('message'), [], 'each once');
    // B now writes to the customer; A may only whisper.
    const byB = await b.post(`/api/v1/chat/conversations/${chat.id}/messages`, { client_msg_id: 'b-1', body: '您好，我来为您办理' });
    assert.equal(byB.status, 201, byB.text);
    const byA = await a.post(`/api/v1/chat/conversations/${chat.id}/messages`, { client_msg_id: 'a-2', body: '还在吗' });
    assert.equal(byA.status, 403, byA.text);
    assert.equal(errorCode(byA), 'not_your_conversation');
  });

  it('resume: after a dropped connection a customer gets exactly what was missed; so does a staff socket', async () => {
    const [a] = agents;
    await online(a);
    const chat = await start();
    let customer = await customerSocket(server.base, chat.token);
    await customer.next('queue', (q) => q.position === 0);
    const seen = (await customerView(chat.token)).conversation.last_seq;
    await customer.next('message', (m) => m.seq === seen);
    await customer.terminate();

    const sent = [];
    for (const body of ['小票在吗？', '我们可以为您查询', '请稍等']) {
      const r = await a.post(`/api/v1/chat/conversations/${chat.id}/messages`, { client_msg_id: `gone-${sent.length}`, body });
      assert.equal(r.status, 201, r.text);
      sent.push(r.json.message.seq);
    }
    customer = track(await customerSocket(server.base, chat.token, seen));
    const got = [];
    for (let i = 0; i < 3; i++) got.push(await customer.next('message'));
    assert.deepEqual(got.map((m) => m.seq), sent);
    assert.deepEqual(got.map((m) => m.body), ['小票在吗？', '我们可以为您查询', '请稍等']);
    await customer.roundTrip();
    await sleep(300);
    assert.deepEqual(customer.drain('message'), [], 'none twice, nothing older');

    // A supervisor looking in: watch after N, drop, three customer messages, watch after N again.
    let look = await staffSocket(server.base, sup);
    const n = (await conversation(chat.id)).conversation.last_seq;
    look.send({ type: 'watch', conversation_id: chat.id, after: n });
    await look.roundTrip();
    await look.terminate();
    const fromCustomer = [];
    for (const body of ['好的', '小票找到了', '单号 88231']) {
      const r = await customerPost(chat.token, 'messages', { client_msg_id: `c-${body}`, body });
      assert.equal(r.status, 201, r.text);
      fromCustomer.push(r.json.message.seq);
    }
    look = track(await staffSocket(server.base, sup));
    look.send({ type: 'watch', conversation_id: chat.id, after: n });
    const again = [];
    for (let i = 0; i < 3; i++) again.push(await look.next('message'));
    assert.deepEqual(again.map((m) => m.seq), fromCustomer);
    await look.roundTrip();
    await sleep(300);
    assert.deepEqual(look.drain('message'), [], 'none twice, nothing older');
  });

  it('offline message: nobody online → the customer leaves a message; an unowned live_chat ticket an agent can claim', async () => {
    const chat = await startChat(server.base, SH01, { name: '李先生' });
    assert.equal(chat.queue.staffed, false);
    assert.equal(chat.queue.wait_ms, null, 'no estimate: offer to leave a message');
    const left = await customerPost(chat.token, 'leave-message', { phone: '13800138000', name: '李先生', body: '请问周日几点开门？' });
    assert.equal(left.status, 201, left.text);
    assert.match(String(left.json.number), /\S/);
    const view = await customerView(chat.token);
    assert.equal(view.conversation.status, 'ended');
    assert.equal(view.conversation.end_reason, 'offline_message');
    assert.equal(view.conversation.has_ticket, true);

    const [a] = agents;
    const t = (await allTickets(a, 'channel=live_chat')).find((x) => x.number === left.json.number);
    assert.ok(t, 'the ticket is in the list');
    assert.equal(t.channel, 'live_chat');
    assert.equal(t.store_id, SH01);
    assert.equal(t.owner_id, null);
    const claim = await a.post(`/api/v1/tickets/${t.id}/claim`);
    assert.equal(claim.status, 200, claim.text);
    assert.equal((await a.get(`/api/v1/tickets/${t.id}`)).json.owner_id, a.me.id);
  });

  it('a ticket from a chat: owned by the agent who made it, the chat as its description', async () => {
    const [a] = agents;
    await online(a);
    const chat = await start();
    await customerPost(chat.token, 'messages', { client_msg_id: 'c-1', body: '我的羽绒服拉链坏了' });
    await a.post(`/api/v1/chat/conversations/${chat.id}/messages`, { client_msg_id: 'a-1', body: '请带上小票到三楼服务台' });
    const made = await a.post(`/api/v1/chat/conversations/${chat.id}/ticket`, { type: 'complaint' });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.json.conversation_id, chat.id);
    const t = (await a.get(`/api/v1/tickets/${made.json.ticket_id}`)).json;
    assert.equal(t.owner_id, a.me.id);
    assert.equal(t.channel, 'live_chat');
    assert.match(t.description, /我的羽绒服拉链坏了/);
    assert.match(t.description, /请带上小票到三楼服务台/);
    const again = await a.post(`/api/v1/chat/conversations/${chat.id}/ticket`, {});
    assert.equal(again.status, 409);
    assert.equal(errorCode(again), 'conversation_has_ticket');
    assert.equal((await customerView(chat.token)).conversation.has_ticket, true);
  });

  it('a socket greets a chat the moment it starts (twenty times, each on a fresh connection)', async () => {
    for (let i = 0; i < 20; i++) {
      const chat = await startChat(server.base, SH01);
      const s = await customerSocket(server.base, chat.token, 0, { hello: false });
      s.send({ type: 'hello', token: chat.token, after: 0 });
      const first = await s.next(null, (f) => f.type === 'conversation' || f.type === 'error');
      assert.equal(first.type, 'conversation', `chat ${i}: ${JSON.stringify(first)}`);
      await s.terminate();
      assert.equal((await customerPost(chat.token, 'end')).status, 200);
    }
  });

  it('rating: only after the end, and only once', async () => {
    const chat = await startChat(server.base, SH01);
    const early = await customerPost(chat.token, 'rating', { rating: 5 });
    assert.equal(early.status, 409, early.text);
    assert.equal(early.json.error.code, 'conversation_open');
    assert.equal((await customerPost(chat.token, 'end')).status, 200);
    const rated = await customerPost(chat.token, 'rating', { rating: 5, comment: '很耐心' });
    assert.equal(rated.status, 200, rated.text);
    assert.equal(rated.json.conversation.rating, 5);
    const twice = await customerPost(chat.token, 'rating', { rating: 1 });
    assert.equal(twice.status, 409, twice.text);
    assert.equal(twice.json.error.code, 'conversation_rated');
    assert.equal((await customerView(chat.token)).conversation.rating, 5);
  });

  describe('security', () => {
    it('a staff socket from another site is refused (403 cross_site_request)', async () => {
      const r = await staffHandshake(server.base, { cookie: agents[0].cookie, origin: 'https://evil.example' });
      assert.equal(r.socket, undefined, 'no socket');
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, 'cross_site_request');
    });

    it('a staff socket without credentials is refused (401)', async () => {
      const r = await staffHandshake(server.base, {});
      assert.equal(r.socket, undefined, 'no socket');
      assert.equal(r.status, 401);
      assert.equal(r.json.error.code, 'unauthenticated');
    });

    it('a staff socket opened with a Bearer token works as the console does', async () => {
      const s = track((await staffHandshake(server.base, { token: agents[0].token, origin: null })).socket);
      assert.ok(s, 'opened');
      await s.roundTrip();
    });

    it('a forged chat token gets invalid_chat_token', async () => {
      const s = track(await customerSocket(server.base, 'x', 0, { hello: false }));
      s.send({ type: 'hello', token: 'kfc_forgedforgedforgedforgedforgedforged0000', after: 0 });
      const e = await s.next('error');
      assert.equal(e.code, 'invalid_chat_token');
      s.send({ type: 'send', client_msg_id: 'x', body: 'hi' });
      assert.equal((await s.next('error')).code, 'invalid_chat_token', 'no hello, no messages');
    });

    it("another store's agent cannot watch a conversation and hears nothing of it", async () => {
      const [a] = agents;
      await online(a);
      const chat = await start();
      const outsider = track(await staffSocket(server.base, foreign));
      outsider.send({ type: 'watch', conversation_id: chat.id, after: 0 });
      const e = await outsider.next('error');
      assert.equal(e.code, 'not_found');
      outsider.send({ type: 'send', conversation_id: chat.id, client_msg_id: 'o-1', body: '插话' });
      assert.equal((await outsider.next('error')).code, 'not_found');
      const r = await customerPost(chat.token, 'messages', { client_msg_id: 'c-1', body: '有人吗' });
      assert.equal(r.status, 201);
      const insider = track(await staffSocket(server.base, sup));
      insider.send({ type: 'watch', conversation_id: chat.id, after: 0 });
      await insider.next('message', (m) => m.seq === r.json.message.seq); // delivered by now
      await outsider.roundTrip();
      await sleep(300);
      const leaked = outsider.inbox.seen.filter(
        (f) => f.conversation_id === chat.id || f.conversation?.id === chat.id || f.conversation?.store_id === SH01,
      );
      assert.deepEqual(leaked, []);
      const rest = await foreign.get(`/api/v1/chat/conversations/${chat.id}`);
      assert.equal(rest.status, 404);
    });

    it('a flood of 40 frames: some are refused with chat_flood, the socket stays usable', async () => {
      const chat = await startChat(server.base, SH01);
      const s = track(await customerSocket(server.base, chat.token));
      for (let i = 0; i < 40; i++) s.send({ type: 'send', client_msg_id: `f-${i}`, body: `第 ${i} 条` });
      await s.roundTrip(10000);
      await eventually(() => s.inbox.seen.filter((f) => f.type === 'ack' || f.type === 'error').length >= 40, 10000, '40 answers');
      const errors = s.inbox.seen.filter((f) => f.type === 'error');
      const acks = s.inbox.seen.filter((f) => f.type === 'ack');
      assert.ok(errors.length > 0, 'some are refused');
      assert.ok(errors.every((e) => e.code === 'chat_flood' && e.client_msg_id?.startsWith('f-')), JSON.stringify(errors[0]));
      assert.ok(acks.length >= 20, `the burst goes through: ${acks.length}`);
      assert.equal(acks.length + errors.length, 40);
      await sleep(1100);
      s.send({ type: 'send', client_msg_id: 'after', body: '刚才网络卡了' });
      const ack = await s.next('ack', (f) => f.client_msg_id === 'after');
      assert.equal(ack.duplicate, false);
      const stored = (await customerView(chat.token)).messages.filter((m) => m.sender === 'customer');
      assert.equal(stored.length, acks.length + 1, 'exactly the acknowledged messages are stored');
    });
  });
});

// The FAQ bot in a live chat over HTTP and a real WebSocket: a store names the queues the
// bot answers first; such a chat starts with the bot, each customer message gets the bot's
// turn in the same commit, and it reaches people when the customer asks (转人工 or the
// button) or the bot fails twice — with the whole transcript for the agent. What it knows
// is the demo knowledge base (src/demo/load_kb.cpp), as published.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory } from './lib/server.mjs';
import { startChat, customerSocket, eventOf, eventually } from './lib/chat.mjs';

describe('the FAQ bot in a chat', () => {
  let server, sup, SH01;
  const sockets = [];

  const customerPost = async (token, what, body) => {
    const r = await fetch(`${server.base}/api/v1/public/chats/${token}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : undefined, text };
  };
  const view = async (token) => (await fetch(`${server.base}/api/v1/public/chats/${token}`)).json();
  const handoffOf = (messages) => messages.map(eventOf).find((e) => e && e.event === 'handoff');

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    sup = await server.login('chenjing');
    const settings = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    const r = await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, {
      body: { ...settings, bot_queues: ['parking'] },
    });
    assert.equal(r.status, 200, r.text);
  });
  after(async () => {
    for (const s of sockets) await s.close().catch(() => {});
    await server?.dispose();
  });

  it('a chat in the bot’s queue starts with the bot; the others go to people', async () => {
    const botChat = await startChat(server.base, SH01, { queue: 'parking' });
    assert.equal(botChat.conversation.status, 'bot');
    const peopleChat = await startChat(server.base, SH01, { queue: 'returns' });
    assert.notEqual(peopleChat.conversation.status, 'bot');
  });

  it('answers from the knowledge base with the store’s own words, and a verdict counts', async () => {
    // The knowledge is built off the request path when the server starts: a new chat each
    // time until it is there.
    let chat;
    const answer = await eventually(async () => {
      chat = await startChat(server.base, SH01, { queue: 'parking' });
      await customerPost(chat.token, 'messages', { client_msg_id: 'k1', body: '停车票在哪里拿？' });
      const bot = (await view(chat.token)).messages.filter((m) => m.sender === 'bot').map((m) => ({ ...m, said: JSON.parse(m.body) }));
      return bot.find((m) => m.said.act === 'answer');
    }, 10000, 'a bot answer', 200);
    assert.equal(answer.said.question, '停车券在哪里领？', 'a similar question of the demo entry, worded differently');
    assert.match(answer.said.answer, /服务台|APP/, 'the entry’s answer');
    const r = await customerPost(chat.token, 'bot-feedback', { seq: answer.seq, solved: true });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.conversation.status, 'bot');
    const events = (await view(chat.token)).messages.map(eventOf).filter(Boolean);
    assert.ok(events.some((e) => e.event === 'bot_feedback' && e.seq === answer.seq && e.solved === true));
  });

  it('two answers it cannot give hand the chat to its queue, the transcript with it', async () => {
    const chat = await startChat(server.base, SH01, { queue: 'parking' });
    let r = await customerPost(chat.token, 'messages', { client_msg_id: 'p1', body: '你们卖不卖天文望远镜' });
    assert.equal(r.status, 201, r.text);
    let v = await view(chat.token);
    const sorry = v.messages.filter((m) => m.sender === 'bot');
    assert.equal(sorry.length, 1, 'the bot answered in the same commit');
    assert.notEqual(JSON.parse(sorry[0].body).act, 'answer', 'nothing in the knowledge base answers it');
    assert.equal(v.conversation.status, 'bot');

    r = await customerPost(chat.token, 'messages', { client_msg_id: 'p2', body: '有没有卖二手钢琴的' });
    assert.equal(r.status, 201, r.text);
    v = await view(chat.token);
    assert.equal(v.conversation.status, 'queued', 'the second failure hands over (nobody online: it waits)');
    assert.equal(handoffOf(v.messages).reason, 'unresolved');
    const staff = await sup.get(`/api/v1/chat/conversations?store_id=${SH01}&status=queued`);
    const waiting = staff.json.items.filter((c) => c.queue === 'parking');
    assert.ok(waiting.length > 0, 'the supervisor sees it waiting in 停车');
    let transcript = [];
    for (const c of waiting) {
      const messages = (await sup.get(`/api/v1/chat/conversations/${c.id}`)).json.messages;
      if (messages.some((m) => m.body === '有没有卖二手钢琴的')) transcript = messages;
    }
    assert.ok(transcript.some((m) => m.body === '你们卖不卖天文望远镜'), 'the customer’s first words came along');
    assert.ok(transcript.some((m) => m.sender === 'bot'), 'and the bot’s');
  });

  it('转人工 in words, over the socket, hands over at once', async () => {
    const chat = await startChat(server.base, SH01, { queue: 'parking' });
    const socket = await customerSocket(server.base, chat.token);
    sockets.push(socket);
    socket.send({ type: 'send', client_msg_id: 's1', body: '转人工' });
    await socket.next('ack', (f) => f.client_msg_id === 's1');
    const v = await eventually(async () => {
      const now = await view(chat.token);
      return now.conversation.status !== 'bot' && now;
    }, 5000, 'handed over');
    assert.equal(handoffOf(v.messages).reason, 'asked');
    assert.equal(v.messages.filter((m) => m.sender === 'bot').length, 0, 'the bot did not answer it');
  });

  it('the 转人工 button, and a verdict only on an answer of the customer’s own chat', async () => {
    const chat = await startChat(server.base, SH01, { queue: 'parking' });
    await customerPost(chat.token, 'messages', { client_msg_id: 'b1', body: '你们卖不卖天文望远镜' });
    const first = (await view(chat.token)).messages.find((m) => m.sender === 'bot');
    const sorrySeq = first.seq;
    let r = await customerPost(chat.token, 'bot-feedback', { seq: sorrySeq + 100, solved: false });
    assert.equal(r.status, 404, 'no such bot answer');
    r = await customerPost(chat.token, 'bot-feedback', { seq: sorrySeq });
    assert.equal(r.status, 400, r.text);
    r = await customerPost('kfc_not-a-real-token', 'bot-feedback', { seq: 1, solved: true });
    assert.equal(r.status, 403);

    r = await customerPost(chat.token, 'handoff');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.conversation.status, 'queued');
    assert.equal(handoffOf((await view(chat.token)).messages).reason, 'asked');
    r = await customerPost(chat.token, 'handoff');
    assert.equal(r.status, 200, 'already with people: nothing changes');
    assert.equal(r.json.conversation.status, 'queued');
  });
});

// Bot operations (机器人运营, docs/bot.md) over HTTP: customers chat with the bot, give
// their verdicts and ask for people; the report then shows what a store manager would count
// by hand, and a question the bot could not answer, once an admin adds it to an entry's
// similar questions, leaves the unanswered list. What the bot knows is the demo knowledge
// base (src/demo/load_kb.cpp), as published.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory } from './lib/server.mjs';
import { startChat, eventually } from './lib/chat.mjs';

describe('bot operations: the report and the unanswered questions', () => {
  let server, admin, sup, agent, SH01, CD01, from, parkingEntry;

  const customerPost = async (token, what, body) => {
    const r = await fetch(`${server.base}/api/v1/public/chats/${token}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const text = await r.text();
    assert.ok(r.status < 300, `${what}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const botSaid = async (token) =>
    (await (await fetch(`${server.base}/api/v1/public/chats/${token}`)).json()).messages
      .filter((m) => m.sender === 'bot')
      .map((m) => ({ ...m, said: JSON.parse(m.body) }));
  let n = 0;
  const ask = async (chat, text) => {
    await customerPost(chat.token, 'messages', { client_msg_id: `m${++n}`, body: text });
    return (await botSaid(chat.token)).at(-1);
  };
  const chatIn = (queue = 'parking') => startChat(server.base, SH01, { queue });
  const range = () => `from=${from}&to=${Date.now() + 60_000}`;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    sup = await server.login('chenjing'); // supervisor of SH01
    agent = await server.login('zhangmin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    const settings = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    const r = await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, { body: { ...settings, bot_queues: ['parking'] } });
    assert.equal(r.status, 200, r.text);
    // The knowledge is built off the request path when the server starts: wait for it (these
    // chats start before the range the report reads).
    const answer = await eventually(async () => {
      const said = await ask(await chatIn(), '停车票在哪里拿？');
      return said?.said.act === 'answer' && said;
    }, 15000, 'a bot answer', 200);
    parkingEntry = answer.said.faq_id;
    await new Promise((r) => setTimeout(r, 5));
    from = Date.now();
  });
  after(async () => {
    await server?.dispose();
  });

  it('the day’s figures: involvement, resolution, containment, handoff reasons and the answer’s rates', async () => {
    // A: answered, 已解决. B: answered, 未解决, then the 转人工 button. C: two questions the
    // bot cannot answer (the second hands over). D: 转人工 in words. E: a queue without the bot.
    const a = await chatIn();
    const answerA = await ask(a, '停车票在哪里拿？');
    assert.equal(answerA.said.act, 'answer');
    await customerPost(a.token, 'bot-feedback', { seq: answerA.seq, solved: true });
    const b = await chatIn();
    const answerB = await ask(b, '停车票在哪里拿？');
    await customerPost(b.token, 'bot-feedback', { seq: answerB.seq, solved: false });
    await customerPost(b.token, 'handoff');
    const c = await chatIn();
    assert.notEqual((await ask(c, '你们卖不卖天文望远镜')).said.act, 'answer');
    await ask(c, '有没有卖二手钢琴的');
    const d = await chatIn();
    await ask(d, '转人工');
    await chatIn('returns');

    const r = await sup.get(`/api/v1/bot/report?store_id=${SH01}&${range()}`);
    assert.equal(r.status, 200, r.text);
    const t = r.json.total;
    assert.equal(t.conversations, 5, 'five chats started');
    assert.equal(t.bot_conversations, 4, 'four of them met the bot');
    assert.equal(t.resolved, 1, 'only A never needed a person');
    assert.equal(t.involvement, 0.8);
    assert.equal(t.resolution, 0.25);
    assert.ok(Math.abs(t.containment - 0.2) < 1e-9, String(t.containment));
    assert.deepEqual(t.handoffs, { asked: 2, unresolved: 1 }, 'the button and the words; two failures');
    assert.equal(r.json.days.reduce((s, x) => s + x.bot_conversations, 0), 4, 'the days add up to the total');

    const entry = r.json.faqs.find((f) => f.faq_id === parkingEntry);
    assert.ok(entry, JSON.stringify(r.json.faqs));
    assert.equal(entry.question, '停车券在哪里领？');
    assert.deepEqual(
      [entry.answers, entry.solved, entry.unsolved, entry.handed_over],
      [2, 1, 1, 1],
      'two answers: one solved, one unsolved and then handed over',
    );
    assert.equal(entry.solved_rate, 0.5);
    assert.equal(entry.no_handoff_rate, 0.5);
    assert.equal(entry.handoff_rate, 0.5);

    assert.equal((await agent.get(`/api/v1/bot/report?store_id=${SH01}`)).status, 403, 'agents do not read it');
    assert.equal((await sup.get(`/api/v1/bot/report?store_id=${CD01}`)).status, 404, 'nor another store’s supervisor');
    const all = await admin.get(`/api/v1/bot/report?${range()}`);
    assert.equal(all.json.total.bot_conversations, 4, 'admins: every store');
  });

  it('an unanswered question added to an entry’s similar questions leaves the list', async () => {
    const list = async () => (await sup.get(`/api/v1/bot/unanswered?store_id=${SH01}&${range()}`)).json;
    const before = await list();
    const keys = before.clusters.flatMap((c) => c.questions);
    for (const q of ['你们卖不卖天文望远镜', '有没有卖二手钢琴的', '停车票在哪里拿？'])
      assert.ok(keys.includes(q), `${q} waits: ${JSON.stringify(before.clusters)}`);
    assert.ok(!keys.includes('转人工'), 'asking for a person is no question for the knowledge base');
    const unsolved = before.clusters.find((c) => c.questions.includes('停车票在哪里拿？'));
    assert.equal(unsolved.guess.faq_id, parkingEntry, 'the bot’s guess comes along');
    assert.deepEqual(unsolved.stores, [SH01]);

    // An entry about what the mall sells, published; the question becomes a similar question.
    let r = await admin.post('/api/v1/kb/entries', { question: '商场里有哪些商品在卖', answer: '请咨询服务台' });
    assert.equal(r.status, 201, r.text);
    const entryId = r.json.id;
    assert.equal((await admin.post(`/api/v1/kb/entries/${entryId}/publish`, {})).status, 200);
    assert.equal((await sup.post('/api/v1/bot/unanswered/resolve', { questions: ['你们卖不卖天文望远镜'], faq_id: entryId })).status, 403,
      'admins edit the knowledge base');
    r = await admin.post('/api/v1/bot/unanswered/resolve', { questions: ['你们卖不卖天文望远镜'], faq_id: entryId });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.handled, 1);
    const stored = (await admin.get(`/api/v1/kb/entries/${entryId}`)).json;
    assert.deepEqual(stored.draft.similar, ['你们卖不卖天文望远镜'], 'a draft of the entry, for the admin to publish');

    // A new entry from another question, and a dismissal.
    r = await admin.post('/api/v1/bot/unanswered/resolve', { questions: ['有没有卖二手钢琴的'], question: '有二手乐器卖吗', answer: '本商场不销售二手商品' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.entry.status, 'draft');
    assert.deepEqual(r.json.entry.similar, ['有没有卖二手钢琴的']);
    r = await admin.post('/api/v1/bot/unanswered/dismiss', { questions: ['停车票在哪里拿？'] });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.handled >= 1);

    const left = (await list()).clusters.flatMap((c) => c.questions);
    for (const q of ['你们卖不卖天文望远镜', '有没有卖二手钢琴的', '停车票在哪里拿？']) assert.ok(!left.includes(q), `${q} left the list`);
    assert.equal((await admin.post('/api/v1/bot/unanswered/dismiss', { questions: [] })).status, 400);
  });
});

// What the FAQ bot learns, over HTTP: POST /kb/match answers for integrations with the
// store's own words; an agent's link, a customer's click on a guess and imported paraphrase
// pairs change the next ranking once this node has rebuilt its knowledge (at once after the
// write); revoking undoes it, restoring redoes it. What it knows at first is the demo
// knowledge base (src/demo/load_kb.cpp), as published.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory } from './lib/server.mjs';
import { startChat, eventually, customerPost as postAsCustomer } from './lib/chat.mjs';

describe('what the FAQ bot learns', () => {
  let server, admin, agent, SH01;

  const match = async (question, extra = {}) => {
    const r = await agent.post('/api/v1/kb/match', { question, store_id: SH01, top_k: 5, ...extra });
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const builtAt = async () => (await admin.get('/api/v1/kb/learning')).json.built_at;
  // Waits until this node's knowledge was rebuilt after `since`: at once after an admin's or
  // agent's write (it pokes the keeper), within the keeper's 10-s look after a customer's click.
  const rebuilt = (since) => eventually(async () => ((await builtAt()) > since ? true : undefined), 25000, 'a rebuild', 100);
  const customerPost = (token, what, body) => postAsCustomer(server.base, token, what, body);
  const botSaid = async (token) =>
    (await (await fetch(`${server.base}/api/v1/public/chats/${token}`)).json()).messages
      .filter((m) => m.sender === 'bot')
      .map((m) => JSON.parse(m.body));

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    const sup = await server.login('chenjing');
    const settings = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    const r = await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, { body: { ...settings, bot_queues: ['general'] } });
    assert.equal(r.status, 200, r.text);
    await eventually(async () => ((await match('停车怎么收费')).ready ? true : undefined), 10000, 'the knowledge', 100);
  });
  after(async () => server?.dispose());

  it('answers an integration with the entries, their external ids and the store’s own answer', async () => {
    const found = await match('停车票在哪里拿');
    assert.equal(found.items[0].question, '停车券在哪里领？');
    assert.ok(found.items[0].external_id, 'the demo entries carry external ids');
    assert.ok(found.confidence > 0 && found.confidence <= 1);
    assert.ok(found.items.length <= 5);
    for (let i = 1; i < found.items.length; i++) assert.ok(found.items[i - 1].score >= found.items[i].score, 'best first');
    const one = await match('停车票在哪里拿', { top_k: 1 });
    assert.equal(one.items.length, 1);
    const bad = await agent.post('/api/v1/kb/match', { question: '停车', top_k: 11 });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'invalid_field');
    const customer = await fetch(`${server.base}/api/v1/kb/match`, { method: 'POST', body: '{"question":"停车"}' });
    assert.equal(customer.status, 401, 'staff only');
  });

  it('an agent’s link moves an entry to the top for those words; revoking undoes it, restoring redoes it', async () => {
    const words = '车子停在你们这里一整天要花多少';
    const before = await match(words);
    const target = before.items[before.items.length - 1];
    assert.notEqual(before.items[0].faq_id, target.faq_id);
    let since = await builtAt();
    const r = await agent.post('/api/v1/kb/signals', { query: words, faq_id: target.faq_id, source: 'agent_link' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.signal.created_by.name.length > 0, true);
    await rebuilt(since);
    assert.equal((await match(words)).items[0].faq_id, target.faq_id, 'learned');
    const summary = (await admin.get('/api/v1/kb/learning')).json;
    assert.ok(summary.learned.signals >= 1 && summary.report.signal_queries >= 1, 'the build says what it learned from');

    since = await builtAt();
    let p = await admin.request('PATCH', `/api/v1/kb/signals/${r.json.signal.id}`, { body: { revoked: true } });
    assert.equal(p.status, 200, p.text);
    assert.ok(p.json.signal.revoked_at);
    await rebuilt(since);
    assert.equal((await match(words)).items[0].faq_id, before.items[0].faq_id, 'unlearned');

    since = await builtAt();
    p = await admin.request('PATCH', `/api/v1/kb/signals/${r.json.signal.id}`, { body: { revoked: false } });
    assert.equal(p.json.signal.revoked_at, null);
    await rebuilt(since);
    assert.equal((await match(words)).items[0].faq_id, target.faq_id, 'learned again');
  });

  it('a customer’s click on one of the bot’s guesses is learned and changes the next ranking', async () => {
    // Words the bot is unsure about: it offers guesses (您是不是想问). The customer taps the last.
    const candidates = ['会员那个东西怎么弄', '东西坏了找谁', '卡的问题', '停车的事情', '积分的事'];
    let chat, guesses, words;
    for (const w of candidates) {
      chat = await startChat(server.base, SH01, { queue: 'general' });
      const r = await customerPost(chat.token, 'messages', { client_msg_id: 'q1', body: w });
      assert.equal(r.status, 201, r.text);
      const said = await botSaid(chat.token);
      const suggest = said.find((b) => b.act === 'suggest' && b.suggestions.length >= 2);
      if (suggest) {
        guesses = suggest.suggestions;
        words = w;
        break;
      }
    }
    assert.ok(guesses, `one of ${candidates.join('、')} gets guesses`);
    const picked = guesses[guesses.length - 1];
    assert.notEqual((await match(words)).items[0].faq_id, picked.faq_id, 'not the first before');
    const since = await builtAt();
    const r = await customerPost(chat.token, 'messages', { client_msg_id: 'q2', body: picked.question });
    assert.equal(r.status, 201, r.text);
    const answer = (await botSaid(chat.token)).at(-1);
    assert.equal(answer.act, 'answer');
    assert.equal(answer.faq_id, picked.faq_id, 'the picked entry answers');
    await rebuilt(since);
    assert.equal((await match(words)).items[0].faq_id, picked.faq_id, 'the click was learned');
    const clicks = (await admin.get('/api/v1/kb/signals?source=clicked')).json.items;
    assert.ok(clicks.some((s) => s.query === words && s.faq_id === picked.faq_id && s.created_by === null));
  });

  it('imported paraphrase pairs are kept once, with a report of the rows it refused', async () => {
    const text = 'a,b,same\n停车费怎么算,停车怎么收钱,1\n发票怎么开,停车怎么收钱,0\n只有一句,,1\n同一句,同一句,1\n停车费怎么算,停车怎么收钱,maybe\n';
    let r = await admin.post('/api/v1/kb/paraphrases', { format: 'csv', text });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.json.rows, r.json.added, r.json.updated, r.json.unchanged], [5, 2, 0, 0]);
    assert.deepEqual(r.json.rejected.map((x) => x.line), [4, 5, 6]);
    r = await admin.post('/api/v1/kb/paraphrases', { format: 'jsonl', text: '{"a":"停车怎么收钱","b":"停车费怎么算","same":true}\n' });
    assert.deepEqual([r.json.added, r.json.updated, r.json.unchanged], [0, 0, 1], 'either order is the same pair');
    const listed = (await admin.get('/api/v1/kb/paraphrases')).json.items;
    assert.equal(listed.length, 2);
    const refused = await agent.post('/api/v1/kb/paraphrases', { format: 'csv', text });
    assert.equal(refused.status, 403, 'admins only');
  });
});

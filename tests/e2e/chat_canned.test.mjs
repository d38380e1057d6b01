// Canned replies (快捷回复) and chat settings over HTTP, as the console uses them: an
// agent's own entries stay theirs, a store's set is kept by its supervisors, another
// store's entries never show, and a store's settings stay within bounds.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';

describe('canned replies and chat settings', () => {
  let server, agent, colleague, supervisor, otherStore, SH01, CD01;

  before(async () => {
    server = await KefuServer.start({ tickets: 10, members: 5 });
    const admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    agent = await server.login('zhangmin');
    colleague = await server.login('liuyang');
    supervisor = await server.login('chenjing');
    otherStore = await server.login('gaoyan');
  });
  after(async () => {
    await server?.dispose();
  });

  const put = (client, path, body) => client.request('PUT', path, { body });
  const del = (client, path) => client.request('DELETE', path);
  // The demo gives each store a set of its own (load_chat.cpp): the test looks at what it adds.
  let demo = new Set();
  const shortcuts = async (client, query = '') => {
    const r = await client.get(`/api/v1/chat/canned${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items.filter((i) => !demo.has(i.id)).map((i) => i.shortcut).sort();
  };

  it('an agent keeps their own entries; the store set is the supervisor’s; other stores see nothing', async () => {
    for (const who of [supervisor, otherStore])
      for (const i of (await who.get('/api/v1/chat/canned')).json.items) demo.add(i.id);
    assert.ok(demo.size > 0, 'the demo store has canned replies');
    const entry = { shortcut: '退货', title: '退货流程', body: '您好，购买 7 天内凭小票可到总服务台办理退货。' };
    let r = await agent.post('/api/v1/chat/canned', { ...entry, store_id: SH01 });
    assert.equal(r.status, 403, r.text);
    r = await supervisor.post('/api/v1/chat/canned', { ...entry, store_id: SH01 });
    assert.equal(r.status, 201, r.text);
    const storeEntry = r.json;
    assert.equal(storeEntry.store_id, SH01);
    assert.equal(storeEntry.owner_id, null);
    r = await supervisor.post('/api/v1/chat/canned', { ...entry, store_id: SH01 });
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 'canned_shortcut_taken');
    r = await agent.post('/api/v1/chat/canned', { shortcut: 'hello', title: '问候', body: '您好，我是客服小张' });
    assert.equal(r.status, 201, r.text);
    const own = r.json;

    assert.deepEqual(await shortcuts(agent), ['hello', '退货']);
    assert.deepEqual(await shortcuts(colleague), ['退货'], 'a colleague does not see the agent’s own entry');
    assert.deepEqual(await shortcuts(otherStore), [], 'CD01 sees none of SH01’s');
    assert.deepEqual(await shortcuts(agent, `?q=${encodeURIComponent('小票')}`), ['退货']);
    r = await otherStore.get(`/api/v1/chat/canned?store_id=${SH01}`);
    assert.equal(r.status, 404);

    r = await put(colleague, `/api/v1/chat/canned/${own.id}`, { shortcut: 'x', title: 'x', body: 'x' });
    assert.equal(r.status, 404, 'someone else’s own entry is not found');
    r = await put(otherStore, `/api/v1/chat/canned/${storeEntry.id}`, { ...entry, body: '改' });
    assert.equal(r.status, 404);
    r = await put(agent, `/api/v1/chat/canned/${storeEntry.id}`, { ...entry, body: '改' });
    assert.equal(r.status, 403);
    r = await put(supervisor, `/api/v1/chat/canned/${storeEntry.id}`, { ...entry, body: '七天无理由退货' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.body, '七天无理由退货');
    r = await put(agent, `/api/v1/chat/canned/${own.id}`, { shortcut: 'hello 2', title: '问候', body: '您好' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'shortcut');

    assert.equal((await del(colleague, `/api/v1/chat/canned/${own.id}`)).status, 404);
    assert.equal((await del(agent, `/api/v1/chat/canned/${own.id}`)).status, 200);
    assert.equal((await del(agent, `/api/v1/chat/canned/${storeEntry.id}`)).status, 403);
    assert.deepEqual(await shortcuts(agent), ['退货']);
  });

  it('a store’s chat settings: defaults, set by its supervisor within bounds, read by its agents', async () => {
    let r = await agent.get(`/api/v1/stores/${SH01}/chat-settings`);
    assert.equal(r.status, 200, r.text);
    const { welcome, ...numbers } = r.json;
    assert.deepEqual(numbers, {
      store_id: SH01, idle_end_minutes: 15, first_reply_seconds: 60, reply_gap_seconds: 180, offline_text: '',
      queue_targets: { parking: { first_reply_seconds: 30, reply_gap_seconds: 90 }, returns: { first_reply_seconds: 120, reply_gap_seconds: 300 } },
      bot_queues: [], bot_answer: 0.6, bot_suggest: 0.3,
      generative: { enabled: false, base_url: '', model: '', timeout_ms: 8000, api_key_set: false, api_key_masked: '' },
    }, 'the default targets, and the demo store’s own for parking and returns');
    assert.match(welcome, /欢迎/, 'the demo store has its own welcome text');
    const wanted = {
      idle_end_minutes: 30, first_reply_seconds: 45, reply_gap_seconds: 120, welcome: '您好，欢迎光临', offline_text: '',
      queue_targets: { parking: { first_reply_seconds: 20, reply_gap_seconds: 60 } },
      bot_queues: [],
    };
    assert.equal((await put(agent, `/api/v1/stores/${SH01}/chat-settings`, wanted)).status, 403);
    assert.equal((await put(supervisor, `/api/v1/stores/${CD01}/chat-settings`, wanted)).status, 404);
    assert.equal((await otherStore.get(`/api/v1/stores/${SH01}/chat-settings`)).status, 404);
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, { ...wanted, idle_end_minutes: 0 });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'idle_end_minutes');
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, { ...wanted, reply_gap_seconds: 1e12 });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'reply_gap_seconds');
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, { ...wanted, queue_targets: { vip: { first_reply_seconds: 5, reply_gap_seconds: 5 } } });
    assert.equal(r.status, 400, 'not a queue');
    assert.equal(r.json.error.field, 'queue_targets');
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, { ...wanted, queue_targets: { parking: 30 } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'queue_targets');
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, { ...wanted, queue_targets: { parking: { first_reply_seconds: 0, reply_gap_seconds: 60 } } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'first_reply_seconds');
    r = await put(supervisor, `/api/v1/stores/${SH01}/chat-settings`, wanted);
    assert.equal(r.status, 200, r.text);
    r = await agent.get(`/api/v1/stores/${SH01}/chat-settings`);
    const { bot_answer, bot_suggest, generative, ...rest } = r.json;
    assert.deepEqual(rest, { store_id: SH01, ...wanted });
    assert.deepEqual([bot_answer, bot_suggest, generative.enabled], [0.6, 0.3, false], 'absent: the bot’s defaults');
    r = await otherStore.get(`/api/v1/stores/${CD01}/chat-settings`);
    assert.equal(r.json.idle_end_minutes, 15, 'CD01 keeps the defaults');
  });
});

// The knowledge base (知识库) over HTTP, as the console and an integration use it: the demo
// KB is there and every staff member can search it (internal articles too); an admin
// edits, publishes and sees the history; a store's supervisor keeps only that store's own
// answer; an import twice changes nothing and reports its rejected rows; the export reads
// back; API tokens need kb:read / kb:write; answers come out as safe HTML.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';

describe('knowledge base', () => {
  let server, admin, agent, supervisor, otherSupervisor, SH01, CD01;

  before(async () => {
    server = await KefuServer.start({ tickets: 10, members: 5 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    otherSupervisor = await server.login('gaoyan');
  });
  after(async () => {
    await server?.dispose();
  });

  const put = (client, path, body) => client.request('PUT', path, { body });
  const del = (client, path) => client.request('DELETE', path);
  const entries = async (client, query = '') => {
    const r = await client.get(`/api/v1/kb/entries${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };

  it('the demo knowledge base is published, with similar questions, categories and each store’s hours', async () => {
    const all = await entries(agent, '?limit=1000');
    assert.ok(all.length >= 150, `${all.length} entries`);
    assert.ok(all.every((e) => e.status === 'published' && e.similar.length >= 3 && e.category_id));
    const hours = all.find((e) => e.external_id === 'demo-hours-open');
    assert.deepEqual(hours.variants.map((v) => v.store_id).sort(), [SH01, CD01].sort());
    const cats = (await agent.get('/api/v1/kb/categories')).json.items;
    assert.ok(cats.some((c) => c.name === '停车交通' && c.parent_id === null));
    assert.ok((await agent.get('/api/v1/kb/synonyms')).json.items.some((g) => g.words.includes('停车券')));
    assert.ok((await agent.get('/api/v1/kb/small-talk')).json.items.some((t) => t.pattern === '你好'));
  });

  it('every staff member finds internal articles by text; customers and foreign scopes get nothing', async () => {
    const found = await entries(agent, `?q=${encodeURIComponent('走失')}&audience=internal`);
    assert.ok(found.some((e) => e.question.includes('儿童走失处置流程')), JSON.stringify(found.map((e) => e.question)));
    assert.equal((await server.client().get('/api/v1/kb/entries')).status, 401);
    const staffId = (await admin.get('/api/v1/staff')).json.items.find((s) => s.username === 'zhangmin').id;
    const token = async (scopes) =>
      (await admin.post('/api/v1/api-tokens', { name: `kb ${scopes}`, staff_id: staffId, scopes: [scopes] })).json.token;
    const ticketsOnly = server.client(await token('tickets:read'));
    assert.equal((await ticketsOnly.get('/api/v1/kb/entries')).status, 403);
    const reader = server.client(await token('kb:read'));
    assert.equal((await reader.get('/api/v1/kb/entries?limit=1')).status, 200);
    assert.equal((await reader.post('/api/v1/kb/entries', { question: 'x', answer: 'y' })).status, 403);
  });

  it('an admin drafts, publishes, edits into a draft and publishes again; the history keeps both', async () => {
    let r = await admin.post('/api/v1/kb/entries', {
      external_id: 'e2e-down',
      question: '羽绒服可以干洗吗',
      similar: ['羽绒服能不能干洗', '羽绒服怎么洗', '羽绒服清洗方式'],
      answer: '请按**洗标**处理，详见[护理说明](https://example.com/care)。<img src=x onerror=alert(1)>',
      keywords: ['羽绒服'],
    });
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    assert.equal(r.json.status, 'draft');
    assert.match(r.json.answer_html, /<strong>洗标<\/strong>/);
    assert.ok(!r.json.answer_html.includes('<img'), 'raw HTML is escaped');
    assert.equal(errorCode(await agent.post(`/api/v1/kb/entries/${id}/publish`)), 'forbidden');
    r = await admin.post(`/api/v1/kb/entries/${id}/publish`);
    assert.equal(r.json.version, 1);
    r = await put(admin, `/api/v1/kb/entries/${id}`, {
      external_id: 'e2e-down',
      question: '羽绒服可以干洗吗',
      answer: '不建议干洗，请手洗。',
    });
    assert.equal(r.json.draft.answer, '不建议干洗，请手洗。');
    const stale = await put(admin, `/api/v1/kb/entries/${id}`, { question: '羽绒服可以干洗吗', answer: '旧页面的修改', updated_at: 1 });
    assert.equal(errorCode(stale), 'version_conflict', 'an edit from an older load is refused');
    assert.match((await agent.get(`/api/v1/kb/entries/${id}`)).json.answer, /洗标/, 'agents still see the published text');
    assert.deepEqual((await entries(agent, '?pending=true')).map((e) => e.id), [id]);
    r = await admin.post(`/api/v1/kb/entries/${id}/publish`);
    assert.equal(r.json.version, 2);
    assert.equal(r.json.draft, null);
    const versions = (await agent.get(`/api/v1/kb/entries/${id}/versions`)).json.items;
    assert.deepEqual(versions.map((v) => v.version), [2, 1]);
    assert.match(versions[1].answer, /洗标/);
  });

  it("a store's supervisor keeps that store's own answer and no other", async () => {
    const hours = (await entries(agent, '?q=demo-hours-open'))[0];
    let r = await put(supervisor, '/api/v1/kb/variants', { entry_id: hours.id, store_id: SH01, answer: '静安店今日延长至 23:00' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.variants.find((v) => v.store_id === SH01).answer, '静安店今日延长至 23:00');
    r = await put(supervisor, '/api/v1/kb/variants', { entry_id: hours.id, store_id: CD01, answer: 'x' });
    assert.equal(errorCode(r), 'unknown_reference');
    r = await put(otherSupervisor, '/api/v1/kb/variants', { entry_id: hours.id, store_id: CD01, answer: '高新店 9:30 开门' });
    assert.equal(r.status, 200);
    assert.equal(errorCode(await put(supervisor, `/api/v1/kb/entries/${hours.id}`, { question: 'x', answer: 'y' })), 'forbidden');
  });

  it('an import twice changes nothing the second time and reports rejected rows; the export reads back', async () => {
    const rows = [];
    for (let i = 0; i < 30; i++)
      rows.push(JSON.stringify({ external_id: `e2e-${i}`, question: `测试问题 ${i}`, similar: [`问法 ${i}`], answer: `答案 ${i}`, category: '测试/导入' }));
    rows.push(JSON.stringify({ external_id: 'e2e-bad', question: '', answer: '没有问题' }));
    rows.push('{oops');
    const text = rows.join('\n');
    let r = await admin.post('/api/v1/kb/import', { format: 'jsonl', text });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.json.created, r.json.updated, r.json.unchanged], [30, 0, 0]);
    assert.deepEqual(r.json.rejected.map((x) => [x.line, x.external_id, x.code]), [[31, 'e2e-bad', 'required'], [32, '', 'invalid_field']]);
    r = await admin.post('/api/v1/kb/import', { format: 'jsonl', text });
    assert.deepEqual([r.json.created, r.json.updated, r.json.unchanged], [0, 0, 30]);
    assert.equal(errorCode(await supervisor.post('/api/v1/kb/import', { format: 'jsonl', text })), 'forbidden');

    const before = await entries(agent, '?limit=1000');
    for (const format of ['csv', 'jsonl']) {
      const file = await agent.get(`/api/v1/kb/export?format=${format}`);
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-type'), format === 'csv' ? /text\/csv/ : /ndjson/);
      r = await admin.post('/api/v1/kb/import', { format, text: file.text });
      assert.equal(r.json.created + r.json.updated, 0, JSON.stringify(r.json).slice(0, 500));
      assert.equal(r.json.unchanged, before.length, 'every entry has an external id and comes back unchanged');
    }
    assert.deepEqual(await entries(agent, '?limit=1000'), before);
  });

  it('categories, bulk move, synonyms and small talk are the admin’s', async () => {
    let r = await admin.post('/api/v1/kb/categories', { name: '临时活动' });
    assert.equal(r.status, 201, r.text);
    const cat = r.json.id;
    assert.equal(errorCode(await admin.post('/api/v1/kb/categories', { name: '临时活动' })), 'duplicate');
    const ids = (await entries(agent, `?q=${encodeURIComponent('测试问题 1')}`)).map((e) => e.id);
    r = await admin.post('/api/v1/kb/entries/move', { ids, category_id: cat });
    assert.equal(r.json.moved, ids.length);
    assert.equal(errorCode(await del(admin, `/api/v1/kb/categories/${cat}`)), 'invalid_field');
    assert.equal((await entries(agent, `?category_id=${cat}`)).length, ids.length);

    r = await admin.post('/api/v1/kb/synonyms', { words: ['寄存', '存包', '寄包'] });
    assert.equal(r.status, 201, r.text);
    assert.equal(errorCode(await admin.post('/api/v1/kb/synonyms', { words: ['存包', '存东西'] })), 'duplicate');
    assert.equal(errorCode(await agent.post('/api/v1/kb/synonyms', { words: ['a', 'b'] })), 'forbidden');
    r = await admin.post('/api/v1/kb/small-talk', { pattern: '拜拜', reply: '再见，欢迎下次光临！' });
    assert.equal(r.status, 201);
    assert.equal((await del(admin, `/api/v1/kb/small-talk/${r.json.id}`)).status, 200);
  });
});

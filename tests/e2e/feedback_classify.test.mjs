// The feedback classifier over HTTP (docs/feedback.md "Classification"): a fresh installation
// classifies from its seed set; a supervisor imports labelled examples (bad rows come back
// with reasons, a second import changes nothing), trains a version and sees its figures; the
// desk's items are classified on intake; the review queue offers the least certain items
// first; confirming items teaches the next version. On PostgreSQL, a version trained on one
// node is what another node classifies with within seconds.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, PG_BASE, directory, errorCode } from './lib/server.mjs';

describe('feedback classification', () => {
  let server, admin, agent, supervisor, SH01;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    // The first version is trained at the first start, off the request path.
    for (let i = 0; i < 100; i++) {
      const r = await supervisor.get('/api/v1/feedback/models');
      assert.equal(r.status, 200, r.text);
      if (r.json.in_use_id) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  });
  after(async () => {
    await server?.dispose();
  });

  const classify = async (text) => {
    const r = await agent.post('/api/v1/feedback/classify', { text });
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  it('a fresh installation classifies retail feedback from its seed set, one text or a batch', async () => {
    const models = (await supervisor.get('/api/v1/feedback/models')).json;
    assert.equal(models.items.length, 1);
    const first = models.items[0];
    assert.equal(first.trigger, 'first');
    assert.equal(first.active, true);
    assert.ok(first.topic_macro_f1 > 0.4 && first.sentiment_accuracy > 0.75, JSON.stringify(first));
    const c = await classify('地下车库停车费太贵了，车位还特别难找');
    assert.equal(c.version, first.id);
    assert.equal(c.topic.label, 'parking');
    assert.equal(c.sentiment.label, 'negative');
    assert.ok(c.sentiment.score < 0.5, 'the sentiment score is the probability of positive');
    const batch = await agent.post('/api/v1/feedback/classify', { texts: ['导购非常热情，服务很周到', '洗手间很脏没人打扫'] });
    assert.equal(batch.status, 200, batch.text);
    assert.deepEqual(batch.json.items.map((i) => i.sentiment.label), ['positive', 'negative']);
    assert.equal(batch.json.items[1].topic.label, 'cleanliness');
    assert.equal(errorCode(await agent.post('/api/v1/feedback/classify', {})), 'required');
    const seeds = (await supervisor.get('/api/v1/feedback/examples?origin=seed&limit=1')).json;
    assert.ok(seeds.counts.seed >= 300, JSON.stringify(seeds.counts));
  });

  it('an import reports each skipped row with its reason and is idempotent; agents may not import', async () => {
    const csv = [
      'text,topic,sentiment',
      '电梯口的指示牌太小看不清,facilities,negative',
      '"会员积分兑换很方便，点个赞",membership,positive',
      '只写了文字,,',
      '打折力度很大,discounts,positive',
      '收银很快,queueing,ok',
      ',price,negative',
    ].join('\n');
    let r = await supervisor.post('/api/v1/feedback/examples', { format: 'csv', text: csv });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.rows, 6);
    assert.equal(r.json.added, 2);
    assert.deepEqual(r.json.skipped.map((s) => [s.line, s.code]),
      [[4, 'required'], [5, 'unknown_topic'], [6, 'unknown_sentiment'], [7, 'required']]);
    assert.match(r.json.skipped[1].message_en, /discounts/);
    r = await supervisor.post('/api/v1/feedback/examples', { format: 'csv', text: csv });
    assert.deepEqual([r.json.added, r.json.unchanged, r.json.updated], [0, 2, 0], 'importing again changes nothing');
    r = await supervisor.post('/api/v1/feedback/examples', { format: 'jsonl', text: '{"text":"电梯口的指示牌太小看不清","topic":"facilities","sentiment":"positive"}\n' });
    assert.equal(r.json.updated, 1);
    assert.equal((await agent.post('/api/v1/feedback/examples', { format: 'csv', text: csv })).status, 403);
    assert.equal(errorCode(await supervisor.post('/api/v1/feedback/examples', { format: 'xlsx', text: '' })), 'invalid_field');

    const imported = (await supervisor.get('/api/v1/feedback/examples?origin=import')).json;
    assert.equal(imported.items.length, 2);
    assert.equal(imported.items[1].sentiment, 'positive');
    const gone = imported.items[0];
    r = await supervisor.request('DELETE', `/api/v1/feedback/examples/${gone.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal((await supervisor.request('DELETE', `/api/v1/feedback/examples/${gone.id}`)).status, 404);
  });

  it('the desk’s items are classified on intake and the review queue offers the least certain first', async () => {
    const texts = ['停车场出口缴费排了很久', '这个东西还行吧', '收银员态度不太好，也不算太差', '会员积分兑换的礼品都没货了',
      '商场很干净', '一般般', '卫生间很脏', '价格和别的地方差不多'];
    const ids = [];
    for (const text of texts) {
      const r = await agent.post('/api/v1/feedback/items', { store_id: SH01, text });
      assert.equal(r.status, 201, r.text);
      assert.ok(r.json.model_version, 'classified before it was stored');
      assert.ok(r.json.topic.predicted && r.json.sentiment.predicted, JSON.stringify(r.json.topic));
      ids.push(r.json.id);
    }
    const r = await agent.get(`/api/v1/feedback/review?store_id=${SH01}&limit=100`);
    assert.equal(r.status, 200, r.text);
    const margins = r.json.items.map((i) => i.current.margin);
    assert.ok(margins.length >= texts.length, `${margins.length}`);
    assert.deepEqual(margins, [...margins].sort((a, b) => a - b), 'least certain first');
    assert.ok(r.json.items.every((i) => !(i.topic.confirmed && i.sentiment.confirmed)));

    const batch = await supervisor.post('/api/v1/feedback/items/classify', { ids: ids.slice(0, 3) });
    assert.equal(batch.status, 200, batch.text);
    assert.equal(batch.json.classified, 3);
    assert.equal((await agent.post('/api/v1/feedback/items/classify', {})).status, 403);
  });

  it('confirming items stores corrections, and the next version learns them', async () => {
    const texts = ['香薰的味道太浓了，熏得头疼', '店里香薰味道太重了', '香薰味道浓得让人头晕'];
    const probe = '香薰的味道太浓了';
    const before = await classify(probe);
    const already = (await supervisor.get('/api/v1/feedback/examples?origin=correction&limit=1')).json.counts.correction;
    for (const text of texts) {
      const item = (await agent.post('/api/v1/feedback/items', { store_id: SH01, text })).json;
      const r = await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { topic: 'membership', sentiment: 'negative' });
      assert.equal(r.status, 200, r.text);
    }
    const corrections = (await supervisor.get('/api/v1/feedback/examples?origin=correction')).json;
    assert.equal(corrections.counts.correction, already + texts.length);
    assert.equal(corrections.items[0].topic, 'membership');
    assert.ok(corrections.items[0].item_id);

    assert.equal((await agent.post('/api/v1/feedback/models')).status, 403, 'training is for supervisors and above');
    const r = await supervisor.post('/api/v1/feedback/models');
    assert.equal(r.status, 201, r.text);
    const model = r.json.model;
    assert.equal(model.trigger, 'on_demand');
    assert.equal(model.active, true, JSON.stringify(model.refused));
    assert.equal(model.baseline.id, before.version, 'compared with the active version');
    const after = await classify(probe);
    assert.equal(after.version, model.id, 'this node classifies with it at once');
    assert.equal(after.topic.label, 'membership', `before: ${JSON.stringify(before.topic)}`);
    const models = (await supervisor.get('/api/v1/feedback/models')).json;
    assert.equal(models.active_id, model.id);
    assert.equal(models.items.find((m) => m.id === before.version).replaced_by, model.id);
  });
});

describe('the classifier on two nodes', { skip: !PG_BASE && 'KEFU_TEST_PG is not set' }, () => {
  let a, b;
  before(async () => {
    a = await KefuServer.start({ backend: 'postgresql', tickets: 0, members: 5 });
    b = await a.join();
  });
  after(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('a version trained on node A is what node B classifies with within seconds', async () => {
    const supA = await a.login('chenjing');
    const agentB = await b.login('zhangmin');
    const versionOn = async (client) => (await client.post('/api/v1/feedback/classify', { text: '停车太难了' })).json.version;
    let first = null;
    for (let i = 0; i < 200 && !(first = await versionOn(agentB)); i++) await new Promise((ok) => setTimeout(ok, 100));
    assert.ok(first, 'node B has the first version');
    const r = await supA.post('/api/v1/feedback/models');
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.model.active, true, JSON.stringify(r.json.model.refused));
    const t0 = Date.now();
    let seen = first;
    while (seen !== r.json.model.id && Date.now() - t0 < 15000) {
      await new Promise((ok) => setTimeout(ok, 200));
      seen = await versionOn(agentB);
    }
    assert.equal(seen, r.json.model.id, 'node B loaded the new version');
    const models = (await supA.get('/api/v1/feedback/models')).json.items;
    assert.equal(models.filter((m) => m.trigger === 'first').length, 1, 'two nodes started, one first version');
  });
});

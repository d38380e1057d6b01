// The feedback inbox (反馈) over HTTP, as the desk and a manager use it: an agent types in
// what a customer said (at a place with a QR code, so store and touchpoint come with it),
// confirms or corrects its topic and sentiment (and it stays), filters the inbox and
// pages through it; a supervisor adds and retires places of their own store only; an admin
// edits the taxonomy; bad input is a 4xx with a code and stores nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';

describe('feedback inbox', () => {
  let server, admin, agent, supervisor, otherSupervisor, SH01, CD01;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
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

  const items = async (client, query = '') => {
    const r = await client.get(`/api/v1/feedback/items${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  it('a place gets an unguessable code; only its store’s supervisors edit it, and a retired place takes no more items', async () => {
    let r = await supervisor.post('/api/v1/feedback/places', { store_id: SH01, name: '一楼收银台', touchpoint: 'cashier' });
    assert.equal(r.status, 201, r.text);
    const place = r.json;
    assert.ok(place.code.length >= 16, place.code);
    assert.equal((await agent.post('/api/v1/feedback/places', { store_id: SH01, name: 'x', touchpoint: 'cashier' })).status, 403);
    r = await otherSupervisor.request('PATCH', `/api/v1/feedback/places/${place.id}`, { body: { name: '改名', touchpoint: 'cashier' } });
    assert.equal(r.status, 404, 'another store’s place is not found');
    r = await supervisor.post('/api/v1/feedback/places', { store_id: SH01, name: '一楼', touchpoint: 'lobby' });
    assert.equal(errorCode(r), 'invalid_enum');
    r = await supervisor.request('PATCH', `/api/v1/feedback/places/${place.id}`, { body: { name: '一楼收银台（东）', touchpoint: 'cashier', active: false } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.code, place.code, 'the printed code keeps working');
    r = await agent.post('/api/v1/feedback/items', { place_id: place.id, text: '收银只开了一个口' });
    assert.equal(errorCode(r), 'unknown_reference', 'a retired place takes no more items');
    const listed = (await supervisor.get(`/api/v1/feedback/places?store_id=${SH01}`)).json.items;
    assert.ok(listed.some((p) => p.id === place.id && !p.active));
    assert.equal((await otherSupervisor.get(`/api/v1/feedback/places?store_id=${SH01}`)).status, 404);
  });

  it('the desk enters an item at a place: store, touchpoint and who typed it come with it; the phone is masked for agents', async () => {
    const place = (await supervisor.post('/api/v1/feedback/places', { store_id: SH01, name: 'B2 停车场', touchpoint: 'parking' })).json;
    const before = (await items(supervisor, `?store_id=${SH01}`)).total;
    let r = await agent.post('/api/v1/feedback/items', {
      place_id: place.id, text: 'B2 停车场的灯坏了好几盏，晚上找车很难', rating: 2, contact_phone: '138 0000 2222',
    });
    assert.equal(r.status, 201, r.text);
    const item = r.json;
    assert.equal(item.store_id, SH01);
    assert.equal(item.touchpoint, 'parking');
    assert.equal(item.source, 'desk');
    assert.equal(item.rating, 2);
    assert.ok(item.entered_by > 0);
    assert.equal(item.contact_phone, '138****2222');
    const full = (await supervisor.get(`/api/v1/feedback/items/${item.id}`)).json;
    assert.equal(full.contact_phone, '13800002222');
    assert.equal((await items(supervisor, `?store_id=${SH01}`)).total, before + 1);
    // Without a place: the store's desk.
    r = await agent.post('/api/v1/feedback/items', { store_id: SH01, text: '服务台的小姐姐很耐心' });
    assert.equal(r.json.touchpoint, 'service_desk');
    // Another store's: not found, and nothing stored.
    r = await agent.post('/api/v1/feedback/items', { store_id: CD01, text: '成都店的反馈' });
    assert.equal(r.status, 404);
    assert.equal((await otherSupervisor.get(`/api/v1/feedback/items/${item.id}`)).status, 404);
    const cd = await items(admin, `?store_id=${CD01}&q=${encodeURIComponent('成都店的反馈')}`);
    assert.equal(cd.total, 0);
  });

  it('bad input is refused with a code and nothing is stored', async () => {
    const before = (await items(admin)).total;
    const cases = [
      [{ store_id: SH01 }, 'required'],
      [{ store_id: SH01, text: '' }, 'required'],
      [{ store_id: SH01, text: '好'.repeat(2001) }, 'too_long'],
      [{ store_id: SH01, text: '还行', rating: 6 }, 'invalid_field'],
      [{ store_id: SH01, text: '还行', touchpoint: 'roof' }, 'invalid_enum'],
      [{ store_id: SH01, text: '还行', contact_phone: '12' }, 'invalid_phone'],
      [{ store_id: 999999, text: '还行' }, 'not_found'],
    ];
    for (const [body, code] of cases) {
      const r = await admin.post('/api/v1/feedback/items', body);
      assert.equal(errorCode(r), code, `${JSON.stringify(body).slice(0, 80)} → ${r.status} ${r.text.slice(0, 200)}`);
      assert.ok(r.json.error.message, 'a message for people');
    }
    assert.equal((await items(admin)).total, before);
  });

  it('staff confirm or correct labels: the confirmed label is the effective one, audited; unknown labels are refused', async () => {
    const item = (await agent.post('/api/v1/feedback/items', { store_id: SH01, text: '周末收银排队排了二十分钟' })).json;
    assert.equal(item.topic.confirmed, false);
    let r = await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { topic: 'queueing' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.topic.label, 'queueing');
    assert.equal(r.json.topic.confirmed, true);
    assert.equal(r.json.sentiment.confirmed, false);
    r = await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { sentiment: 'negative' });
    assert.equal(r.json.sentiment.label, 'negative');
    assert.equal(r.json.topic.label, 'queueing', 'the topic stays');
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { topic: 'weather' })), 'invalid_enum');
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { sentiment: 'meh' })), 'invalid_enum');
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/items/${item.id}/labels`, {})), 'required');
    const list = await items(supervisor, `?store_id=${SH01}&topic=queueing&sentiment=negative&confirmed=true`);
    assert.ok(list.items.some((x) => x.id === item.id));
  });

  it('the inbox pages newest first with a cursor, and filters by text', async () => {
    for (let i = 0; i < 5; i++) await agent.post('/api/v1/feedback/items', { store_id: SH01, text: `分页测试第${i}条` });
    const q = `?store_id=${SH01}&q=${encodeURIComponent('分页测试')}&limit=2`;
    const first = await items(supervisor, q);
    assert.equal(first.total, 5);
    assert.deepEqual(first.items.map((x) => x.text), ['分页测试第4条', '分页测试第3条']);
    const second = await items(supervisor, `${q}&before=${first.next_before}`);
    assert.deepEqual(second.items.map((x) => x.text), ['分页测试第2条', '分页测试第1条']);
    const third = await items(supervisor, `${q}&before=${second.next_before}`);
    assert.deepEqual(third.items.map((x) => x.text), ['分页测试第0条']);
    assert.equal(third.next_before, null);
  });

  it('the taxonomy starts with the retail topics; an admin adds and retires topics, and a retired topic is no label', async () => {
    let topics = (await agent.get('/api/v1/feedback/topics')).json.items;
    assert.deepEqual(topics.slice(0, 3).map((t) => t.name), ['商品质量', '服务态度', '环境卫生']);
    assert.equal(topics.length, 11);
    assert.equal((await supervisor.request('PUT', '/api/v1/feedback/topics', { body: { code: 'toilets', name: '洗手间' } })).status, 403);
    let r = await admin.request('PUT', '/api/v1/feedback/topics', { body: { code: 'toilets', name: '洗手间', name_en: 'Toilets' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.items.length, 12);
    assert.equal(r.json.items.at(-1).code, 'toilets');
    r = await admin.request('PUT', '/api/v1/feedback/topics', { body: { code: 'Bad Code', name: 'x' } });
    assert.equal(errorCode(r), 'invalid_field');
    r = await admin.request('PUT', '/api/v1/feedback/topics', { body: { code: 'toilets', name: '洗手间', active: false } });
    const toilets = r.json.items.find((t) => t.code === 'toilets');
    assert.equal(toilets.active, false);
    const item = (await agent.post('/api/v1/feedback/items', { store_id: SH01, text: '洗手间没有纸了' })).json;
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/items/${item.id}/labels`, { topic: 'toilets' })), 'invalid_enum');
    topics = (await agent.get('/api/v1/feedback/topics')).json.items;
    assert.equal(topics.length, 12);
  });

  it('API tokens need feedback:read to read and feedback:write to write', async () => {
    const staffId = (await admin.get('/api/v1/staff')).json.items.find((s) => s.username === 'zhangmin').id;
    const token = async (scopes) => (await admin.post('/api/v1/api-tokens', { name: `fb-${scopes}`, staff_id: staffId, scopes })).json.token;
    const reader = server.client(await token(['feedback:read']));
    assert.equal((await reader.get('/api/v1/feedback/items')).status, 200);
    assert.equal((await reader.post('/api/v1/feedback/items', { store_id: SH01, text: '令牌写入' })).status, 403);
    const other = server.client(await token(['kb:read']));
    assert.equal((await other.get('/api/v1/feedback/items')).status, 403);
  });
});

// Running the organisation: the vocabularies, stores, departments and staff an admin
// sets up, and members registered at the desk.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('organisation and members', () => {
  let server, admin, agent, supervisor, dir;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    agent = await server.login('liuyang');
    supervisor = await server.login('chenjing');
    dir = await directory(admin);
  });
  after(async () => {
    await server?.dispose();
  });

  it('the vocabularies come with zh-CN labels', async () => {
    const r = await agent.get('/api/v1/meta/vocabulary');
    assert.equal(r.status, 200);
    const label = (list, code) => r.json[list].find((t) => t.code === code)?.zh;
    assert.equal(label('types', 'complaint'), '投诉');
    assert.equal(label('types', 'return'), '退换货');
    assert.equal(label('channels', 'service_desk'), '总服务台');
    assert.equal(label('statuses', 'resolved'), '已办结');
    assert.equal(label('task_statuses', 'done'), '已完成');
    assert.deepEqual(r.json.priorities.map((p) => p.code), ['P1', 'P2', 'P3', 'P4']);
  });

  it('only admins create stores, departments, staff and API tokens (403 for everyone else)', async () => {
    const SH01 = dir.storeByCode.SH01.id;
    for (const [p, body] of [
      ['/api/v1/stores', { code: 'NO1', name: '不允许' }],
      ['/api/v1/departments', { store_id: SH01, code: 'x', name: '不允许' }],
      ['/api/v1/staff', { username: 'nope', display_name: '不', role: 'agent', password: 'secret123' }],
      ['/api/v1/api-tokens', { name: 'x', staff_id: agent.me.id, scopes: ['tickets:read'] }],
    ]) {
      for (const who of [agent, supervisor]) {
        const r = await who.post(p, body);
        assert.equal(r.status, 403, `${who.me.username} POST ${p}: ${r.text}`);
        assert.equal(errorCode(r), 'forbidden');
      }
    }
  });

  it('a new store, its 保安部 and a new agent: the agent logs in and works in that store only', async () => {
    const store = await admin.post('/api/v1/stores', {
      code: 'HZ01',
      name: '恒悦百货（杭州湖滨店）',
      address: '浙江省杭州市上城区延安路258号',
      hours: [
        { weekday: 6, open: '10:00', close: '22:00' },
        { weekday: 0, open: '10:00', close: '22:00' },
      ],
    });
    assert.equal(store.status, 201, store.text);
    assert.equal(store.json.timezone, 'Asia/Shanghai');
    assert.equal(store.json.hours.length, 2);
    const dupe = await admin.post('/api/v1/stores', { code: 'HZ01', name: '重复' });
    assert.equal(dupe.status, 409);
    const badHours = await admin.post('/api/v1/stores', {
      code: 'HZ09',
      name: 'x',
      hours: [{ weekday: 1, open: '22:00', close: '10:00' }],
    });
    assert.equal(badHours.status, 400);
    assert.equal(errorCode(badHours), 'invalid_time');

    const dept = await admin.post('/api/v1/departments', {
      store_id: store.json.id,
      code: 'security',
      name: '保安部',
      kind: 'security',
    });
    assert.equal(dept.status, 201, dept.text);
    assert.equal(dept.json.kind, 'security');
    const badKind = await admin.post('/api/v1/departments', { store_id: store.json.id, code: 'x', name: 'x', kind: 'spa' });
    assert.equal(badKind.status, 400);
    assert.equal(errorCode(badKind), 'invalid_enum');

    const short = await admin.post('/api/v1/staff', {
      username: 'hz_agent',
      display_name: '钱多多',
      role: 'agent',
      password: 'short',
      store_ids: [store.json.id],
    });
    assert.equal(short.status, 400);
    assert.equal(errorCode(short), 'too_short');
    const staff = await admin.post('/api/v1/staff', {
      username: 'hz_agent',
      display_name: '钱多多',
      role: 'agent',
      password: 'hz-secret-1',
      store_ids: [store.json.id],
      department_ids: [dept.json.id],
    });
    assert.equal(staff.status, 201, staff.text);
    assert.deepEqual(staff.json.store_ids, [store.json.id]);
    const taken = await admin.post('/api/v1/staff', {
      username: 'hz_agent',
      display_name: '另一个',
      role: 'agent',
      password: 'hz-secret-2',
    });
    assert.equal(taken.status, 409);
    assert.equal(errorCode(taken), 'username_taken');

    const hz = await server.login('hz_agent', 'hz-secret-1');
    const stores = await hz.get('/api/v1/stores');
    assert.deepEqual(stores.json.items.map((s) => s.code), ['HZ01']);
    const t = await hz.post('/api/v1/tickets', newTicket(store.json.id, { subject: '西湖边门店第一张工单' }));
    assert.equal(t.status, 201, t.text);
    assert.equal(t.json.owner_id, staff.json.id);
    const list = await hz.get('/api/v1/tickets');
    assert.deepEqual(list.json.items.map((x) => x.id), [t.json.id]);
    // And the old stores' agents do not see the new store.
    assert.equal((await agent.get(`/api/v1/tickets/${t.json.id}`)).status, 404);
    assert.ok(!(await agent.get('/api/v1/stores')).json.items.some((s) => s.code === 'HZ01'));
  });

  it('members: registered at the desk, found by phone in any notation or by member number', async () => {
    const r = await agent.post('/api/v1/members', {
      name: '陈阿姨',
      phone: '139-0000-1111',
      tier: 'silver',
      birthday: '1958-03-08',
      care_flags: ['elderly'],
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.phone, '139****1111', 'the agent sees the number masked even in the answer');
    assert.match(r.json.member_no, /^M\d{8}$/);
    // Care flags are sensitive personal data: the agent learns only that care is needed.
    assert.deepEqual(r.json.care_flags, []);
    assert.equal(r.json.needs_care, true);

    const again = await agent.post('/api/v1/members', { name: '陈阿姨', phone: '+86 139 0000 1111' });
    assert.equal(again.status, 409);
    assert.equal(errorCode(again), 'member_exists');

    for (const q of ['13900001111', '+86 13900001111', '１３９００００１１１１', r.json.member_no, r.json.member_no.toLowerCase()]) {
      const found = await supervisor.post('/api/v1/members/lookup', { q });
      assert.equal(found.status, 200, `q=${q}: ${found.text}`);
      assert.equal(found.json.items.length, 1, `q=${q}`);
      assert.equal(found.json.items[0].id, r.json.id);
      assert.equal(found.json.items[0].phone, '13900001111');
    }
    const none = await agent.post('/api/v1/members/lookup', { phone: '13900009999' });
    assert.deepEqual(none.json.items, []);
    const bad = await agent.post('/api/v1/members/lookup', { phone: 'not-a-phone' });
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'invalid_phone');
    const badTier = await agent.post('/api/v1/members', { name: '甲', phone: '13900002222', tier: 'diamond' });
    assert.equal(badTier.status, 400);
    assert.equal(errorCode(badTier), 'invalid_enum');

    // A ticket can be linked to the member, and filtered by it.
    const SH01 = dir.storeByCode.SH01.id;
    const t = await agent.post('/api/v1/tickets', newTicket(SH01, { member_id: r.json.id, subject: '陈阿姨借用轮椅' }));
    assert.equal(t.status, 201);
    const byMember = await agent.get(`/api/v1/tickets?member_id=${r.json.id}`);
    assert.deepEqual(byMember.json.items.map((x) => x.id), [t.json.id]);
  });

  // BUG: create_member() (src/members/app/members.cpp) only checks the shape of the birthday
  // (length 10, '-' at 4 and 7), so POST /api/v1/members {"birthday":"2024-13-45"} is 201
  // and the impossible date is stored; expected 400 invalid_date.
  it('an impossible birthday is refused (400 invalid_date)', async () => {
    const r = await agent.post('/api/v1/members', { name: '乙', phone: '13900003333', birthday: '2024-13-45' });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorCode(r), 'invalid_date');
    assert.equal(r.json.error.field, 'birthday');
  });

  // BUG: create_store() (src/org/app/org.cpp) only checks that the timezone is non-empty text,
  // so POST /api/v1/stores {"timezone":"Mars/Olympus"} is 201; the business calendar of that
  // store cannot be computed later. Expected 400 naming the field timezone.
  it('a store with an unknown time zone is refused (400)', async () => {
    const r = await admin.post('/api/v1/stores', { code: 'MARS1', name: '火星店', timezone: 'Mars/Olympus' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, 'timezone');
  });
});

// The live wallboard (GET /api/v1/reports/live): its figures move with what happens in
// the store — tickets created through the API, a chat started by a customer — and its
// overdue count is the ticket list's overdue view. Supervisors and up, their stores only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, allTickets } from './lib/server.mjs';
import { startChat } from './lib/chat.mjs';

describe('live wallboard', () => {
  let server, admin, supervisor, dir, sh, cd;

  before(async () => {
    server = await KefuServer.start({ tickets: 80, members: 10 });
    admin = await server.login('admin');
    supervisor = await server.login('chenjing');
    dir = await directory(admin);
    sh = dir.storeByCode.SH01.id;
    cd = dir.storeByCode.CD01.id;
  });
  after(() => server?.dispose());

  const live = async (client, query = '') => {
    const r = await client.get(`/api/v1/reports/live${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const channelCount = (b, code) => b.contacts.by_channel.find((c) => c.channel === code)?.count ?? 0;

  it("counts today's contacts, open tickets and hot topics as tickets are created", async () => {
    const before = await live(supervisor);
    assert.equal(before.store_id, null);
    assert.equal(before.store_name, dir.storeByCode.SH01.name); // chenjing serves one store
    assert.ok(before.from <= before.as_of && before.as_of - before.from < 24 * 3600 * 1000);
    for (let i = 0; i < 3; i++) {
      const r = await supervisor.post('/api/v1/tickets', newTicket(sh, { channel: 'hotline', category: '大屏测试' }));
      assert.equal(r.status, 201, r.text);
    }
    const after = await live(supervisor);
    assert.equal(after.contacts.tickets, before.contacts.tickets + 3);
    assert.equal(after.contacts.total, before.contacts.total + 3);
    assert.equal(channelCount(after, 'hotline'), channelCount(before, 'hotline') + 3);
    assert.equal(after.contacts.by_channel.find((c) => c.channel === 'hotline').label, '客服热线');
    assert.equal(after.tickets.open, before.tickets.open + 3);
    assert.ok(after.hot_topics.some((t) => t.category === '大屏测试' && t.count === 3), JSON.stringify(after.hot_topics));
  });

  it('counts a chat started today and shows it waiting in its queue', async () => {
    const before = await live(supervisor, `?store_id=${sh}`);
    const chat = await startChat(server.base, sh, { queue: 'parking', name: '大屏顾客' });
    const after = await live(supervisor, `?store_id=${sh}`);
    assert.equal(after.contacts.chats, before.contacts.chats + 1);
    assert.equal(channelCount(after, 'live_chat'), channelCount(before, 'live_chat') + 1);
    if (chat.conversation.status === 'queued') {
      const q = after.chat.queues.find((x) => x.queue === 'parking');
      assert.ok(q && q.waiting >= 1 && q.label === '停车', JSON.stringify(after.chat));
      assert.ok(after.chat.waiting >= 1 && after.chat.longest_wait_ms >= 0);
    }
    assert.equal(after.agents.available, after.agents.online - after.agents.busy);
  });

  it("overdue is the ticket list's overdue view; due soon is within the next 30 minutes", async () => {
    const b = await live(supervisor, `?store_id=${sh}`);
    const overdue = await allTickets(supervisor, `store_id=${sh}&overdue=1`);
    assert.equal(b.breaching.overdue.count, overdue.length);
    assert.equal(b.breaching.window_ms, 30 * 60 * 1000);
    assert.ok(b.breaching.overdue.tickets.length <= 10);
    const ids = new Set(overdue.map((t) => t.id));
    for (const t of b.breaching.overdue.tickets) {
      assert.ok(ids.has(t.id), `${t.number} is not in the overdue view`);
      assert.ok(t.due_at <= b.as_of);
    }
    for (const t of b.breaching.due_soon.tickets) assert.ok(t.due_at > b.as_of && t.due_at <= b.as_of + 30 * 60 * 1000 + 1);
    const dues = b.breaching.overdue.tickets.map((t) => t.due_at);
    assert.deepEqual(dues, [...dues].sort((x, y) => x - y));
  });

  it("scopes to the caller's stores: another store is 404, an agent 403, an admin sees all", async () => {
    assert.equal((await supervisor.get(`/api/v1/reports/live?store_id=${cd}`)).status, 404);
    const agent = await server.login('zhangmin');
    assert.equal((await agent.get('/api/v1/reports/live')).status, 403);
    const all = await live(admin);
    let open = 0;
    for (const s of dir.stores) open += (await live(admin, `?store_id=${s.id}`)).tickets.open;
    assert.equal(all.store_name, '');
    assert.equal(all.tickets.open, open);
    assert.equal((await live(admin, `?store_id=${sh}`)).store_id, sh);
  });
});

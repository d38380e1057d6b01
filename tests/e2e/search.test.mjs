// Finding tickets: Chinese free-text search, store scope, cursor pagination and filters.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, allTickets, newTicket, errorCode } from './lib/server.mjs';

describe('search, pagination and filters', () => {
  let server, admin, agentA, agentB, SH01, CD01;
  const mine = {};
  let foreignParking;
  let startedAt;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    agentA = await server.login('zhangmin');
    agentB = await server.login('maxiaoyu');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    startedAt = Date.now() - 1000;
    const make = async (client, store, fields) => {
      const r = await client.post('/api/v1/tickets', newTicket(store, fields));
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    mine.parking = await make(agentA, SH01, { type: 'complaint', subject: '停车场收费太贵了' });
    mine.size = await make(agentA, SH01, {
      type: 'return',
      subject: '换货',
      description: '这件衣服尺码偏小想换大一号',
    });
    mine.refund = await make(agentA, SH01, { type: 'return', priority: 'P2', subject: '我要退货' });
    mine.sku = await make(agentA, SH01, { type: 'complaint', subject: 'SKU-12345 的鞋子开胶' });
    mine.app = await make(agentA, SH01, { channel: 'app', subject: 'APP 订单查询' });
    foreignParking = await make(agentB, CD01, { type: 'complaint', subject: '成都店停车场收费太贵了' });
  });
  after(async () => {
    await server?.dispose();
  });

  const search = async (client, q, extra = '') => {
    const r = await client.get(`/api/v1/tickets?q=${encodeURIComponent(q)}&limit=200${extra}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };
  const ids = (items) => items.map((t) => t.id);

  it('q=停车 finds 停车场收费太贵了', async () => {
    const found = await search(agentA, '停车');
    assert.ok(ids(found).includes(mine.parking.id), 'found the parking ticket');
    assert.ok(!ids(found).includes(mine.size.id));
    assert.ok(!ids(found).includes(mine.refund.id));
  });

  it('q=尺码 finds the size exchange (the word is inside the description)', async () => {
    const found = await search(agentA, '尺码');
    assert.ok(ids(found).includes(mine.size.id));
    assert.ok(!ids(found).includes(mine.parking.id));
  });

  it('q=退货 finds 我要退货', async () => {
    const found = await search(agentA, '退货');
    assert.ok(ids(found).includes(mine.refund.id));
    assert.ok(!ids(found).includes(mine.parking.id));
  });

  it('q=SKU-12345 finds the shoe complaint', async () => {
    const found = await search(agentA, 'SKU-12345');
    assert.ok(ids(found).includes(mine.sku.id));
    assert.ok(!ids(found).includes(mine.parking.id));
    assert.ok(!ids(found).includes(mine.refund.id));
    const lower = await search(agentA, 'sku-12345');
    assert.ok(ids(lower).includes(mine.sku.id), 'case-insensitive');
  });

  it('full-width input is normalised: ＳＫＵ－１２３４５ finds SKU-12345', async () => {
    const found = await search(agentA, 'ＳＫＵ－１２３４５');
    assert.ok(ids(found).includes(mine.sku.id));
  });

  it('search syntax in q is plain text, never an error: "退货", -退货, OR, *, quotes', async () => {
    for (const q of ['"退货"', '-退货', '退货 OR', '*', 'NEAR(退货)', "'", '\\', 'a"b']) {
      const r = await agentA.get(`/api/v1/tickets?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, `q=${q}: ${r.text}`);
    }
    assert.ok(ids(await search(agentA, '"退货"')).includes(mine.refund.id));
  });

  it('search results page through a cursor too, each row once', async () => {
    const q = encodeURIComponent('顾客');
    const whole = ids(await search(agentA, '顾客'));
    assert.ok(whole.length > 6, `enough matches (${whole.length})`);
    const seen = [];
    let cursor = null;
    for (let page = 0; page < 100; page++) {
      const r = await agentA.get(`/api/v1/tickets?q=${q}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200);
      seen.push(...ids(r.json.items));
      cursor = r.json.next_cursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen, whole);
  });

  it('a ticket is found by its number and by what was written in a note', async () => {
    const byNumber = await search(agentA, mine.refund.number);
    assert.deepEqual(ids(byNumber), [mine.refund.id]);
    const note = await agentA.post(`/api/v1/tickets/${mine.refund.id}/notes`, { body: '顾客说收银员态度很好' });
    assert.equal(note.status, 201);
    const byNote = await search(agentA, '收银员态度');
    assert.ok(ids(byNote).includes(mine.refund.id));
  });

  it('nothing matches nonsense; a query over 200 characters is refused', async () => {
    assert.deepEqual(await search(agentA, '龘靐齉'), []);
    const long = await agentA.get(`/api/v1/tickets?q=${encodeURIComponent('停'.repeat(201))}`);
    assert.equal(long.status, 400);
    assert.equal(errorCode(long), 'too_long');
  });

  it('search respects store scope', async () => {
    const a = await search(agentA, '停车');
    assert.ok(!ids(a).includes(foreignParking.id), "store A's agent does not find store B's ticket");
    assert.ok(a.every((t) => t.store_id === SH01));
    const b = await search(agentB, '停车');
    assert.ok(ids(b).includes(foreignParking.id));
    assert.ok(!ids(b).includes(mine.parking.id));
    assert.ok(b.every((t) => t.store_id === CD01));
    const all = await search(admin, '停车');
    assert.ok(ids(all).includes(foreignParking.id) && ids(all).includes(mine.parking.id));
    assert.equal(all.length, a.length + b.length);
  });

  it('pagination with a cursor returns every row exactly once, in order, for every sort', async () => {
    const truth = new Set(ids(await allTickets(admin, `store_id=${SH01}`)));
    assert.ok(truth.size > 50, `enough rows to page through (${truth.size})`);
    const rank = { P1: 1, P2: 2, P3: 3, P4: 4 };
    for (const sort of ['-created_at', 'created_at', '-updated_at', 'updated_at', 'priority', '-priority']) {
      const seen = [];
      const pages = [];
      let cursor = null;
      for (let page = 0; page < 200; page++) {
        const url = `/api/v1/tickets?sort=${sort}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const r = await agentA.get(url);
        assert.equal(r.status, 200, `${url}: ${r.text}`);
        assert.ok(r.json.items.length <= 7);
        seen.push(...r.json.items);
        pages.push(r.json.items.length);
        cursor = r.json.next_cursor;
        if (!cursor) break;
      }
      const seenIds = ids(seen);
      const dupes = seenIds.filter((id, i) => seenIds.indexOf(id) !== i);
      assert.deepEqual(dupes, [], `sort=${sort}: no row twice`);
      const missing = [...truth].filter((id) => !seenIds.includes(id));
      assert.deepEqual(missing, [], `sort=${sort}: no row missing`);
      assert.equal(seenIds.length, truth.size, `sort=${sort}`);
      // The order the sort promises holds across page boundaries.
      const key = sort.replace('-', '');
      const desc = sort.startsWith('-');
      for (let i = 1; i < seen.length; i++) {
        const a = key === 'priority' ? rank[seen[i - 1].priority] : seen[i - 1][key];
        const b = key === 'priority' ? rank[seen[i].priority] : seen[i][key];
        assert.ok(desc ? a >= b : a <= b, `sort=${sort}: row ${i} out of order (${a} then ${b})`);
      }
    }
  });

  it('a bad cursor or sort is a 400, not a crash', async () => {
    const cur = await agentA.get('/api/v1/tickets?cursor=garbage');
    assert.equal(cur.status, 400);
    assert.equal(errorCode(cur), 'invalid_cursor');
    const sort = await agentA.get('/api/v1/tickets?sort=subject');
    assert.equal(sort.status, 400);
    assert.equal(errorCode(sort), 'invalid_enum');
    const limit = await agentA.get('/api/v1/tickets?limit=many');
    assert.equal(limit.status, 400);
    assert.equal(errorCode(limit), 'invalid_type');
  });

  it('filters status, type, priority, channel and owner_id=me do what they say', async () => {
    const everything = await allTickets(agentA);
    const same = (got, want, what) =>
      assert.deepEqual(ids(got).sort((a, b) => a - b), ids(want).sort((a, b) => a - b), what);

    const fresh = await allTickets(agentA, 'status=new');
    assert.ok(fresh.length > 0);
    same(fresh, everything.filter((t) => t.status === 'new'), 'status=new');

    const open = await allTickets(agentA, 'status=new,in_progress');
    same(open, everything.filter((t) => ['new', 'in_progress'].includes(t.status)), 'status=new,in_progress');
    const repeated = await allTickets(agentA, 'status=new&status=in_progress');
    same(repeated, open, 'repeated parameter = comma list');

    const complaints = await allTickets(agentA, 'type=complaint');
    assert.ok(ids(complaints).includes(mine.parking.id) && ids(complaints).includes(mine.sku.id));
    same(complaints, everything.filter((t) => t.type === 'complaint'), 'type=complaint');

    const urgent = await allTickets(agentA, 'priority=P1,P2');
    assert.ok(ids(urgent).includes(mine.refund.id));
    same(urgent, everything.filter((t) => ['P1', 'P2'].includes(t.priority)), 'priority=P1,P2');

    const app = await allTickets(agentA, 'channel=app');
    same(app, everything.filter((t) => t.channel === 'app'), 'channel=app');

    const me = await allTickets(agentA, 'owner_id=me');
    same(me, everything.filter((t) => t.owner_id === agentA.me.id), 'owner_id=me');
    for (const t of [mine.parking, mine.size, mine.refund, mine.sku]) assert.ok(ids(me).includes(t.id));
    assert.ok(!ids(me).includes(mine.app.id), 'the unclaimed app ticket is nobody’s');
    const byId = await allTickets(agentA, `owner_id=${agentA.me.id}`);
    same(byId, me, 'owner_id=<my id> = owner_id=me');

    const combined = await allTickets(agentA, 'owner_id=me&type=return&status=new');
    same(combined, [mine.size, mine.refund], 'owner_id=me&type=return&status=new');

    const recent = await allTickets(agentA, `created_from=${startedAt}`);
    same(recent, Object.values(mine), 'created_from');
    const iso = new Date(startedAt).toISOString().replace(/\.\d+Z$/, 'Z');
    const recentIso = await allTickets(agentA, `created_from=${encodeURIComponent(iso)}`);
    same(recentIso, recent, 'created_from as RFC 3339');

    const searchAndFilter = await allTickets(agentA, `q=${encodeURIComponent('停车')}&type=complaint&owner_id=me`);
    assert.ok(ids(searchAndFilter).includes(mine.parking.id));
    assert.ok(searchAndFilter.every((t) => t.type === 'complaint' && t.owner_id === agentA.me.id));
  });
});

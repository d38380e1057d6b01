// Members (会员): one person found under several identities, two records merged by a supervisor
// with everything that hangs on them (tickets, purchases, points, identities), read and looked
// up through the kept record, then unmerged: exactly what moved goes back. Points: a redemption
// at the desk that would go negative is refused; tags and consent.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('members: identities, merge and unmerge, points at the desk', () => {
  let server, admin, agent, supervisor, SH01, wang, wang2;

  const expectStatus = (r, status, what) => assert.equal(r.status, status, `${what}: ${r.text.slice(0, 300)}`);

  before(async () => {
    server = await KefuServer.start({ tickets: 0, members: 0 });
    admin = await server.login('admin');
    agent = await server.login('liuyang');
    supervisor = await server.login('chenjing');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    let r = await agent.post('/api/v1/members', { name: '王芳', phone: '13812340001', home_store_id: SH01 });
    expectStatus(r, 201, 'member');
    wang = r.json;
    r = await agent.post('/api/v1/members', { name: '王芳', phone: '13812340002', home_store_id: SH01 });
    expectStatus(r, 201, 'second record');
    wang2 = r.json;
  });
  after(async () => {
    await server?.dispose();
  });

  const lookup = async (q) => (await agent.post('/api/v1/members/lookup', { q })).json.items.map((m) => m.id);
  const ticketMember = async (id) => (await agent.get(`/api/v1/tickets/${id}`)).json.member_id;

  it('a member is found by the card and the WeChat id added at the desk', async () => {
    let r = await agent.post(`/api/v1/members/${wang2.id}/identities`, { kind: 'card', value: 'C2026-0002' });
    expectStatus(r, 201, 'card');
    assert.equal(r.json.masked, true);
    r = await agent.post(`/api/v1/members/${wang.id}/identities`, { kind: 'wechat_openid', value: 'o6_wangfang' });
    expectStatus(r, 201, 'openid');
    assert.deepEqual(await lookup('C2026-0002'), [wang2.id]);
    assert.deepEqual(await lookup('o6_wangfang'), [wang.id]);
    r = await agent.post(`/api/v1/members/${wang.id}/identities`, { kind: 'card', value: 'C2026-0002' });
    expectStatus(r, 409, 'a card that is someone else\'s');
    assert.equal(errorCode(r), 'identity_taken');
  });

  it('merge moves tickets, purchases, points and identities; unmerge restores exactly', async () => {
    // What hangs on the second record: two tickets, a purchase (with its points), an adjustment.
    const tickets = [];
    for (const subject of ['停车收费', '会员积分未到账']) {
      const r = await agent.post('/api/v1/tickets', newTicket(SH01, { subject, member_id: wang2.id }));
      expectStatus(r, 201, 'ticket');
      tickets.push(r.json.id);
    }
    const own = await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '礼品包装', member_id: wang.id }));
    let r = await supervisor.post('/api/v1/purchases', {
      store_id: SH01, receipt_no: 'MERGE-0001', member_no: wang2.member_no, sold_at: Date.now() - 86400000,
      points_earned: 300, lines: [{ name: '针织开衫', category: 'clothing', quantity: 1, unit_price_fen: 30000 }],
    });
    expectStatus(r, 201, 'purchase');
    r = await supervisor.post(`/api/v1/members/${wang2.id}/points/adjust`, { points: 50, reason: '补录' });
    expectStatus(r, 201, 'adjust');
    r = await supervisor.post(`/api/v1/members/${wang.id}/points/adjust`, { points: 20, reason: '生日礼' });
    const before = {
      wang: (await agent.get(`/api/v1/members/${wang.id}/points`)).json.balance,
      wang2: (await agent.get(`/api/v1/members/${wang2.id}/points`)).json.balance,
    };
    assert.equal(before.wang, 20);
    assert.equal(before.wang2, 350);

    r = await agent.post(`/api/v1/members/${wang.id}/merge`, { other_id: wang2.id });
    expectStatus(r, 403, 'agents do not merge');
    r = await supervisor.get(`/api/v1/members/${wang.id}/merge-preview?other_id=${wang2.id}`);
    expectStatus(r, 200, 'preview');
    assert.equal(r.json.counts.tickets, 2);
    assert.equal(r.json.counts.purchase_orders, 1);
    assert.equal(r.json.counts.member_points, 2);
    assert.equal(r.json.counts.member_identities, 1);

    r = await supervisor.post(`/api/v1/members/${wang.id}/merge`, { other_id: wang2.id });
    expectStatus(r, 200, 'merge');
    const merge = r.json;
    assert.deepEqual(merge.moved.tickets, tickets);
    for (const t of tickets) assert.equal(await ticketMember(t), wang.id);
    assert.equal((await agent.get(`/api/v1/members/${wang.id}/points`)).json.balance, 370);
    // The retired record answers with the kept one, by id and by any of its keys.
    r = await agent.get(`/api/v1/members/${wang2.id}`);
    expectStatus(r, 200, 'merged id');
    assert.equal(r.json.id, wang.id);
    assert.equal(r.json.merged_from, wang2.id);
    assert.deepEqual(await lookup('13812340002'), [wang.id]);
    assert.deepEqual(await lookup(wang2.member_no), [wang.id]);
    assert.deepEqual(await lookup('C2026-0002'), [wang.id]);
    r = await agent.request('PUT', `/api/v1/members/${wang2.id}/tags`, { body: { tags: ['VIP'] } });
    expectStatus(r, 409, 'a change on the retired record');
    assert.equal(errorCode(r), 'member_merged');

    // A ticket opened after the merge stays with the kept member on the undo.
    const later = (await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '发票', member_id: wang.id }))).json.id;
    r = await supervisor.post(`/api/v1/members/${wang2.id}/unmerge`, { merge_id: merge.id });
    expectStatus(r, 200, 'unmerge');
    assert.ok(r.json.undone_at);
    for (const t of tickets) assert.equal(await ticketMember(t), wang2.id);
    assert.equal(await ticketMember(own.json.id), wang.id);
    assert.equal(await ticketMember(later), wang.id);
    assert.equal((await agent.get(`/api/v1/members/${wang.id}/points`)).json.balance, before.wang);
    assert.equal((await agent.get(`/api/v1/members/${wang2.id}/points`)).json.balance, before.wang2);
    assert.deepEqual(await lookup('C2026-0002'), [wang2.id]);
    assert.equal((await agent.get(`/api/v1/members/${wang2.id}`)).json.id, wang2.id);
    r = await supervisor.post(`/api/v1/members/${wang.id}/unmerge`, { merge_id: merge.id });
    expectStatus(r, 409, 'undone twice');
    assert.equal(errorCode(r), 'merge_invalid');
    const history = (await agent.get(`/api/v1/members/${wang.id}/history`)).json.items.map((e) => e.kind);
    assert.ok(history.includes('merged') && history.includes('unmerged'), history.join(','));
  });

  it('redeeming at the desk takes points and refuses a negative balance', async () => {
    const rewards = (await agent.get('/api/v1/members/points/rewards')).json.items;
    const parking = rewards.find((x) => x.code === 'parking_1h');
    assert.ok(parking, JSON.stringify(rewards));
    let r = await agent.post(`/api/v1/members/${wang2.id}/points/redeem`, { reward: 'parking_1h', quantity: 2 });
    expectStatus(r, 201, 'redeem');
    assert.equal(r.json.balance, 350 - 2 * parking.points);
    r = await agent.post(`/api/v1/members/${wang2.id}/points/redeem`, { reward: 'parking_day' });
    expectStatus(r, 409, 'not enough points');
    assert.equal(errorCode(r), 'points_insufficient');
    r = await agent.post(`/api/v1/members/${wang2.id}/points/adjust`, { points: -10, reason: 'x' });
    expectStatus(r, 403, 'adjusting is for supervisors');
    const page = (await agent.get(`/api/v1/members/${wang2.id}/points?limit=2`)).json;
    assert.equal(page.items.length, 2);
    assert.equal(page.items[0].kind, 'redeem');
    assert.ok(page.next_before);
  });

  it('tags, consent and the console search', async () => {
    let r = await agent.request('PUT', `/api/v1/members/${wang.id}/tags`, { body: { tags: ['VIP', ' 爱喝咖啡 ', 'VIP'] } });
    expectStatus(r, 200, 'tags');
    assert.deepEqual(r.json.tags.sort(), ['VIP', '爱喝咖啡'].sort());
    r = await agent.post(`/api/v1/members/${wang.id}/consents`, { channel: 'wechat', granted: true, source: 'desk' });
    expectStatus(r, 201, 'consent');
    assert.equal(r.json.current.find((s) => s.channel === 'wechat').granted, true);
    r = await agent.get(`/api/v1/members?tag=VIP`);
    assert.deepEqual(r.json.items.map((m) => m.id), [wang.id]);
    assert.equal(r.json.items[0].phone_masked, true);
  });
});

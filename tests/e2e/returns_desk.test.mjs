// The desk's return fast path through the API (退换货快速办理): a purchase pushed from the
// POS, found by its receipt number, returned within the agent's authority limit (resolved
// on the spot) and above it (pending, then approved by the supervisor in the existing
// approvals flow), a refusal, a second return that would exceed the units sold, and the
// returns report. SH01: zhangmin agent (limit ¥200), chenjing supervisor; CD01: gaoyan.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode, newTicket, sqlValue } from './lib/server.mjs';

const DAY = 86_400_000;

describe('returns at the desk', () => {
  let server, admin, agent, supervisor, otherStore, SH01, member;
  const tag = `${Date.now() % 1_000_000}`;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    otherStore = await server.login('gaoyan');
    const m = await admin.post('/api/v1/members', { name: '退货测试会员', phone: `139${tag.padStart(8, '0')}`, home_store_id: SH01 });
    assert.equal(m.status, 201, m.text);
    member = m.json;
  });
  after(async () => {
    await server?.dispose();
  });

  // A receipt of the member two days ago: a ¥150 shirt, a ¥800 coat, 3 pairs of socks.
  const sell = async (receipt, { days = 2 } = {}) => {
    const r = await supervisor.post('/api/v1/purchases', {
      store_id: SH01, receipt_no: receipt, member_id: member.id, sold_at: Date.now() - days * DAY,
      order_discount_fen: 1, points_earned: 1051, promotion: '满1000减0.01',
      lines: [
        { line_no: 1, name: '衬衫', brand: '甲牌', category: 'clothing', quantity: 1, unit_price_fen: 15000 },
        { line_no: 2, name: '大衣', brand: '乙牌', category: 'clothing', quantity: 1, unit_price_fen: 80000 },
        { line_no: 3, name: '袜子', brand: '甲牌', category: 'clothing', quantity: 3, unit_price_fen: 3334 },
      ],
    });
    assert.equal(r.status, 201, r.text);
    const found = await agent.post('/api/v1/returns/lookup', { receipt_no: receipt });
    assert.equal(found.status, 200, found.text);
    assert.equal(found.json.items.length, 1);
    return found.json.items[0];
  };
  const ask = (line, fields = {}) => ({ line_id: line.id, quantity: 1, reason: 'size_fit', condition: 'unopened', receipt: true, ...fields });

  it('within the agent\'s limit: the return ticket is resolved on the spot and the line counts it', async () => {
    const order = await sell(`RD-A-${tag}`);
    const shirt = order.lines[0];
    assert.equal(shirt.remaining_units, 1);
    const preview = await agent.post('/api/v1/returns', ask(shirt, { preview: true }));
    assert.equal(preview.status, 200, preview.text);
    assert.equal(preview.json.verdict.decision, 'approve');
    assert.equal(preview.json.return, null);

    const r = await agent.post('/api/v1/returns', ask(shirt), { headers: { 'idempotency-key': `rd-a-${tag}` } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.verdict.rule.id, 'no_reason_7');
    assert.equal(r.json.resolution_status, 'applied');
    assert.equal(r.json.return.state, 'done');
    assert.equal(r.json.return.refund_fen, shirt.paid_fen);
    assert.ok(r.json.return.points_clawed_back > 0);
    assert.equal(r.json.ticket.type, 'return');
    assert.equal(r.json.ticket.channel, 'service_desk');
    assert.equal(r.json.ticket.status, 'resolved');
    assert.equal(r.json.ticket.owner_id, agent.me.id);
    assert.equal(r.json.ticket.purchase_line_id, shirt.id);
    assert.equal(r.json.ticket.purchase_ref, `RD-A-${tag}`);

    // The same Idempotency-Key answers the first response, recording nothing twice.
    const again = await agent.post('/api/v1/returns', ask(shirt), { headers: { 'idempotency-key': `rd-a-${tag}` } });
    assert.equal(again.status, 201);
    assert.equal(again.json.return.id, r.json.return.id);

    const purchase = await supervisor.get(`/api/v1/purchases/${order.id}`);
    assert.equal(purchase.json.lines[0].returned_units, 1);
    const back = await supervisor.get(`/api/v1/purchases/${r.json.return.return_order_id}`);
    assert.equal(back.json.receipt_no, `KF-RT-${r.json.return.id}`);
    assert.equal(back.json.lines[0].original_line_id, shirt.id);
    const one = await agent.get(`/api/v1/returns/${r.json.return.id}`);
    assert.equal(one.status, 200);
    assert.equal(one.json.state, 'done');
    assert.equal((await otherStore.get(`/api/v1/returns/${r.json.return.id}`)).status, 404);
  });

  it('above the limit: pending, in the supervisor\'s approvals, then done once approved', async () => {
    const order = await sell(`RD-B-${tag}`);
    const coat = order.lines[1];
    const r = await agent.post('/api/v1/returns', ask(coat));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.verdict.decision, 'needs_approval');
    assert.equal(r.json.resolution_status, 'pending');
    assert.equal(r.json.return.state, 'pending_approval');
    assert.equal(r.json.ticket.status, 'new');
    // The unit waits: a second return of it is refused meanwhile.
    const second = await agent.post('/api/v1/returns', ask(coat));
    assert.equal(second.status, 400);
    assert.equal(errorCode(second), 'invalid_field');

    const approvals = (await supervisor.get('/api/v1/approvals')).json.items;
    const mine = approvals.find((a) => a.resolution?.id === r.json.return.remedy_id || a.id === r.json.return.remedy_id);
    assert.ok(mine, JSON.stringify(approvals).slice(0, 400));
    const ok = await supervisor.post(`/api/v1/resolutions/${r.json.return.remedy_id}/approve`, {});
    assert.equal(ok.status, 200, ok.text);
    const done = (await agent.get(`/api/v1/returns/${r.json.return.id}`)).json;
    assert.equal(done.state, 'done');
    assert.ok(done.return_order_id);
    assert.equal((await agent.get(`/api/v1/tickets/${r.json.ticket.id}`)).json.status, 'resolved');
    const purchase = await supervisor.get(`/api/v1/purchases/${order.id}`);
    assert.equal(purchase.json.lines[1].returned_units, 1);
  });

  it('a refusal records nothing; a supervisor may override it with a reason', async () => {
    const order = await sell(`RD-C-${tag}`, { days: 12 });
    const r = await agent.post('/api/v1/returns', ask(order.lines[0]));
    assert.equal(r.status, 409, r.text);
    assert.equal(errorCode(r), 'return_refused');
    const listed = (await supervisor.get(`/api/v1/returns?line_id=${order.lines[0].id}`)).json.items;
    assert.equal(listed.length, 0);
    const forbidden = await agent.post('/api/v1/returns', ask(order.lines[0], { override_reason: '破例' }));
    assert.equal(forbidden.status, 403);
    const over = await supervisor.post('/api/v1/returns', ask(order.lines[0], { override_reason: '老顾客，破例受理' }));
    assert.equal(over.status, 201, over.text);
    assert.equal(over.json.return.decision, 'refuse');
    assert.equal(over.json.return.override_reason, '老顾客，破例受理');
    assert.equal(over.json.return.state, 'done');
  });

  it('partial returns sum to what the line paid and cannot exceed the units sold', async () => {
    const order = await sell(`RD-D-${tag}`);
    const socks = order.lines[2];
    let refunded = 0;
    for (const quantity of [2, 1]) {
      const r = await agent.post('/api/v1/returns', ask(socks, { quantity }));
      assert.equal(r.status, 201, r.text);
      refunded += r.json.return.refund_fen;
    }
    assert.equal(refunded, socks.paid_fen);
    const more = await agent.post('/api/v1/returns', ask(socks));
    assert.equal(more.status, 400);
    assert.equal(errorCode(more), 'invalid_field');
  });

  it('a ticket carries a purchase line of its store; its receipt fills purchase_ref', async () => {
    const order = await sell(`RD-E-${tag}`);
    const line = order.lines[0];
    const created = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'return', subject: '换码', purchase_line_id: line.id }));
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.purchase_line_id, line.id);
    assert.equal(created.json.purchase_ref, `RD-E-${tag}`);
    const CD01 = (await directory(admin)).storeByCode.CD01.id;
    const elsewhere = await admin.post('/api/v1/tickets', newTicket(CD01, { subject: '别店', purchase_line_id: line.id }));
    assert.equal(elsewhere.status, 400);
    assert.equal(errorCode(elsewhere), 'unknown_reference');
    const plain = (await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '后补购买行' }))).json;
    const patched = await agent.patch(`/api/v1/tickets/${plain.id}`, { purchase_line_id: line.id, version: plain.version });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.purchase_line_id, line.id);
    assert.equal(patched.json.purchase_ref, `RD-E-${tag}`);
    const cleared = await agent.patch(`/api/v1/tickets/${plain.id}`, { purchase_line_id: null, version: patched.json.version });
    assert.equal(cleared.json.purchase_line_id, null);
  });

  it('by phone: found however it is typed, through the desk\'s member lookup (audited); an unknown phone finds no orders', async () => {
    const receipt = `RD-P-${tag}`;
    await sell(receipt);
    const phone = `139${tag.padStart(8, '0')}`;
    const before = Number(await sqlValue(server, "SELECT count(*) FROM audit_log WHERE action = 'member.lookup'"));
    const typed = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const r = await agent.post('/api/v1/returns/lookup', { phone: typed });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.some((o) => o.receipt_no === receipt), r.text);
    const none = await agent.post('/api/v1/returns/lookup', { phone: '13600000000' });
    assert.equal(none.status, 200, none.text);
    assert.deepEqual(none.json.items, []);
    const after = Number(await sqlValue(server, "SELECT count(*) FROM audit_log WHERE action = 'member.lookup'"));
    assert.equal(after, before + 2);
  });

  it('the returns report counts returned units against sold ones, by brand, for supervisors', async () => {
    const query = `?store_id=${SH01}&from=${Date.now() - 30 * DAY}&to=${Date.now() + 60_000}&by=brand`;
    assert.equal((await agent.get(`/api/v1/reports/returns${query}`)).status, 403);
    const r = await supervisor.get(`/api/v1/reports/returns${query}`);
    assert.equal(r.status, 200, r.text);
    const jia = r.json.groups.find((g) => g.key === '甲牌');
    assert.ok(jia, JSON.stringify(r.json.groups));
    assert.ok(jia.sold_units >= 20, JSON.stringify(jia)); // 5 receipts × (1 shirt + 3 socks)
    assert.ok(jia.returned_units >= 5, JSON.stringify(jia)); // shirt A, shirt C, 3 socks
    assert.ok(jia.unit_rate > 0 && jia.unit_rate <= 1);
    assert.ok(r.json.reasons.some((x) => x.reason === 'size_fit' && x.key === '甲牌'));
    assert.equal((await otherStore.get(`/api/v1/reports/returns${query}`)).status, 404); // another store's
  });
});

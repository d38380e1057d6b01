// The member page (会员 360) and the value of a customer, end to end: purchases pushed as
// the POS would, the value read back with its rhythm, a complaint that puts the member at
// risk and gets the tighter SLA policy for a high-value member, the overview masked per
// role, and the value-at-risk report.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket } from './lib/server.mjs';

const DAY = 86_400_000;

describe('members 360: the page, the value, the risk', () => {
  let server, admin, agent, sup, SH01, regular, newcomer, policy;

  const ok = (r, status = 200) => {
    assert.equal(r.status, status, r.text);
    return r.json;
  };

  before(async () => {
    server = await KefuServer.start({ tickets: 0, members: 0 });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    sup = await server.login('chenjing');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    regular = ok(await sup.post('/api/v1/members', { name: '周敏', phone: '13911112222', tier: 'gold', home_store_id: SH01 }), 201);
    newcomer = ok(await sup.post('/api/v1/members', { name: '吴昊', phone: '13933334444', home_store_id: SH01 }), 201);
    // Ten weekly visits of ¥500, the last three days ago; the first one's scarf returned.
    const now = Date.now();
    for (let w = 0; w < 10; w++) {
      ok(
        await admin.post('/api/v1/purchases', {
          store_id: SH01,
          receipt_no: `E2E360-${w}`,
          member_no: regular.member_no,
          sold_at: now - (3 + w * 7) * DAY,
          points_earned: 50,
          lines: [
            { name: '羊绒围巾', brand: '鄂尔多斯', category: 'clothing', quantity: 1, unit_price_fen: 40_000 },
            { name: '面霜', brand: '兰蔻', category: 'cosmetics', quantity: 1, unit_price_fen: 10_000 },
          ],
        }),
        201,
      );
    }
    ok(
      await admin.post('/api/v1/purchases', {
        store_id: SH01,
        receipt_no: 'E2E360-R',
        member_no: regular.member_no,
        sold_at: now - 2 * DAY,
        lines: [{ name: '羊绒围巾', category: 'clothing', quantity: -1, unit_price_fen: 40_000, original_receipt_no: 'E2E360-9', original_line_no: 1 }],
      }),
      201,
    );
    // A tighter promise for complaints of members worth ¥30,000 or more, tried first.
    const positions = ok(await admin.get('/api/v1/sla/policies')).items.map((p) => p.position);
    policy = ok(
      await admin.post('/api/v1/sla/policies', {
        name: '高价值会员投诉',
        position: Math.min(...positions) - 1,
        conditions: { types: ['complaint'], min_member_value_fen: 3_000_000 },
        targets: { first_response: { minutes: 10, mode: 'calendar' }, resolution: { minutes: 240, mode: 'calendar' } },
        ladder: [],
      }),
      201,
    );
    assert.equal(policy.conditions.min_member_value_fen, 3_000_000);
  });
  after(async () => {
    await server?.dispose();
  });

  it('the value follows the member’s own rhythm and spend, returns netted', async () => {
    const v = ok(await agent.get(`/api/v1/members/${regular.id}/value`));
    assert.equal(v.member_id, regular.id);
    assert.equal(v.visits, 10);
    assert.equal(v.median_gap_days, 7);
    assert.equal(v.paid_total_fen, 10 * 50_000 - 40_000);
    assert.equal(v.own_spend_per_visit_fen, 46_000);
    // Shrunk towards the default ¥300 a visit with the weight of 3 visits: (460,000 + 90,000) / 13.
    assert.equal(v.spend_per_visit_fen, 42_308);
    assert.equal(v.prior.source, 'default');
    assert.ok(v.clv_fen > 3_000_000, `CLV ${v.clv_fen}`);
    assert.equal(v.word_of_mouth_fen, v.clv_if_retained_fen * 20);
    assert.equal(v.at_risk, false);
    assert.deepEqual(v.reasons, []);
    assert.match(v.explanation.zh, /^每年约 [0-9.]+ 次 × 每次 ¥423 × 预期 [0-9.]+ 年 = ¥[0-9,]+$/);
    // A member who bought nothing yet is worth the store's average: below the threshold.
    const n = ok(await agent.get(`/api/v1/members/${newcomer.id}/value`));
    assert.equal(n.visits, 0);
    assert.ok(n.clv_fen < 3_000_000, `CLV ${n.clv_fen}`);
  });

  it('a high-value member’s complaint gets the tighter policy; the member is then at risk', async () => {
    const t = ok(await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject: '围巾起球', member_id: regular.id })), 201);
    assert.equal(t.sla_policy_id, policy.id);
    const other = ok(await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject: '排队太久', member_id: newcomer.id })), 201);
    assert.notEqual(other.sla_policy_id, policy.id);
    const inquiry = ok(await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '营业时间', member_id: regular.id })), 201);
    assert.notEqual(inquiry.sla_policy_id, policy.id);

    const v = ok(await agent.get(`/api/v1/members/${regular.id}/value`));
    assert.equal(v.at_risk, true);
    assert.equal(v.at_risk_fen, v.clv_if_retained_fen);
    assert.deepEqual(v.reasons.map((r) => r.code), ['open_complaint']);
    assert.equal(v.reasons[0].zh, '有 1 个未办结的投诉');
  });

  it('the overview gathers everything, the phone masked for an agent', async () => {
    const o = ok(await agent.get(`/api/v1/members/${regular.id}/overview`));
    assert.equal(o.member.phone, '139****2222');
    assert.equal(o.member.phone_masked, true);
    assert.equal(o.points, 500);
    assert.equal(o.purchases.all_time.visits, 10);
    assert.equal(o.purchases.all_time.paid_fen, 460_000);
    assert.equal(o.purchases.recent.length, 11);
    assert.equal(o.purchases.months.length, 12);
    assert.equal(o.purchases.months.reduce((s, m) => s + m.paid_fen, 0), 460_000);
    assert.deepEqual(o.purchases.top_categories.map((c) => c.key), ['clothing', 'cosmetics']);
    assert.equal(o.tickets.length, 2);
    assert.equal(o.value.at_risk, true);
    const full = ok(await sup.get(`/api/v1/members/${regular.id}/overview`));
    assert.equal(full.member.phone, '13911112222');
  });

  it('the value-at-risk report lists the member for a supervisor, not for an agent', async () => {
    const r = ok(await sup.get(`/api/v1/reports/value-at-risk?store_id=${SH01}`));
    const row = r.members.find((m) => m.member.id === regular.id);
    assert.ok(row, JSON.stringify(r));
    assert.ok(r.total_at_risk_fen >= row.at_risk_fen);
    assert.ok(r.reasons.some((x) => x.code === 'open_complaint' && x.members >= 2));
    assert.equal((await agent.get('/api/v1/reports/value-at-risk')).status, 403);
  });
});

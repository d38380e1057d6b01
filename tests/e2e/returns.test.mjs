// The returns policy engine over HTTP: the defaults in force, a store manager's edit tried
// against case rows and saved as a version (a stale save refused), and a decision on a
// purchase line kefu holds — the 满减 share, the points, the 满赠 gift and the agent's
// authority limit — with nothing written by deciding.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory } from './lib/server.mjs';

const DAY = 86_400_000;

describe('returns: the policy and the decision', () => {
  let server, admin, agent, supervisor, manager, SH01;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    manager = await server.login('wangli');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
  });
  after(async () => {
    await server?.dispose();
  });

  it('a manager edits the store policy: tried first, saved as a version, a stale save refused', async () => {
    let r = await agent.get(`/api/v1/returns/policy?store_id=${SH01}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.uses_defaults, true);
    const rules = r.json.rules.filter((x) => x.id !== 'gold_15');
    const goldDay10 = {
      category: 'clothing', condition: 'opened', days: 10, receipt: 'yes', quality_issue: false, tier: 'gold', paid_fen: 29900,
      decision: 'approve', rule: 'gold_15', refund_fen: 29900,
    };
    r = await manager.post('/api/v1/returns/policy/check', { rules, cases: [goldDay10] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.failed, 1);
    assert.match(r.json.results[0].story.zh, /after_window/);

    r = await agent.request('PUT', '/api/v1/returns/policy', { body: { store_id: SH01, version: 0, rules } });
    assert.equal(r.status, 403, 'an agent may not save');
    r = await manager.request('PUT', '/api/v1/returns/policy', { body: { store_id: SH01, version: 0, rules: [{ ...rules[0], match: { max_days: -1 } }] } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'rules[0].match.max_days');
    r = await manager.request('PUT', '/api/v1/returns/policy', { body: { store_id: SH01, version: 0, rules, note: '取消金卡延长' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.version, 1);
    r = await manager.request('PUT', '/api/v1/returns/policy', { body: { store_id: SH01, version: 0, defaults: true } });
    assert.equal(r.status, 409);
    r = await manager.request('PUT', '/api/v1/returns/policy', { body: { version: 1, defaults: true } });
    assert.equal(r.status, 403, "the chain's policy is the admin's");
    r = await agent.get(`/api/v1/returns/policy/history?store_id=${SH01}`);
    assert.deepEqual(r.json.items.map((v) => [v.version, v.note]), [[1, '取消金卡延长']]);
    r = await manager.request('PUT', '/api/v1/returns/policy', { body: { store_id: SH01, version: 1, defaults: true } });
    assert.equal(r.json.uses_defaults, true);
  });

  it('decides on a purchase line kefu holds, within and above the agent’s limit, writing nothing', async () => {
    const receipt = `RT${Date.now()}`;
    const sale = await supervisor.post('/api/v1/purchases', {
      store_id: SH01, receipt_no: receipt, sold_at: Date.now() - 2 * DAY, order_discount_fen: 5000, promotion: '满300赠帆布袋',
      lines: [
        { name: '羊毛大衣', category: 'clothing', quantity: 1, unit_price_fen: 30000 },
        { name: '围巾', category: 'clothing', quantity: 2, unit_price_fen: 5000 },
        { name: '帆布袋', category: 'other', quantity: 1, unit_price_fen: 3900, line_discount_fen: 3900, gift: true },
      ],
    });
    assert.equal(sale.status, 201, sale.text);
    const [coat, scarf] = sale.json.lines;
    // 满减 50.00 over 300 + 100: the coat paid 262.50, the two scarves 87.50.
    let r = await agent.post('/api/v1/returns/decide', { line_id: scarf.id, condition: 'unopened', quantity: 1 });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.decision, 'approve');
    assert.equal(r.json.rule.id, 'no_reason_7');
    assert.equal(r.json.refund.amount_fen, 4375);
    assert.ok(r.json.refund.explanation.length >= 2);
    r = await agent.post('/api/v1/returns/decide', { line_id: coat.id, condition: 'opened' });
    assert.equal(r.json.decision, 'needs_approval', '262.50 is above an agent’s 200.00');
    assert.equal(r.json.approver_role, 'dept_head');
    assert.equal(r.json.refund.gifts_to_return[0].name, '帆布袋');
    r = await supervisor.post('/api/v1/returns/decide', { line_id: coat.id, condition: 'opened' });
    assert.equal(r.json.decision, 'approve');
    r = await agent.post('/api/v1/returns/decide', { line_id: coat.id, condition: 'used' });
    assert.equal(r.json.decision, 'refuse');
    assert.equal(r.json.refund.amount_fen, 0);
    const again = await agent.get(`/api/v1/purchases/${sale.json.id}`);
    assert.equal(again.json.lines[1].returned_units, 0, 'deciding writes nothing');
  });
});

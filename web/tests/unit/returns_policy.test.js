// The returns policy page as a store manager meets it: the rules read in words, a rule moves,
// an edit is tried against the same case table the server's tests run, and saving sends the
// version it was based on.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import PolicyView from '../../src/console/features/returns/views/PolicyView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { moveRule, newRule, parseCaseTable, ruleWhen, cloneRule } from '../../src/console/features/returns/lib/rules.js';
import { defaultCases } from '../../src/console/features/returns/lib/cases.js';
import { flush, globalOptions, mockFetch } from './helpers.js';

const gold = {
  id: 'gold_15', name: '金卡会员 15 天无理由退货', enabled: true,
  scope: { categories: [], brands: [], store_ids: [], tiers: ['gold'] },
  match: { conditions: [], quality_issue: false, receipt: null, max_days: 15, promotions: [] },
  outcome: { decision: 'approve', remedy: 'refund', customer: { zh: '金卡 15 天无理由退货', en: 'Gold: 15 days' }, agent: { zh: '', en: '' } },
};
const late = {
  id: 'after_window', name: '超过无理由退货期限', enabled: true,
  scope: { categories: [], brands: [], store_ids: [], tiers: [] },
  match: { conditions: [], quality_issue: false, receipt: null, max_days: null, promotions: [] },
  outcome: { decision: 'refuse', remedy: 'none', customer: { zh: '已超期', en: 'Too late' }, agent: { zh: '', en: '' } },
};

describe('the rules in words', () => {
  it('says when a rule applies, in both languages', () => {
    expect(ruleWhen(gold)).toBe('金卡；非质量问题；购买 15 天内');
    expect(ruleWhen(gold, 'en')).toBe('Gold; no quality fault; within 15 days');
    const food = { scope: { categories: ['food_packaged', 'food_fresh'] }, match: { conditions: ['opened'], promotions: ['clearance'] } };
    expect(ruleWhen(food)).toBe('包装食品或生鲜食品；已拆封（不影响二次销售）；清仓特价');
    expect(ruleWhen({})).toBe('任何请求');
  });

  it('moves a rule, adds one with a fresh id, and copies one whole', () => {
    const rules = [gold, late];
    expect(moveRule(rules, 1, -1).map((r) => r.id)).toEqual(['after_window', 'gold_15']);
    expect(moveRule(rules, 0, -1)).toBe(rules);
    expect(newRule([{ id: 'rule_1' }]).id).toBe('rule_2');
    const copy = cloneRule({ id: 'x', outcome: { decision: 'approve' } });
    expect(copy.outcome.customer).toEqual({ zh: '', en: '' });
    expect(copy.match.max_days).toBe(null);
  });
});

describe('the case table', () => {
  it('reads the same rows as the server test (tests/returns/policy_cases.tsv)', () => {
    const rows = defaultCases();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows[0]).toEqual({
      category: 'clothing', condition: 'unopened', days: 0, receipt: 'yes', quality_issue: false, tier: 'normal', promotion: 'none',
      paid_fen: 29900, decision: 'approve', rule: 'no_reason_7', refund_fen: 29900, note: 'bought today, changed their mind',
    });
  });

  it('skips rows it cannot read', () => {
    const t = 'category\tcondition\tdays\treceipt\tquality\ttier\tpromotion\tpaid\tdecision\trule\trefund\n' +
      'shoes\topened\t8\tyes\tyes\t-\tnone\t459\tapprove\tquality_exchange_15\t0\n' +
      'shoes\topened\tx\tyes\tyes\t-\tnone\t459\tapprove\tquality_exchange_15\t0\n';
    const { rows, skipped } = parseCaseTable(t);
    expect(rows).toHaveLength(1);
    expect(rows[0].paid_fen).toBe(45900);
    expect(skipped).toBe(1);
  });
});

describe('the policy page', () => {
  async function page(role) {
    const { calls } = mockFetch({
      'GET /api/v1/stores': { items: [{ id: 1, name: '徐汇店' }] },
      'GET /api/v1/staff': { items: [] },
      'GET /api/v1/returns/policy': { store_id: 1, source_store_id: 0, version: 0, uses_defaults: true, rules: [gold, late], saved: null },
      'POST /api/v1/returns/policy/check': (req) => [200, {
        passed: req.body.cases.length - 1, failed: 1,
        results: [{ pass: false, story: { zh: '服装，第 10 天：应为同意（gold_15），实际为不予受理（after_window）', en: 'x' }, decision: 'refuse', rule: 'after_window', refund_fen: 0 }],
      }],
      'PUT /api/v1/returns/policy': (req) => [200, { store_id: 1, source_store_id: 1, version: 1, uses_defaults: false, rules: req.body.rules, saved: { store_id: 1, version: 1, note: '', created_by: 1, created_at: 1 } }],
    });
    const options = globalOptions();
    useSession().me = { id: 1, role, store_ids: [1] };
    const w = mount(PolicyView, { global: options });
    await flush();
    await flush();
    return { w, calls };
  }

  it('lists the rules in words, tries an edit against the cases and saves it on its version', async () => {
    const { w, calls } = await page('manager');
    const rows = w.findAll('[data-test="return-rule-row"]');
    expect(rows.map((r) => r.attributes('data-id'))).toEqual(['gold_15', 'after_window']);
    expect(w.text()).toContain('金卡；非质量问题；购买 15 天内');
    expect(w.find('[data-test="returns-policy-in-force"]').text()).toContain('系统默认政策');

    await w.findAll('[data-test="return-rule-down"]')[0].trigger('click');
    expect(w.find('[data-test="returns-policy-dirty"]').exists()).toBe(true);
    await w.find('[data-test="returns-policy-check"]').trigger('click');
    await flush();
    const check = calls.find((c) => c.path === '/api/v1/returns/policy/check');
    expect(check.body.rules.map((r) => r.id)).toEqual(['after_window', 'gold_15']);
    expect(check.body.cases.length).toBe(defaultCases().length);
    expect(w.find('[data-test="return-check-failure"]').text()).toContain('应为同意（gold_15）');

    await w.find('[data-test="returns-policy-save"]').trigger('click');
    await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.body).toMatchObject({ store_id: 1, version: 0 });
    expect(put.body.rules.map((r) => r.id)).toEqual(['after_window', 'gold_15']);
  });

  it('is read-only below a store manager', async () => {
    const { w } = await page('agent');
    expect(w.find('[data-test="returns-policy-read-only"]').exists()).toBe(true);
    expect(w.find('[data-test="returns-policy-save"]').exists()).toBe(false);
    expect(w.find('[data-test="return-rule-edit"]').exists()).toBe(false);
  });
});

// 退换货办理 with the keyboard alone: the receipt number, Enter, ↓ and + for the line and
// quantity, 2 for the reason, Enter for the decision, Enter to confirm (with an
// Idempotency-Key); above the limit it reads 待主管审批.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mount } from '@vue/test-utils';
import DeskReturnView from '../../src/console/features/returns/views/DeskReturnView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const order = {
  id: 7, receipt_no: 'R-9', sold_at: 1, store_id: 1,
  lines: [
    { id: 71, name: '衬衫', brand: '甲牌', quantity: 1, remaining_units: 1, paid_fen: 15000, discount_share_fen: 0 },
    { id: 72, name: '袜子', brand: '甲牌', quantity: 3, remaining_units: 3, paid_fen: 9000, discount_share_fen: 300 },
  ],
};
const verdict = (decision, amount) => ({
  decision, remedy: 'refund', rule: { id: 'no_reason_7', name: '七天无理由退货' }, agent: { zh: '可退', en: 'ok' }, customer: { zh: '', en: '' },
  days: 1, approver_role: decision === 'needs_approval' ? 'supervisor' : null,
  refund: { quantity: 2, amount_fen: amount, share_fen: amount, points_clawback: 60, points_give_back: 0, coupons: [], gifts_to_return: [], explanation: [] },
});

describe('DeskReturnView', () => {
  let mounted;
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    mounted && mounted.unmount();
    delete globalThis.fetch;
  });

  function setup(decision) {
    const fetch = mockFetch({
      'POST /api/v1/returns/lookup': { items: [order] },
      'POST /api/v1/returns': (call) =>
        call.body.preview
          ? [200, { verdict: verdict(decision, 6000), tier: null, return: null, ticket: null, resolution_status: null }]
          : [201, {
            verdict: verdict(decision, 6000),
            return: { id: 5, state: decision === 'approve' ? 'done' : 'pending_approval', refund_fen: 6000 },
            ticket: { id: 9, number: 'KF261122000009' },
            resolution_status: decision === 'approve' ? 'applied' : 'pending',
          }],
    });
    const global = globalOptions();
    useSession().me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1], department_ids: [] };
    mounted = mount(DeskReturnView, { global, attachTo: document.body });
    return { w: mounted, ...fetch };
  }

  async function keys(w, list) {
    const box = w.find('[data-test=return-lines]');
    for (const k of list) {
      await box.trigger('keydown', typeof k === 'string' ? { key: k, code: /^\d$/.test(k) ? `Digit${k}` : '' } : k);
      await flush();
    }
  }

  it('goes from the receipt number to a confirmed return with the keyboard', async () => {
    const { w, calls } = setup('approve');
    await flush();
    expect(document.activeElement).toBe(w.find('input[data-test=return-query]').element);
    await w.find('[data-test=return-query]').setValue('R-9');
    await w.find('[data-test=return-query]').trigger('keydown', { key: 'Enter' });
    await flush();
    await flush();
    expect(w.findAll('[data-test^=return-line-]')).toHaveLength(2);
    await keys(w, ['ArrowDown', '+', '2', 'Enter']);
    await flush();
    expect(w.find('[data-test=return-decision]').text()).toBe('同意');
    expect(w.find('[data-test=return-breakdown]').text()).toContain('¥60.00');
    await keys(w, ['Enter']);
    await flush();
    const posts = calls.filter((c) => c.path === '/api/v1/returns');
    expect(posts[0].body).toEqual({ line_id: 72, quantity: 2, reason: 'size_fit', condition: 'unopened', receipt: true, note: '', preview: true });
    expect(posts[1].body).toEqual({ line_id: 72, quantity: 2, reason: 'size_fit', condition: 'unopened', receipt: true, note: '' });
    expect(posts[1].headers['Idempotency-Key']).toMatch(/\S{8,}/);
    expect(w.find('[data-test=return-state]').text()).toBe('已办结');
  });

  it('says 待主管审批 above the limit', async () => {
    const { w } = setup('needs_approval');
    await flush();
    await w.find('[data-test=return-query]').setValue('R-9');
    await w.find('[data-test=return-query]').trigger('keydown', { key: 'Enter' });
    await flush();
    await flush();
    await keys(w, ['1', 'Enter']);
    await flush();
    expect(w.find('[data-test=return-decision]').text()).toBe('待主管审批');
    expect(w.find('[data-test=return-needs-approval]').exists()).toBe(true);
    await keys(w, ['Enter']);
    await flush();
    expect(w.find('[data-test=return-state]').text()).toBe('待主管审批');
  });
});

describe('ReturnsReportView', () => {
  afterEach(() => {
    delete globalThis.fetch;
  });

  it('asks for the last 30 days by category and shows the totals and rates', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/stores': { items: [{ id: 1, code: 'SH01', name: '静安店' }] },
      'GET /api/v1/reports/returns': {
        from: 1, to: 2, by: 'category',
        totals: { sold_units: 40, sold_fen: 400000, returned_units: 2, refunded_fen: 20000, returns: 2, unit_rate: 0.05, amount_rate: 0.05 },
        groups: [], reasons: [],
      },
    });
    const { default: ReturnsReportView } = await import('../../src/console/features/returns/views/ReturnsReportView.vue');
    const global = globalOptions();
    useSession().me = { id: 4, username: 'chenjing', role: 'supervisor', store_ids: [1], department_ids: [] };
    const w = mount(ReturnsReportView, { global });
    await flush();
    await flush();
    const ask = calls.find((c) => c.path === '/api/v1/reports/returns');
    expect(ask.url).toMatch(/by=category/);
    expect(w.find('[data-test=returns-totals]').text()).toContain('5.0%');
    w.unmount();
  });
});

// Improvement actions in the console: the board's plain logic (columns, rows by store and by
// department, the verdict's figures) and the board page built from the API's answers.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { globalOptions, mockFetch, flush } from './helpers.js';
import { byColumn, columnOf, idList, reduction, rowsBy, verdictFigures } from '../../src/console/features/feedback/lib/actions.js';
import ActionsView from '../../src/console/features/feedback/views/ActionsView.vue';

const action = (id, state, extra = {}) => ({ id, state, overdue: false, title: `整改${id}`, store_id: 1, department_id: 3, due_at: 0, ...extra });

describe('the board’s logic', () => {
  it('puts an open action past its deadline in the overdue column', () => {
    expect(columnOf(action(1, 'open', { overdue: true }))).toBe('overdue');
    const cols = byColumn([action(1, 'open'), action(2, 'open', { overdue: true }), action(3, 'verified'), action(4, 'done')]);
    expect(cols.open.map((a) => a.id)).toEqual([1]);
    expect(cols.overdue.map((a) => a.id)).toEqual([2]);
    expect(cols.done.map((a) => a.id)).toEqual([4]);
    expect(cols.verified.map((a) => a.id)).toEqual([3]);
    expect(cols.waived).toEqual([]);
  });

  it('sums the cells by store and by department, largest first', () => {
    const cells = [
      { store_id: 1, department_id: 3, column: 'open', count: 2 },
      { store_id: 1, department_id: null, column: 'verified', count: 1 },
      { store_id: 2, department_id: 3, column: 'overdue', count: 4 },
    ];
    expect(rowsBy(cells, 'store_id')).toEqual([
      { key: 2, total: 4, open: 0, overdue: 4, done: 0, verified: 0, waived: 0 },
      { key: 1, total: 3, open: 2, overdue: 0, done: 0, verified: 1, waived: 0 },
    ]);
    expect(rowsBy(cells, 'department_id').map((r) => [r.key, r.total])).toEqual([[3, 6], [null, 1]]);
  });

  it('words a verdict’s figures', () => {
    const f = verdictFigures({
      verdict: 'effective',
      before: { items: 30, contacts: 100 }, after: { items: 2, contacts: 100 },
      recurrence: { before_rate: 300, after_rate: 20, rate_ratio: 0.0667, ratio_low: 0.016, ratio_high: 0.25, p_value: 0.00002 },
      csat: null,
    });
    expect(f).toMatchObject({ before: '30 / 100', after: '2 / 100', beforeRate: '300.0', afterRate: '20.0', ratio: '0.07', change: '-93%', p: '2.0e-5' });
    expect(f.interval).toBe('0.02 – 0.25');
    expect(verdictFigures(null)).toBeNull();
    expect(reduction(1.5)).toBe('+50%');
    expect(reduction(null)).toBe('—');
    expect(idList('3, 1,x,,-2,7')).toEqual([3, 1, 7]);
  });
});

describe('the board page', () => {
  it('shows each action in its column and the effects', async () => {
    mockFetch({
      'GET /api/v1/feedback/actions': { items: [action(1, 'open', { overdue: true }), action(2, 'verified')] },
      'GET /api/v1/feedback/actions/board': {
        cells: [{ store_id: 1, department_id: 3, column: 'overdue', count: 1 }, { store_id: 1, department_id: 3, column: 'verified', count: 1 }],
        effects: [{ action_id: 2, store_id: 1, title: '整改2', topic: 'parking', verdict: 'effective', before_rate: 300, after_rate: 20, rate_ratio: 0.07 }],
      },
      'GET /api/v1/stores': { items: [{ id: 1, name: '上海一店' }] },
      'GET /api/v1/staff': { items: [] },
      'GET /api/v1/departments': { items: [{ id: 3, store_id: 1, name: '停车场' }] },
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/feedback/actions', component: { template: '<div />' } }] });
    await router.push('/feedback/actions');
    const options = globalOptions();
    options.plugins.push(router);
    const w = mount(ActionsView, { global: options });
    for (let i = 0; i < 5; i++) await flush();
    expect(w.find('[data-test="actions-column-overdue"]').text()).toContain('整改1');
    expect(w.find('[data-test="actions-column-verified"]').text()).toContain('整改2');
    expect(w.find('[data-test="actions-column-open"]').text()).not.toContain('整改1');
    expect(w.find('[data-test="actions-effects"]').text()).toContain('-93%');
    expect(w.find('[data-test="actions-column-overdue"]').text()).toContain('已逾期');
  });
});

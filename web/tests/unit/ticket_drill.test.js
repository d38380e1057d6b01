// Drill-down into the ticket list: a dashboard figure links to /tickets with its filters; the
// list asks the API with exactly those, shows the ones without a filter box as chips, and a
// chip's ✕ takes its filter away.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import TicketsView from '../../src/console/features/tickets/views/TicketsView.vue';
import { drillChips, chipText, DRILL_KEYS } from '../../src/console/features/tickets/lib/drill.js';
import { listQuery } from '../../src/console/features/tickets/lib/savedViews.js';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch } from './helpers.js';

describe('drill-down filters', () => {
  it('become chips in a fixed order, empty ones left out', () => {
    const chips = drillChips({ created_to: '2026-12-01', metric: 'fcr', owner_id: '', department_id: '4', status: ['new'] });
    expect(chips).toEqual([{ key: 'metric', value: 'fcr' }, { key: 'department_id', value: '4' }, { key: 'created_to', value: '2026-12-01' }]);
    expect(DRILL_KEYS).toContain('category');
  });

  it('read as words: the metric, names for ids, a date for Unix ms', () => {
    const t = (k) => ({ 'tickets.drill.keys.metric': '指标', 'tickets.drill.metrics.not_fcr': '非首次解决', 'tickets.drill.keys.department_id': '部门',
      'tickets.drill.keys.created_from': '创建自' })[k] || k;
    const names = { t, departmentName: (id) => (id === 4 ? '保安部' : '?'), staffName: () => '?' };
    expect(chipText({ key: 'metric', value: 'not_fcr' }, names)).toBe('指标: 非首次解决');
    expect(chipText({ key: 'department_id', value: '4' }, names)).toBe('部门: 保安部');
    expect(chipText({ key: 'created_from', value: '1764518400000' }, names)).toBe('创建自: 2025-12-01');
  });

  it('go into the list query beside the boxes’ filters', () => {
    const q = listQuery('all', { type: ['complaint'], store_id: 2, metric: 'reopened', owner_id: '7', created_from: '2026-11-01' }, { role: 'supervisor' });
    expect(q).toEqual({ type: 'complaint', store_id: 2, metric: 'reopened', owner_id: '7', created_from: '2026-11-01', limit: 50 });
  });
});

describe('TicketsView opened from a drill-down link', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
  });

  it('lists with the link’s filters, shows chips, and a chip’s ✕ removes its filter', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/tickets': { items: [], next_cursor: null },
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }, { id: 2, name: '徐汇店' }] },
      'GET /api/v1/staff': { items: [{ id: 7, display_name: '张敏' }] },
      'GET /api/v1/departments': { items: [] },
    });
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/tickets', component: { template: '<div />' } }] });
    router.push({ path: '/tickets', query: { type: 'complaint', store_id: '1', metric: 'frt_missed', owner_id: '7', created_from: '2026-11-01', created_to: '2026-12-01' } });
    await router.isReady();
    useSession().me = { id: 2, username: 'chenjing', role: 'supervisor', store_ids: [1, 2], department_ids: [] };
    w = mount(TicketsView, { global: { ...global, plugins: [...global.plugins, router] } });
    await new Promise((r) => setTimeout(r, 20));
    const lists = () => calls.filter((c) => c.path === '/api/v1/tickets').map((c) => Object.fromEntries(new URL(c.url, 'http://x').searchParams));
    expect(lists()[0]).toMatchObject({ type: 'complaint', store_id: '1', metric: 'frt_missed', owner_id: '7', created_from: '2026-11-01', created_to: '2026-12-01' });
    expect(w.findAll('[data-test="drill-chips"] .el-tag').map((x) => x.attributes('data-test'))).toEqual(['chip-metric', 'chip-owner_id', 'chip-created_from', 'chip-created_to']);
    expect(w.find('[data-test="chip-metric"]').text()).toBe('指标: 首次响应超时');
    expect(w.find('[data-test="chip-owner_id"]').text()).toBe('负责人: 张敏');
    await w.find('[data-test="chip-metric"] .el-tag__close').trigger('click');
    await new Promise((r) => setTimeout(r, 20));
    expect(lists().at(-1).metric).toBeUndefined();
    expect(lists().at(-1).owner_id).toBe('7');
    expect(router.currentRoute.value.query.metric).toBeUndefined();
  });
});

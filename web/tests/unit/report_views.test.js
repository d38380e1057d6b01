// The monthly service report page (月度服务报告) shows the store's month against the month
// before and links its Excel; the scheduled reports page (定时报表) lists schedules and saves
// a new one with the recipients as typed.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { useSession } from '../../src/console/stores/session.js';
import { useDirectory } from '../../src/console/stores/directory.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

vi.mock('../../src/console/features/reports/components/MonthlyChart.vue', () => ({ default: { name: 'MonthlyChart', render: () => null } }));
import MonthlyReportView from '../../src/console/features/reports/views/MonthlyReportView.vue';
import ReportSchedulesView from '../../src/console/features/reports/views/ReportSchedulesView.vue';

const report = {
  store_id: 1, store_name: '南京西路店', time_zone: 'Asia/Shanghai', label: '2026-11', from: 1, to: 2, previous_from: 0,
  created: 120, created_previous: 100, open: 7, overdue: 2,
  by_type: [{ key: 'complaint', current: 30, previous: 40 }], by_channel: [{ key: 'service_desk', current: 80, previous: 70 }],
  sla: [{ metric: 'first_response', total: 10, met: 9, missed: 1, open: 0, rate: 0.9, avg_elapsed_ms: 60000 }],
  service: { contacts: 120, resolved: 110, frt_avg_ms: 300000, resolution_avg_ms: 7200000, sla_met: 100, sla_missed: 10, sla_rate: 0.909,
    fcr: 88, fcr_rate: 0.8, reopened: 3, reopen_rate: 0.025, csat_avg: 4.56, csat_n: 50, csat_good_rate: 0.9 },
  service_previous: { contacts: 100, resolved: 95, frt_avg_ms: null, resolution_avg_ms: null, sla_met: 0, sla_missed: 0, sla_rate: null,
    fcr: 0, fcr_rate: null, reopened: 0, reopen_rate: 0, csat_avg: null, csat_n: 0, csat_good_rate: null },
  nps: { promoters: 3, passives: 1, detractors: 1, score: 40 }, returns: 2, refunded_fen: 12345,
  return_reasons: [], complaint_causes: [{ key: '', current: 30, previous: 0 }],
};

describe('report pages', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
  });

  it('the monthly report: figures, change, SLA rate and the Excel link', async () => {
    mockFetch({ 'GET /api/v1/reports/monthly': report, 'GET /api/v1/stores': { items: [{ id: 1, name: '南京西路店' }] } });
    const global = globalOptions();
    useSession().me = { id: 2, username: 'chenjing', role: 'supervisor', store_ids: [1], department_ids: [] };
    useDirectory().stores = [{ id: 1, name: '南京西路店' }];
    useDirectory().loaded = { stores: true };
    w = mount(MonthlyReportView, { global });
    for (let i = 0; i < 5; i++) await flush();
    expect(w.find('[data-test=monthly-sheet] h1').text()).toContain('南京西路店');
    expect(w.find('[data-test=monthly-created]').text()).toBe('120');
    expect(w.find('[data-test=monthly-overview]').text()).toContain('+20.0%');
    expect(w.find('[data-test=monthly-sla]').text()).toContain('90.0%');
    // The dashboards' service figures of the month and the month before ('—' without data).
    expect(w.find('[data-test=monthly-service-csat_avg]').text()).toContain('4.56');
    expect(w.find('[data-test=monthly-service-fcr_rate]').text()).toContain('80.0%');
    expect(w.find('[data-test=monthly-service-frt_avg_ms]').text()).toContain('5 min');
    expect(w.find('[data-test=monthly-service-csat_avg]').text()).toContain('—');
    expect(w.find('[data-test=monthly-download]').attributes('href')).toMatch(/^\/api\/v1\/reports\/monthly\/export\?store_id=1&month=\d{4}-\d{2}$/);
    expect(w.text()).toContain('门店经理签字');
  });

  it('the schedules page lists and creates', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/reports/schedules': { items: [{ id: 5, store_id: 1, name: '服务日报', report: 'summary', frequency: 'daily', hour: 8,
        recipients: ['boss@store.example'], enabled: true, next_run_at: 1795305600000, last_run_at: null, last_result: '', created_by: 2, created_at: 1, updated_at: 1 }] },
      'POST /api/v1/reports/schedules': (call) => [201, { id: 6, ...call.body }],
    });
    const global = globalOptions();
    useSession().me = { id: 2, username: 'chenjing', role: 'supervisor', store_ids: [1], department_ids: [] };
    useDirectory().stores = [{ id: 1, name: '南京西路店' }];
    useDirectory().loaded = { stores: true, staff: true };
    w = mount(ReportSchedulesView, { global, attachTo: document.body });
    for (let i = 0; i < 5; i++) await flush();
    expect(w.find('[data-test=schedule-table]').text()).toContain('服务日报');
    expect(w.find('[data-test=schedule-table]').text()).toContain('每天（前一天）');
    await w.find('[data-test=schedule-add]').trigger('click');
    await flush();
    const vm = w.vm.$.setupState;
    vm.form.name = '周报';
    vm.form.frequency = 'weekly';
    vm.form.recipients = ['staff:3', 'boss@store.example'];
    await vm.save();
    const post = calls.find((c) => c.method === 'POST');
    expect(post.body).toEqual({ store_id: 1, name: '周报', report: 'summary', frequency: 'weekly', hour: 8, recipients: ['staff:3', 'boss@store.example'], enabled: true });
  });
});

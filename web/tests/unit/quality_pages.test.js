// The other quality pages render what the server answers: the queue, my results and
// coaching, a calibration session side by side with its spread, the scorecard editor and
// the QA report.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import QueueView from '../../src/console/features/quality/views/QueueView.vue';
import MyQualityView from '../../src/console/features/quality/views/MyQualityView.vue';
import CalibrationView from '../../src/console/features/quality/views/CalibrationView.vue';
import CalibrationsView from '../../src/console/features/quality/views/CalibrationsView.vue';
import ScorecardsView from '../../src/console/features/quality/views/ScorecardsView.vue';
import QaReportView from '../../src/console/features/quality/views/QaReportView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { flush, globalOptions, mockFetch } from './helpers.js';

const scorecard = [
  { id: 'greeting', name: '及时问候', description: '', weight: 40, red_line: false },
  { id: 'red_rude', name: '辱骂顾客', description: '', weight: 0, red_line: true },
];
const inspection = { id: 5, store_id: 1, subject_kind: 'ticket', subject_id: 9, staff_id: 7, channel: 'desk', reason: 'low_csat', status: 'queued', score: null, red_line: false };

async function show(component, routes, path = '/x', me = { id: 3, role: 'manager', store_ids: [1] }, pattern = '/:p(.*)*') {
  const fetchMock = mockFetch({ 'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] }, 'GET /api/v1/staff': { items: [{ id: 7, display_name: '张敏' }] }, ...routes });
  const options = globalOptions();
  useSession().me = me;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: pattern, component }] });
  router.push(path);
  await router.isReady();
  const w = mount(component, { global: { ...options, plugins: [...options.plugins, router] } });
  for (let i = 0; i < 4; i++) await flush();
  return { w, ...fetchMock };
}

describe('quality pages', { timeout: 30000 }, () => {
  it('the queue lists what waits and draws last week', async () => {
    const { w, calls } = await show(QueueView, {
      'GET /api/v1/quality/inspections': { items: [inspection] },
      'POST /api/v1/quality/samples': () => [201, { candidates: 12, already_inspected: 2, seed: '1', items: [inspection] }],
    });
    expect(w.find('[data-test="qa-table"]').text()).toContain('低满意度');
    await w.find('[data-test="qa-draw"]').trigger('click');
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find((c) => c.path === '/api/v1/quality/samples').body.store_id).toBe(1);
    expect(w.find('[data-test="qa-drawn"]').text()).toContain('12');
  });

  it('my results and coaching, acknowledged', async () => {
    const { w, calls } = await show(MyQualityView, {
      'GET /api/v1/quality/inspections': { items: [{ ...inspection, status: 'scored', score: 85 }] },
      'GET /api/v1/quality/coaching': { items: [{ id: 4, item: 'apology', material_kind: 'kb_article', material_id: 2, note: '致歉话术', due_at: 0, acknowledged_at: null, before: 0, after: null, next_inspection_id: null }] },
      'POST /api/v1/quality/coaching/4/acknowledge': {},
    }, '/x', { id: 7, role: 'agent', store_ids: [1] });
    expect(w.find('[data-test="qa-mine-results"]').text()).toContain('85');
    await w.find('[data-test="qa-coaching-ack-4"]').trigger('click');
    await flush();
    expect(calls.some((c) => c.path === '/api/v1/quality/coaching/4/acknowledge')).toBe(true);
  });

  it('a calibration session shows the marks side by side with the spread', async () => {
    const session = {
      id: 2, title: '上周校准', status: 'open', subject_kind: 'conversation', subject_id: 9, staff_id: 7, final_score: null, scorecard, marks_hidden: false,
      scores: [
        { inspector_id: 3, marks: [{ item: 'greeting', result: 'pass', points: 0 }, { item: 'red_rude', result: 'pass', points: 0 }], score: 100, red_line: false, submitted_at: 1 },
        { inspector_id: 8, marks: [{ item: 'greeting', result: 'partial', points: 20 }, { item: 'red_rude', result: 'pass', points: 0 }], score: 50, red_line: false, submitted_at: 2 },
      ],
      spread: [{ item: 'greeting', values: [100, 50], range: 50, stddev: 25 }, { item: 'red_rude', values: [100, 100], range: 0, stddev: 0 }, { item: null, values: [100, 50], range: 50, stddev: 25 }],
    };
    const { w } = await show(CalibrationView, { 'GET /api/v1/quality/calibrations/2': session }, '/quality/calibrations/2', undefined, '/quality/calibrations/:id');
    const table = w.find('[data-test="qa-cal-side-by-side"]').text();
    expect(table).toContain('20/40');
    expect(table).toContain('25');
  });

  it('calibration sessions, scorecards and the report render', async () => {
    const a = await show(CalibrationsView, { 'GET /api/v1/quality/calibrations': { items: [{ id: 2, title: '上周校准', subject_kind: 'ticket', subject_id: 9, status: 'closed', final_score: 90 }] } });
    expect(a.w.find('[data-test="qa-cal-table"]').text()).toContain('上周校准');
    const b = await show(ScorecardsView, {
      'GET /api/v1/quality/scorecards': { store_id: 0, channel: 'desk', version: 0, source_store_id: 0, source_version: 0, defaults: true, items: scorecard },
      'GET /api/v1/quality/settings': { store_id: 0, defaults: true, appeal_days: 3, sampling: { per_agent: 3, extra_low_csat: 2, extra_complaint: 2, extra_reopened: 1, max_flagged: 5 } },
    });
    expect(b.w.find('[data-test="qa-sc-in-force"]').text()).toContain('系统默认');
    expect(b.w.find('[data-test="qa-sc-read-only"]').exists()).toBe(true);  // the chain: admins only
    const c = await show(QaReportView, {
      'GET /api/v1/quality/report': { by_staff: [{ staff_id: 7, average_score: 88.5, inspections: 4, red_lines: 1 }], by_item: [] },
    });
    expect(c.w.find('[data-test="qa-report-staff"]').text()).toContain('88.5');
  });
});

// The inspection page as an inspector and an agent meet it: the chat's messages with a
// comment on the exact message, the live total while marking (a red line zeroes it), the
// marks sent on submit; the agent's acknowledge and appeal.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import InspectionView from '../../src/console/features/quality/views/InspectionView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { flush, globalOptions, mockFetch } from './helpers.js';

const scorecard = [
  { id: 'greeting', name: '及时问候', description: '', weight: 40, red_line: false },
  { id: 'solution', name: '给出方案', description: '', weight: 60, red_line: false },
  { id: 'red_rude', name: '辱骂顾客', description: '', weight: 0, red_line: true },
];
const inspection = (over = {}) => ({
  id: 5, store_id: 1, subject_kind: 'conversation', subject_id: 9, staff_id: 7, channel: 'chat', reason: 'low_csat',
  status: 'queued', inspector_id: null, marks: [], score: null, red_line: false, summary: '', first_score: null,
  appeal_due_at: null, appeal_reason: '', decision_note: '', submitted_at: null, scorecard, comments: [], coaching: [], improvements: [],
  ...over,
});

async function open(me, x, extra = {}) {
  const fetchMock = mockFetch({
    'GET /api/v1/quality/inspections/5': x,
    'GET /api/v1/chat/conversations/9': {
      conversation: { id: 9 },
      messages: [
        { conversation_id: 9, seq: 1, sender: 'customer', kind: 'text', body: '我的快递三天没到', created_at: 1 },
        { conversation_id: 9, seq: 2, sender: 'agent', staff_id: 7, kind: 'text', body: '请稍等', created_at: 2 },
      ],
    },
    'GET /api/v1/staff': { items: [] },
    ...extra,
  });
  const options = globalOptions();
  useSession().me = me;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/quality/inspections/:id', component: InspectionView }] });
  router.push('/quality/inspections/5');
  await router.isReady();
  const w = mount(InspectionView, { global: { ...options, plugins: [...options.plugins, router] } });
  await flush();
  await flush();
  return { w, ...fetchMock };
}

describe('the inspection page', () => {
  it('an inspector marks the items with a live total and comments on the exact message', async () => {
    const { w, calls } = await open({ id: 3, role: 'supervisor', store_ids: [1] }, inspection(), {
      'POST /api/v1/quality/inspections/5/submit': inspection({ status: 'scored' }),
      'POST /api/v1/quality/inspections/5/comments': () => [201, { id: 1 }],
    });
    expect(w.find('[data-test="qa-subject-message-2"]').text()).toContain('请稍等');
    await w.find('[data-test="qa-mark-greeting-pass"] input').setValue(true);
    await w.find('[data-test="qa-mark-solution-fail"] input').setValue(true);
    await w.find('[data-test="qa-mark-red_rude-pass"] input').setValue(true);
    expect(w.find('[data-test="qa-live-total"]').text()).toContain('40');
    await w.find('[data-test="qa-mark-red_rude-fail"] input').setValue(true);
    expect(w.find('[data-test="qa-live-total"]').text()).toContain('红线');
    await w.find('[data-test="qa-mark-red_rude-pass"] input').setValue(true);
    await w.find('[data-test="qa-submit"]').trigger('click');
    await flush();
    const submit = calls.find((c) => c.method === 'POST' && c.path.endsWith('/submit'));
    expect(submit.body.marks).toEqual([
      { item: 'greeting', result: 'pass', points: 0 },
      { item: 'solution', result: 'fail', points: 0 },
      { item: 'red_rude', result: 'pass', points: 0 },
    ]);
    await flush();
    await w.find('[data-test="qa-comment-message-2"]').trigger('click');
    await w.find('[data-test="qa-comment-body"]').setValue('应先致歉再说明');
    await w.find('[data-test="qa-comment-save"]').trigger('click');
    await flush();
    const comment = calls.find((c) => c.path.endsWith('/comments'));
    expect(comment.body).toEqual({ anchor: 'message', anchor_id: 2, body: '应先致歉再说明' });
  });

  it('the agent sees the result and may appeal with a reason', async () => {
    const scored = inspection({ status: 'scored', score: 40, marks: [{ item: 'greeting', result: 'pass', points: 0 }], inspector_id: 3, appeal_due_at: Date.now() + 1e8 });
    const { w, calls } = await open({ id: 7, role: 'agent', store_ids: [1] }, scored, {
      'POST /api/v1/quality/inspections/5/appeal': inspection({ status: 'appealed' }),
    });
    expect(w.find('[data-test="qa-submit"]').exists()).toBe(false);
    expect(w.find('[data-test="qa-agent-actions"]').exists()).toBe(true);
    await w.find('[data-test="qa-appeal-reason"]').setValue('顾客没有回复，无法给方案');
    await w.find('[data-test="qa-appeal"]').trigger('click');
    await flush();
    expect(calls.find((c) => c.path.endsWith('/appeal')).body).toEqual({ reason: '顾客没有回复，无法给方案' });
  });
});

// The bot operations page's plain logic (features/bot/lib/ops.js): what the charts and the
// per-FAQ table show from the report's rows.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import { dailySeries, percent, rangeQuery, sortFaqs } from '../../src/console/features/bot/lib/ops.js';
import UnansweredClusters from '../../src/console/features/bot/components/UnansweredClusters.vue';
import { globalOptions, mockFetch, flush } from './helpers.js';

describe('bot operations: the page’s figures', () => {
  it('shows rates as percentages, and no figure as a dash', () => {
    expect(percent(0.8)).toBe('80.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(null)).toBe('—');
  });

  it('asks for whole days: the last day is included', () => {
    expect(rangeQuery(['2026-03-01', '2026-03-07'], 3)).toEqual({ from: '2026-03-01', to: '2026-03-08', store_id: 3 });
    expect(rangeQuery(['2026-03-01', '2026-03-01'], null)).toEqual({ from: '2026-03-01', to: '2026-03-02', store_id: undefined });
  });

  it('adds the stores up per day, keeps empty days, and derives the day’s rates from the sums', () => {
    const rows = [
      { day: '2026-03-01', store_id: 1, conversations: 6, bot_conversations: 4, resolved: 3, handoffs: { asked: 1 } },
      { day: '2026-03-01', store_id: 2, conversations: 4, bot_conversations: 4, resolved: 1, handoffs: { unresolved: 2, asked: 1 } },
      { day: '2026-03-03', store_id: 1, conversations: 2, bot_conversations: 0, resolved: 0, handoffs: {} },
      { day: '2026-02-27', store_id: 1, conversations: 9, bot_conversations: 9, resolved: 9, handoffs: {} }, // outside
    ];
    const s = dailySeries(rows, ['2026-03-01', '2026-03-03']);
    expect(s.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(s.conversations).toEqual([10, 0, 2]);
    expect(s.bot).toEqual([8, 0, 0]);
    expect(s.involvement).toEqual([0.8, null, 0]);
    expect(s.resolution).toEqual([0.5, null, null]);
    expect(s.containment[0]).toBeCloseTo(0.4);
    expect(s.containment.slice(1)).toEqual([null, null]);
    expect(s.reasons).toEqual(['asked', 'unresolved']);
    expect(s.handoffs.asked).toEqual([2, 0, 0]);
    expect(s.handoffs.unresolved).toEqual([2, 0, 0]);
  });

  it('sorts the FAQ table by a column, entries without a rate last, ties by id', () => {
    const rows = [
      { faq_id: 3, question: '停车', answers: 5, solved_rate: 0.5, handoff_rate: 0.2 },
      { faq_id: 1, question: '发票', answers: 9, solved_rate: null, handoff_rate: 0.1 },
      { faq_id: 2, question: '营业时间', answers: 5, solved_rate: 1, handoff_rate: 0 },
    ];
    expect(sortFaqs(rows).map((r) => r.faq_id)).toEqual([1, 2, 3]);
    expect(sortFaqs(rows, 'hits', true).map((r) => r.faq_id)).toEqual([2, 3, 1]);
    expect(sortFaqs(rows, 'solved_rate').map((r) => r.faq_id)).toEqual([2, 3, 1]);
    expect(sortFaqs(rows, 'solved_rate', true).map((r) => r.faq_id)).toEqual([3, 2, 1]);
    expect(sortFaqs(rows, 'handoff_rate', true).map((r) => r.faq_id)).toEqual([2, 1, 3]);
    expect(sortFaqs([], 'answers')).toEqual([]);
  });
});

describe('bot operations: the unanswered groups', () => {
  const clusters = [
    { key: '停车场晚上收费吗', size: 3, questions: ['停车场晚上收费吗', '地下停车多少钱'], stores: [1], last_at: 1780000000000, guess: { faq_id: 7, question: '停车怎么收费' } },
    { key: '你们卖不卖天文望远镜', size: 1, questions: ['你们卖不卖天文望远镜'], stores: [1], last_at: 1780000000000, guess: null },
  ];

  it('an admin dismisses a group by its questions; the page hears of it', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/bot/unanswered/dismiss': { handled: 1 }, 'GET /api/v1/stores': { items: [] } });
    const w = mount(UnansweredClusters, { props: { clusters, canEdit: true }, global: globalOptions() });
    expect(w.findAll('[data-test="bot-ops-cluster"]')).toHaveLength(2);
    expect(w.text()).toContain('机器人猜测：停车怎么收费');
    await w.findAll('[data-test="bot-ops-dismiss"]')[1].trigger('click');
    await flush();
    await flush();
    const dismiss = calls.find((c) => c.path === '/api/v1/bot/unanswered/dismiss');
    expect(dismiss.body).toEqual({ questions: ['你们卖不卖天文望远镜'] });
    expect(w.emitted('changed')).toHaveLength(1);
  });

  it('offers no actions to a supervisor', () => {
    mockFetch({});
    const w = mount(UnansweredClusters, { props: { clusters, canEdit: false }, global: globalOptions() });
    expect(w.findAll('[data-test="bot-ops-cluster"]')).toHaveLength(2);
    expect(w.findAll('[data-test="bot-ops-dismiss"]')).toHaveLength(0);
    expect(w.findAll('[data-test="bot-ops-add-similar"]')).toHaveLength(0);
  });
});

// The bot operations page's plain logic (features/bot/lib/ops.js): what the charts and the
// per-FAQ table show from the report's rows.
import { describe, it, expect } from 'vitest';
import { dailySeries, percent, rangeQuery, sortFaqs } from '../../src/console/features/bot/lib/ops.js';

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

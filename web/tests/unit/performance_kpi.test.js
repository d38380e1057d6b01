import { describe, it, expect } from 'vitest';
import { monthOf, reviewMonth, previousMonth, recentMonths, showMeasure, trend, weightTotal, toFen, fromFen } from '../../src/console/features/performance/lib/kpi.js';

describe('KPI page helpers', () => {
  it('months on the China wall clock', () => {
    expect(monthOf(Date.UTC(2026, 9, 31, 16, 0))).toBe('2026-11'); // 00:00 on 1 Nov in Shanghai
    expect(monthOf(Date.UTC(2026, 9, 31, 15, 59))).toBe('2026-10');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(reviewMonth(Date.UTC(2026, 11, 5, 4))).toBe('2026-11'); // 5 Dec: last month's review
    expect(reviewMonth(Date.UTC(2026, 11, 8, 4))).toBe('2026-12');
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  it('shows each measure in its unit', () => {
    const rows = [
      ['csat', 4.5, '4.50'], ['sla_compliance', 93.25, '93.3%'], ['reopen_rate', 0, '0.0%'],
      ['contacts', 120, '120'], ['first_response', 12.34, '12.3'], ['qa_score', null, '—'], ['praise', undefined, '—'],
    ];
    for (const [m, v, want] of rows) expect(showMeasure(m, v), m).toBe(want);
  });

  it('trend against last month, weights, money in fen', () => {
    expect(trend(80, 70)).toBe('up');
    expect(trend(60, 70)).toBe('down');
    expect(trend(70, 70)).toBe('same');
    expect(trend(70, null)).toBeNull();
    expect(weightTotal([{ weight: 40 }, { weight: '60' }, { weight: '' }])).toBe(100);
    const money = [['500', 50000], ['12.3', 1230], ['0.05', 5], ['1.999', null], ['-1', null], ['abc', null], ['', null]];
    for (const [text, fen] of money) expect(toFen(text), text).toBe(fen);
    expect(fromFen(50000)).toBe('500.00');
    expect(fromFen(1205)).toBe('12.05');
  });
});

import { describe, expect, it } from 'vitest';
import { changeText, exportUrl, percentText, previousMonth } from '@/console/features/reports/lib/exports.js';

describe('export links and report figures', () => {
  it('keep the list query, drop paging, add the format', () => {
    expect(exportUrl('/api/v1/tickets/export', { status: 'new,in_progress', limit: 50, cursor: 'x', store_id: 3 }, 'csv'))
      .toBe('/api/v1/tickets/export?status=new%2Cin_progress&store_id=3&format=csv');
    expect(exportUrl('/api/v1/chat/conversations/export', {})).toBe('/api/v1/chat/conversations/export?format=xlsx');
  });

  it('name the month before on the Shanghai clock', () => {
    const cases = [
      [Date.UTC(2026, 11, 5, 3), '2026-11'],
      [Date.UTC(2027, 0, 10), '2026-12'],
      [Date.UTC(2026, 10, 30, 17), '2026-11'], // 1 Dec 01:00 in Shanghai
    ];
    for (const [now, month] of cases) expect(previousMonth(now)).toBe(month);
  });

  it('show changes and rates as a store manager reads them', () => {
    const cases = [
      [[120, 100], '+20.0%'], [[90, 120], '−25.0%'], [[5, 0], '新增'], [[0, 0], '—'],
    ];
    for (const [[c, p], text] of cases) expect(changeText(c, p)).toBe(text);
    expect(percentText(0.9999)).toBe('99.9%');
    expect(percentText(null)).toBe('—');
  });
});

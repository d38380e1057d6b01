import { describe, it, expect } from 'vitest';
import { parseHours, formatHours } from '../../src/console/features/org/lib/calendar.js';
import { chinaDate, addDays, lastDays } from '../../src/console/lib/dates.js';

describe('special-day hours', () => {
  it('parses periods and round-trips', () => {
    const h = parseHours('10:00-18:00, 19:00–21:00');
    expect(h).toEqual([{ open: '10:00', close: '18:00' }, { open: '19:00', close: '21:00' }]);
    expect(formatHours(h)).toBe('10:00-18:00, 19:00-21:00');
  });
  it('reads empty as closed', () => expect(parseHours('  ')).toEqual([]));
});

describe('China dates', () => {
  it('uses the Shanghai date (UTC+8)', () => {
    expect(chinaDate(Date.UTC(2026, 10, 22, 16, 30))).toBe('2026-11-23');
    expect(chinaDate(Date.UTC(2026, 10, 22, 15, 59))).toBe('2026-11-22');
  });
  it('counts days across months', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(lastDays('2026-11-03', 4)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
  });
});

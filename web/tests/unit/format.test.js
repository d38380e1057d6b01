import { describe, it, expect } from 'vitest';
import { countdown, yuan } from '../../src/shared/format.js';
import { qs } from '../../src/shared/api.js';

describe('countdown', () => {
  const now = Date.UTC(2026, 10, 22, 2, 0);
  it('is none without a deadline', () => expect(countdown(null, now).state).toBe('none'));
  it('is ok with more than 30 minutes left', () => {
    expect(countdown(now + 2 * 3600000 + 5 * 60000, now)).toEqual({ state: 'ok', text: '剩余 2小时5分' });
  });
  it('warns from 30 minutes', () => expect(countdown(now + 30 * 60000, now).state).toBe('warning'));
  it('is breached once past, saying by how much', () => {
    expect(countdown(now - 12 * 60000, now)).toEqual({ state: 'breached', text: '已超时 12分钟' });
    expect(countdown(now - 12 * 60000, now, 'en').text).toBe('12m overdue');
  });
});

describe('yuan and query strings', () => {
  it('formats fen as yuan', () => expect(yuan(50000)).toBe('500.00'));
  it('skips empty values and joins lists', () => {
    expect(qs({ status: ['new', 'in_progress'], q: '', limit: 50, owner_id: null })).toBe(
      '?status=new%2Cin_progress&limit=50',
    );
  });
});

describe('formatTime', () => {
  it('shows the stores’ wall clock whatever the browser zone', async () => {
    const { formatTime } = await import('../../src/shared/format.js');
    // 2026-11-22 19:36 UTC is 2026-11-23 03:36 in Shanghai.
    expect(formatTime(Date.UTC(2026, 10, 22, 19, 36))).toBe('2026/11/23 03:36');
  });
});

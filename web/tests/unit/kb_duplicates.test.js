// 重复问题 as an admin meets it: the page asks, sees `computing`, asks again until the pairs
// are there, and links each question to its entry; a higher bar asks again with it.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import KbDuplicates from '../../src/console/features/kb/views/KbDuplicates.vue';
import { nextPoll, percent } from '../../src/console/features/kb/lib/duplicates.js';
import { globalOptions, mockFetch } from './helpers.js';

describe('duplicates logic', () => {
  it('asks again every 2 s while computing, for at most 60 tries', () => {
    expect(nextPoll('computing', 0)).toBe(2000);
    expect(nextPoll('computing', 60)).toBe(null);
    expect(nextPoll('ready', 0)).toBe(null);
    expect(nextPoll('none', 0)).toBe(null);
  });
  it('shows scores as percentages', () => {
    expect(percent(0.873)).toBe('87%');
    expect(percent(undefined)).toBe('0%');
  });
});

describe('KbDuplicates', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('waits for the search and lists the pairs with links to both entries', async () => {
    vi.useFakeTimers();
    const pair = { a: { faq_id: 3, question: '停车怎么收费', external_id: null }, b: { faq_id: 9, question: '停车费怎么算', external_id: 'p-9' }, score: 0.91 };
    let calls = 0;
    const { calls: seen } = mockFetch({
      'GET /api/v1/kb/duplicates': () => {
        calls += 1;
        return [200, calls === 1 ? { status: 'computing', built_at: 5, computed_ms: 0, items: [] } : { status: 'ready', built_at: 5, computed_ms: 40, items: [pair] }];
      },
    });
    const w = mount(KbDuplicates, { global: globalOptions() });
    await vi.advanceTimersByTimeAsync(10);
    expect(w.find('[data-test="duplicates-computing"]').exists()).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(w.find('[data-test="duplicates-ready"]').exists()).toBe(true);
    expect(w.find('[data-test="duplicate-a"]').text()).toBe('停车怎么收费');
    expect(w.find('[data-test="duplicate-b"]').attributes('data-id')).toBe('9');
    expect(w.find('[data-test="duplicate-score"]').text()).toBe('91%');
    expect(seen[0].url).toContain('min_score=0.5');
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(10000);
    expect(calls).toBe(2, 'nothing more once ready');
    w.unmount();
  });
});

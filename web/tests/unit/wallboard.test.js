// The live wallboard: its plain logic (waits, how late, bars, when to read again) and the
// page — figures shown large, read again once per burst of ticket events of its stores and
// every 10 s whatever happens, with the time of the last read.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import WallboardView from '../../src/console/features/wallboard/views/WallboardView.vue';
import { formatWait, dueText, bars, formatCsat, formatRate, liveRefresher } from '../../src/console/features/wallboard/lib/board.js';
import { useSession } from '../../src/console/stores/session.js';
import { useNotifications } from '../../src/console/stores/notifications.js';
import { globalOptions, mockFetch, FakeEventSource } from './helpers.js';

const MIN = 60000;

describe('wallboard logic', () => {
  it('writes waits as m:ss or h:mm:ss', () => {
    const cases = [[null, '—'], [-5, '—'], [0, '0:00'], [59999, '0:59'], [61000, '1:01'], [3600000, '1:00:00'], [3725000, '1:02:05']];
    for (const [ms, text] of cases) expect(formatWait(ms), String(ms)).toBe(text);
  });

  it('says how far a deadline is: minutes ahead (up), late by minutes, hours or days (down)', () => {
    const now = 1_000_000_000;
    const cases = [
      [now + 30 * MIN, 'wallboard.dueIn', 30],
      [now + 61000, 'wallboard.dueIn', 2],
      [now + 1000, 'wallboard.dueIn', 1],
      [now, 'wallboard.lateMinutes', 0],
      [now - 59 * MIN, 'wallboard.lateMinutes', 59],
      [now - 60 * MIN, 'wallboard.lateHours', 1],
      [now - 25 * 60 * MIN, 'wallboard.lateDays', 1],
    ];
    for (const [due, key, n] of cases) expect(dueText(due, now), String(due - now)).toEqual({ key, n });
  });

  it('scales bars to the largest and formats CSAT and rates', () => {
    expect(bars([{ count: 4 }, { count: 2 }, { count: 0 }]).map((b) => b.share)).toEqual([1, 0.5, 0]);
    expect(bars([{ count: 0 }])[0].share).toBe(0);
    expect([formatCsat(null), formatCsat(4.25), formatRate(null), formatRate(0.876)]).toEqual(['—', '4.3', '—', '88%']);
  });

  it('reads at once, once per burst of events, and every 10 s without events', () => {
    vi.useFakeTimers();
    const load = vi.fn();
    const r = liveRefresher(load);
    expect(load).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      r.event();
      vi.advanceTimersByTime(300);
    }
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(load).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10000);
    expect(load).toHaveBeenCalledTimes(3); // the poll
    r.stop();
    r.event();
    vi.advanceTimersByTime(30000);
    expect(load).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});

const board = (over = {}) => ({
  as_of: 1767225600000, from: 1767196800000, store_id: null, store_name: '静安店', timezone: 'Asia/Shanghai',
  contacts: { total: 12, tickets: 9, chats: 4, by_channel: [{ channel: 'hotline', label: '客服热线', count: 6 }, { channel: 'live_chat', label: '在线客服', count: 3 }] },
  chat: { waiting: 2, longest_wait_ms: 95000, queues: [{ queue: 'parking', label: '停车', waiting: 2, longest_wait_ms: 95000 }] },
  agents: { online: 5, busy: 3, available: 2, away: 1 },
  tickets: { open: 40, resolved: 7 },
  breaching: {
    window_ms: 1800000,
    due_soon: { count: 1, tickets: [{ id: 1, number: 'KF1', subject: '停车券', store_id: 1, owner_id: null, owner_name: null, metric: 'first_response', due_at: 1767225600000 + 10 * MIN }] },
    overdue: { count: 3, tickets: [] },
  },
  csat: { n: 4, avg: 4.5, good_rate: 0.75 },
  hot_topics: [{ category: '停车', count: 3 }],
  ...over,
});

describe('WallboardView', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    useNotifications().disconnect();
    vi.useRealTimers();
    delete globalThis.fetch;
    delete globalThis.EventSource;
  });

  async function setup(query = {}) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    globalThis.EventSource = FakeEventSource;
    let answer = board();
    const { calls } = mockFetch({ 'GET /api/v1/reports/live': () => [200, answer], 'GET /api/v1/stores': { items: [] } });
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/wallboard', component: { template: '<div />' } }] });
    router.push({ path: '/wallboard', query });
    await router.isReady();
    useSession().me = { id: 2, username: 'chenjing', role: 'supervisor', store_ids: [1], department_ids: [] };
    w = mount(WallboardView, { global: { ...global, plugins: [...global.plugins, router] } });
    await vi.advanceTimersByTimeAsync(10);
    const es = FakeEventSource.last;
    es.emit('ready', { unread: 0 });
    return { calls: () => calls.filter((c) => c.path === '/api/v1/reports/live'), es, set: (b) => (answer = b) };
  }
  const value = (test) => w.find(`[data-test="${test}"]`).attributes('data-value');

  it('shows the figures large, the lists and the bars', async () => {
    await setup();
    expect(value('wb-contacts')).toBe('12');
    expect(w.find('[data-test="wb-contacts"]').text()).toContain('工单 9 · 在线会话 4');
    expect(w.find('[data-test="wb-waiting"]').text()).toContain('最长等待 1:35');
    expect(w.find('[data-test="wb-agents"]').text()).toContain('忙碌 3 · 空闲 2 · 离开 1');
    expect(w.find('[data-test="wb-csat"]').text()).toContain('4.5');
    expect(w.find('[data-test="wb-due-soon"]').attributes('data-count')).toBe('1');
    expect(w.find('[data-test="wb-due-soon"]').text()).toContain('未分配');
    expect(w.find('[data-test="wb-overdue"]').text()).toContain('暂无');
    expect(w.find('[data-test="wb-channels"] [data-key="hotline"]').attributes('data-count')).toBe('6');
    expect(w.find('[data-test="wb-topics"]').text()).toContain('停车');
    expect(w.find('[data-test="wb-store-name"]').text()).toBe('静安店');
    expect(w.find('[data-test="wb-updated"]').attributes('data-at')).not.toBe('');
  });

  it("reads again once per burst of its stores' ticket events, and every 10 s", async () => {
    const { calls, es, set } = await setup({ store_id: '1' });
    expect(calls()).toHaveLength(1);
    expect(new URL(calls()[0].url, 'http://x').searchParams.get('store_id')).toBe('1');
    set(board({ tickets: { open: 41, resolved: 7 } }));
    es.emit('ticket', { event_id: 1, ticket_id: 9, store_id: 2, kind: 'created', created_at: 1 }); // another store
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls()).toHaveLength(1);
    for (let i = 0; i < 3; i++) es.emit('ticket', { event_id: 2 + i, ticket_id: 9, store_id: 1, kind: 'created', created_at: 1 });
    await vi.advanceTimersByTimeAsync(1100);
    expect(calls()).toHaveLength(2);
    expect(value('wb-open')).toBe('41');
    await vi.advanceTimersByTimeAsync(10000);
    expect(calls()).toHaveLength(3);
  });
});

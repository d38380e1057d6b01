// The ticket list, live: `ticket` events from the stream refresh it once per burst (debounced),
// only for stores the list covers, without the loading mask, keeping filters and the rows
// loaded so far, and show "列表已更新".
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import TicketsView from '../../src/console/features/tickets/views/TicketsView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { useNotifications } from '../../src/console/stores/notifications.js';
import { globalOptions, mockFetch, FakeEventSource } from './helpers.js';

const row = (id, extra = {}) => ({ id, number: `KF20261100${id}`, subject: `工单 ${id}`, type: 'inquiry', channel: 'service_desk',
  priority: 'P3', status: 'new', store_id: 1, created_at: 1767225600000 - id, ...extra });

describe('TicketsView, live', () => {
  let w, es, calls, rows;

  async function setup(query = {}, me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1, 2], department_ids: [] }) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    globalThis.EventSource = FakeEventSource;
    rows = [row(3), row(2), row(1)];
    ({ calls } = mockFetch({
      'GET /api/v1/tickets': () => [200, { items: rows, next_cursor: null }],
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }, { id: 2, name: '徐汇店' }] },
      'GET /api/v1/staff': { items: [] },
      'GET /api/v1/departments': { items: [] },
    }));
    const global = globalOptions();
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/tickets', component: { template: '<div />' } }, { path: '/tickets/:id', component: { template: '<div />' } }],
    });
    router.push({ path: '/tickets', query });
    await router.isReady();
    useSession().me = me;
    const notifications = useNotifications();
    notifications.connect();
    es = FakeEventSource.last;
    es.emit('ready', { unread: 0 });
    w = mount(TicketsView, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    await vi.advanceTimersByTimeAsync(10);
  }
  const listCalls = () => calls.filter((c) => c.path === '/api/v1/tickets');
  const activity = (ticketId, storeId, eventId) => ({ event_id: eventId, ticket_id: ticketId, number: 'KF', store_id: storeId, kind: 'reply', created_at: 1 });

  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    w && w.unmount();
    useNotifications().disconnect();
    vi.useRealTimers();
    delete globalThis.fetch;
    delete globalThis.EventSource;
  });

  it('refreshes once for a burst of events in its stores, quietly, and says so', async () => {
    await setup();
    expect(listCalls()).toHaveLength(1);
    expect(w.findAll('[data-test="ticket-row"]')).toHaveLength(3);
    rows = [row(4), ...rows];
    for (let i = 0; i < 5; i++) {
      es.emit('ticket', activity(4, i % 2 ? 1 : 2, 100 + i));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(listCalls()).toHaveLength(1); // still inside the debounce window
    await vi.advanceTimersByTimeAsync(1000);
    expect(listCalls()).toHaveLength(2);
    expect(w.find('.el-loading-mask').exists()).toBe(false);
    expect(w.findAll('[data-test="ticket-row"]').map((r) => r.attributes('data-id'))).toEqual(['4', '3', '2', '1']);
    const hint = w.find('[data-test="tickets-live"]');
    expect(hint.attributes('data-shown')).toBe('1');
    expect(hint.text()).toBe('列表已更新');
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.find('[data-test="tickets-live"]').attributes('data-shown')).toBe('0');
    expect(listCalls()).toHaveLength(2);
  });

  it('ignores activity in a store outside its filter or the staff member\'s stores', async () => {
    await setup({ store_id: '1', status: 'new,assigned' });
    es.emit('ticket', activity(9, 2, 200)); // filtered to store 1
    es.emit('ticket', activity(9, 5, 201)); // not one of this agent's stores
    await vi.advanceTimersByTimeAsync(3000);
    expect(listCalls()).toHaveLength(1);
    expect(w.find('[data-test="tickets-live"]').attributes('data-shown')).toBe('0');
    es.emit('ticket', activity(9, 1, 202));
    await vi.advanceTimersByTimeAsync(1100);
    expect(listCalls()).toHaveLength(2);
    // The same filters as the first load.
    const [first, again] = listCalls().map((c) => new URL(c.url, 'http://x').searchParams);
    expect(again.get('store_id')).toBe('1');
    expect(again.get('status')).toBe('new,assigned');
    expect(again.get('q')).toBe(first.get('q'));
  });

  it('keeps the rows loaded with "more" (the keyset position) and no hint when nothing changed', async () => {
    await setup();
    const all = Array.from({ length: 150 }, (_, i) => row(500 - i));
    // Pages of the keyset: the cursor is the offset here, the limit is honoured.
    globalThis.fetch.mockImplementation(async (url) => {
      const q = new URL(url, 'http://x').searchParams;
      const from = Number(q.get('cursor') || 0);
      const to = from + Number(q.get('limit'));
      calls.push({ path: '/api/v1/tickets', url });
      return new Response(JSON.stringify({ items: all.slice(from, to), next_cursor: to < all.length ? String(to) : null }));
    });
    await w.find('[data-test="filter-search"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    await w.find('[data-test="tickets-more"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    expect(w.findAll('[data-test="ticket-row"]')).toHaveLength(100);
    const before = listCalls().length;
    es.emit('ticket', activity(450, 1, 300));
    await vi.advanceTimersByTimeAsync(1100);
    expect(listCalls()).toHaveLength(before + 1);
    const q = new URL(listCalls().at(-1).url, 'http://x').searchParams;
    expect(q.get('limit')).toBe('100');
    expect(q.get('cursor')).toBe(null);
    expect(w.findAll('[data-test="ticket-row"]')).toHaveLength(100);
    expect(w.find('[data-test="tickets-live"]').attributes('data-shown')).toBe('0');
    // "more" goes on from where the list stands.
    await w.find('[data-test="tickets-more"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    expect(new URL(listCalls().at(-1).url, 'http://x').searchParams.get('cursor')).toBe('100');
    expect(w.findAll('[data-test="ticket-row"]')).toHaveLength(150);
  }, 20000); // 150 rendered rows take a while on a busy machine

  it('an admin\'s list follows every store', async () => {
    await setup({}, { id: 1, username: 'admin', role: 'admin', store_ids: [], department_ids: [] });
    es.emit('ticket', activity(9, 42, 400));
    await vi.advanceTimersByTimeAsync(1100);
    expect(listCalls()).toHaveLength(2);
  });
});

// The open ticket, live: `ticket` events for it (someone else's reply, on any node) reload the
// ticket and its timeline once per burst; other tickets' events and our own (already in the
// timeline) do not; the half-typed reply and other unsaved form input stay.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import TicketDetailView from '../../src/console/features/tickets/views/TicketPage.vue';
import { useSession } from '../../src/console/stores/session.js';
import { useNotifications } from '../../src/console/stores/notifications.js';
import { ticketPanels, loadPanels } from '../../src/console/features.js';
import { globalOptions, mockFetch, FakeEventSource } from './helpers.js';

describe('TicketDetailView, live', () => {
  let w, es, calls, ticket, events;

  async function setup() {
    await loadPanels(ticketPanels); // every feature's panel, imported before the clock is faked
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    globalThis.EventSource = FakeEventSource;
    ticket = { id: 7, number: 'KF2026110007', subject: '试衣间排队', type: 'complaint', channel: 'service_desk', priority: 'P3',
      status: 'in_progress', store_id: 1, owner_id: 3, version: 4, created_at: 1767225600000 };
    events = [{ id: 70, kind: 'created', actor_id: 3, created_at: 1767225600000 }];
    ({ calls } = mockFetch({
      'GET /api/v1/tickets/7': () => [200, ticket],
      'GET /api/v1/tickets/7/timeline': () => [200, { events, tasks: [], attachments: [] }],
      'GET /api/v1/tickets/7/sla': { clocks: [], policy: null },
      'GET /api/v1/tickets/7/resolutions': { items: [] },
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏', role: 'agent', store_ids: [1] }, { id: 4, display_name: '李华', role: 'agent', store_ids: [1] }] },
      'GET /api/v1/departments': { items: [] },
    }));
    const global = globalOptions();
    useSession().me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1], department_ids: [] };
    useNotifications().connect();
    es = FakeEventSource.last;
    es.emit('ready', { unread: 0 });
    w = mount(TicketDetailView, { props: { id: '7' }, global, attachTo: document.body });
    await vi.advanceTimersByTimeAsync(10);
  }
  const loads = (path) => calls.filter((c) => c.method === 'GET' && c.path === path).length;
  const activity = (ticketId, eventId, kind = 'reply') => ({ event_id: eventId, ticket_id: ticketId, number: 'KF', store_id: 1, kind, created_at: 2 });

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

  it('reloads the ticket and timeline once for a burst on this ticket, keeping the draft reply', async () => {
    await setup();
    expect(w.findAll('[data-test="timeline-event"]')).toHaveLength(1);
    const draft = w.find('[data-test="reply-body"]');
    await draft.setValue('王女士您好，正在为您');
    await w.find('[data-test="status-comment"]').setValue('等顾客确认');
    await w.find('[data-test="priority-select"]').setValue('P2');
    // 李华 replies and changes the status elsewhere.
    events = [...events, { id: 71, kind: 'reply', actor_id: 4, body: '已安排专人处理', created_at: 2 },
      { id: 72, kind: 'status', actor_id: 4, data: { from: 'in_progress', to: 'waiting_customer' }, created_at: 3 }];
    ticket = { ...ticket, status: 'waiting_customer', priority: 'P1', version: 6 };
    es.emit('ticket', activity(7, 71));
    es.emit('ticket', activity(7, 72, 'status'));
    await vi.advanceTimersByTimeAsync(500);
    expect(loads('/api/v1/tickets/7/timeline')).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loads('/api/v1/tickets/7/timeline')).toBe(2);
    expect(loads('/api/v1/tickets/7')).toBe(2);
    const kinds = w.findAll('[data-test="timeline-event"]').map((e) => e.attributes('data-kind'));
    expect(kinds).toEqual(['created', 'reply', 'status']);
    expect(w.find('[data-test="ticket-status"]').attributes('data-status')).toBe('waiting_customer');
    expect(w.find('[data-test="ticket-priority"]').attributes('data-priority')).toBe('P1');
    // What the agent was typing is untouched.
    expect(w.find('[data-test="reply-body"]').element.value).toBe('王女士您好，正在为您');
    expect(w.find('[data-test="status-comment"]').element.value).toBe('等顾客确认');
    expect(w.find('[data-test="priority-select"]').element.value).toBe('P2');
    // No notification was counted.
    expect(useNotifications().unread).toBe(0);
  });

  it('ignores other tickets, and events already in its timeline (our own action reloaded them)', async () => {
    await setup();
    es.emit('ticket', activity(8, 80));
    es.emit('ticket', activity(17, 81));
    es.emit('ticket', activity(7, 70, 'created'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(loads('/api/v1/tickets/7/timeline')).toBe(1);
    expect(loads('/api/v1/tickets/7')).toBe(1);
  });

  it('waits for its own action to finish before deciding', async () => {
    await setup();
    await w.find('[data-test="reply-body"]').setValue('您好');
    // Our reply: the stream may announce it before the POST answers.
    let answer;
    globalThis.fetch.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    await w.find('[data-test="reply-send"]').trigger('click');
    es.emit('ticket', activity(7, 90));
    await vi.advanceTimersByTimeAsync(1500); // the POST is still under way
    expect(loads('/api/v1/tickets/7/timeline')).toBe(1);
    events = [...events, { id: 90, kind: 'reply', actor_id: 3, body: '您好', created_at: 2 }];
    answer(new Response(JSON.stringify({ id: 90 }), { status: 201, headers: { 'Content-Type': 'application/json' } }));
    await vi.advanceTimersByTimeAsync(3000);
    expect(loads('/api/v1/tickets/7/timeline')).toBe(2); // the view's own reload, no second one
    expect(w.find('[data-test="reply-body"]').element.value).toBe(''); // sent
  });
});

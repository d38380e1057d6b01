import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useNotifications } from '../../src/console/stores/notifications.js';
import { FakeEventSource } from './helpers.js';

describe('notifications store (SSE)', () => {
  let store;
  beforeEach(() => {
    globalThis.EventSource = FakeEventSource;
    setActivePinia(createPinia());
    store = useNotifications();
  });
  afterEach(() => {
    store.disconnect();
    delete globalThis.EventSource;
    vi.useRealTimers();
  });

  it('takes the unread count from `ready` and counts new notifications once', () => {
    const seen = [];
    store.subscribe((n) => seen.push(n.id));
    store.connect();
    const es = FakeEventSource.last;
    expect(es.url).toBe('/api/v1/notifications/stream');
    es.emit('ready', { unread: 3 });
    expect(store.unread).toBe(3);
    es.emit('notification', { id: 10, kind: 'escalation', title: 'x', read_at: null });
    es.emit('notification', { id: 10, kind: 'escalation', title: 'x', read_at: null }); // replayed
    expect(store.unread).toBe(4);
    expect(seen).toEqual([10]);
  });

  it('reopens after the browser gave up, asking for what came after the last id', () => {
    vi.useFakeTimers();
    store.connect();
    const es = FakeEventSource.last;
    es.emit('notification', { id: 41, kind: 'approval_request' });
    es.readyState = 2;
    es.onerror();
    vi.advanceTimersByTime(5000);
    expect(FakeEventSource.last).not.toBe(es);
    expect(FakeEventSource.last.url).toBe('/api/v1/notifications/stream?after=41');
  });

  it('connects once', () => {
    store.connect();
    const es = FakeEventSource.last;
    store.connect();
    expect(FakeEventSource.last).toBe(es);
  });

  it('hands `ticket` events to ticket listeners only, never counting them as unread', () => {
    const tickets = [];
    const notes = [];
    store.subscribeTickets((a) => tickets.push(a));
    store.subscribe((n) => notes.push(n));
    store.connect();
    const es = FakeEventSource.last;
    es.emit('ready', { unread: 2 });
    const activity = { event_id: 501, ticket_id: 7, number: 'KF2026110001', store_id: 1, kind: 'reply', created_at: 1 };
    es.emit('ticket', activity);
    es.emit('ticket', { ...activity, event_id: 502, kind: 'status' });
    expect(tickets).toEqual([activity, { ...activity, event_id: 502, kind: 'status' }]);
    expect(notes).toEqual([]);
    expect(store.unread).toBe(2);
    expect(store.lastId).toBe(0); // ticket events carry no id: they never move the resume point
  });

  it('stops calling a ticket listener once it unsubscribed, and survives a throwing one', () => {
    const seen = [];
    const off = store.subscribeTickets((a) => seen.push(a.event_id));
    const offThrowing = store.subscribeTickets(() => {
      throw new Error('boom');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    store.connect();
    const es = FakeEventSource.last;
    es.emit('ticket', { event_id: 1, ticket_id: 7, store_id: 1, kind: 'note' });
    off();
    es.emit('ticket', { event_id: 2, ticket_id: 7, store_id: 1, kind: 'note' });
    expect(seen).toEqual([1]);
    expect(warn).toHaveBeenCalledTimes(2);
    offThrowing();
    warn.mockRestore();
  });

  it('tells ticket listeners to resync after the stream came back (ticket events are not replayed)', () => {
    const seen = [];
    store.subscribeTickets((a) => seen.push(a));
    store.connect();
    const es = FakeEventSource.last;
    es.emit('ready', { unread: 0 });
    expect(seen).toEqual([]); // the first connection is no resync
    es.readyState = 0; // CONNECTING: the browser reconnects by itself
    es.onerror();
    es.emit('ready', { unread: 1 });
    expect(seen).toEqual([{ resync: true }]);
    expect(store.unread).toBe(1);
  });
});

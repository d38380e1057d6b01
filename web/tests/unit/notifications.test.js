import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useNotifications } from '../../src/console/stores/notifications.js';

class FakeEventSource {
  static last = null;
  constructor(url) {
    this.url = url;
    this.readyState = 1;
    this.listeners = {};
    FakeEventSource.last = this;
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  emit(type, data) {
    for (const fn of this.listeners[type] || []) fn({ data: JSON.stringify(data) });
  }
  close() {
    this.readyState = 2;
  }
}

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
});

// The unread count and new notifications, live from the notification stream (SSE):
// `ready` {unread} then one `notification` per new one. EventSource reconnects by itself
// (sending Last-Event-ID); if the browser gives up (readyState CLOSED) we reopen with ?after=.
// The same stream carries `ticket` events (no id): {event_id, ticket_id, number, store_id,
// kind, created_at} for every timeline event in the caller's stores, by anyone on any node.
// They go to their own listeners (subscribeTickets) and never count as unread. Ticket events
// are not replayed, so after a reconnect the ticket listeners get {resync: true}: something
// may have been missed, refresh whatever is shown.
import { defineStore } from 'pinia';
import { streamUrl } from '../features/notifications/api.js';

const listeners = new Set();
const ticketListeners = new Set();
let source = null;
let retry = null;
let lostSinceReady = false; // a `ready` arrived before and the stream dropped since

function emit(set, payload) {
  for (const fn of set) {
    try {
      fn(payload);
    } catch (e) {
      console.warn(e);
    }
  }
}

export const useNotifications = defineStore('notifications', {
  state: () => ({ unread: 0, connected: false, lastId: 0 }),
  actions: {
    connect() {
      if (source || typeof EventSource === 'undefined') return;
      const url = streamUrl(this.lastId);
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.addEventListener('ready', (ev) => {
        this.connected = true;
        if (lostSinceReady) {
          lostSinceReady = false;
          emit(ticketListeners, { resync: true });
        }
        try {
          this.unread = JSON.parse(ev.data).unread || 0;
        } catch {
          /* keep the count */
        }
      });
      es.addEventListener('notification', (ev) => {
        let n;
        try {
          n = JSON.parse(ev.data);
        } catch {
          return;
        }
        if (n.id && n.id <= this.lastId) return;
        this.lastId = n.id || this.lastId;
        if (!n.read_at) this.unread += 1;
        emit(listeners, n);
      });
      es.addEventListener('ticket', (ev) => {
        let a;
        try {
          a = JSON.parse(ev.data);
        } catch {
          return;
        }
        if (a && a.ticket_id) emit(ticketListeners, a);
      });
      es.onerror = () => {
        if (this.connected) lostSinceReady = true;
        this.connected = false;
        if (es.readyState === 2 /* CLOSED */) {
          source = null;
          clearTimeout(retry);
          retry = setTimeout(() => this.connect(), 5000);
        }
      };
    },
    disconnect() {
      clearTimeout(retry);
      if (source) source.close();
      source = null;
      lostSinceReady = false;
      this.connected = false;
      this.unread = 0;
      this.lastId = 0;
    },
    setUnread(n) {
      this.unread = Math.max(0, n);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    // fn({event_id, ticket_id, number, store_id, kind, created_at}) or fn({resync: true}).
    subscribeTickets(fn) {
      ticketListeners.add(fn);
      return () => ticketListeners.delete(fn);
    },
  },
});

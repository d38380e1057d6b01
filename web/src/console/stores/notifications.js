// The unread count and new notifications, live from GET /api/v1/notifications/stream (SSE):
// `ready` {unread} then one `notification` per new one. EventSource reconnects by itself
// (sending Last-Event-ID); if the browser gives up (readyState CLOSED) we reopen with ?after=.
import { defineStore } from 'pinia';

const listeners = new Set();
let source = null;
let retry = null;

export const useNotifications = defineStore('notifications', {
  state: () => ({ unread: 0, connected: false, lastId: 0 }),
  actions: {
    connect() {
      if (source || typeof EventSource === 'undefined') return;
      const url = '/api/v1/notifications/stream' + (this.lastId ? `?after=${this.lastId}` : '');
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.addEventListener('ready', (ev) => {
        this.connected = true;
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
        for (const fn of listeners) {
          try {
            fn(n);
          } catch (e) {
            console.warn(e);
          }
        }
      });
      es.onerror = () => {
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
  },
});

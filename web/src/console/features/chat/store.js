// The chat state one console page shares: the staff member's chat status (presence,
// capacity), the open conversations of their stores (kept live by the socket's
// `conversation` frames, and a poll while the socket is down), typing, the stores' chat
// settings, and the one ChatClient (lib/client.js) the workspace and the live view use.
// The menu badge reads `badge` (waiting + unread).
import { defineStore } from 'pinia';
import * as api from './api.js';
import { ChatClient } from './lib/client.js';
import { unread } from './lib/timing.js';

export const POLL_MS = 15000;
// A store without its own settings has these (src/chat/domain/settings.hpp).
export const DEFAULT_SETTINGS = { idle_end_minutes: 15, first_reply_seconds: 60, reply_gap_seconds: 180, welcome: '', offline_text: '' };
export const TYPING_MS = 6000;

let client = null;
let offClient = null;
let poll = null;
const arrivals = new Set(); // fn(conversation): a conversation newly assigned to me
const readSent = new Map(); // id → the last seq a read mark went out for
const readTimers = new Map();
export const READ_MS = 300;

export function chatClient() {
  return client;
}

const byActivity = (a, b) => (b.last_message_at || 0) - (a.last_message_at || 0) || b.id - a.id;

export const useChat = defineStore('chat', {
  state: () => ({
    myId: null, me: null, conversations: {}, connected: false, loaded: false, settings: {}, typing: {}, threads: {},
  }),
  getters: {
    // Assigned to me, or I was invited; newest activity first.
    mine: (s) =>
      Object.values(s.conversations)
        .filter((c) => c.status === 'assigned' && (c.agent_id === s.myId || (c.participants || []).includes(s.myId)))
        .sort(byActivity),
    // Waiting for an agent, longest first.
    queue: (s) =>
      Object.values(s.conversations)
        .filter((c) => c.status === 'queued')
        .sort((a, b) => (a.queued_at || a.created_at) - (b.queued_at || b.created_at)),
    badge() {
      return this.queue.length + this.mine.reduce((n, c) => n + unread(c), 0);
    },
  },
  actions: {
    // Once per page (the badge and the views call it): the socket, the list, the poll.
    start(myId) {
      if (client && this.myId === myId) return;
      if (client) this.stop(); // someone else signed in on this page
      this.myId = myId;
      client = new ChatClient({ api: { getConversation: api.getConversation, sendMessage: api.sendMessage, markRead: api.markRead }, url: api.socketUrl() });
      offClient = client.subscribe((ev) => this.onEvent(ev));
      client.start();
      this.refresh();
      poll = setInterval(() => {
        if (!this.connected) this.refresh();
      }, POLL_MS);
    },
    stop() {
      clearInterval(poll);
      for (const t of readTimers.values()) clearTimeout(t);
      readTimers.clear();
      readSent.clear();
      poll = null;
      if (offClient) offClient();
      offClient = null;
      if (client) client.stop();
      client = null;
      this.$reset();
    },
    async refresh() {
      try {
        const [me, list] = await Promise.all([api.getMe(), api.listConversations({ status: 'open', limit: 200 })]);
        this.me = me;
        const next = {};
        for (const c of list.items || []) next[c.id] = c;
        // Keep what is on screen but no longer open (just ended) so its page stays.
        for (const c of Object.values(this.conversations)) if (!next[c.id] && this.threads[c.id]) next[c.id] = { ...c, status: c.status === 'ended' ? 'ended' : c.status };
        const firstLoad = !this.loaded;
        const before = this.conversations;
        this.conversations = next;
        this.loaded = true;
        if (!firstLoad) for (const c of Object.values(next)) this.notifyIfNew(before[c.id], c);
      } catch (e) {
        console.warn('chat refresh', e);
      }
    },
    upsert(c) {
      if (!c || !c.id) return;
      const before = this.conversations[c.id];
      this.conversations[c.id] = { ...(before || {}), ...c };
      if (this.loaded) this.notifyIfNew(before, c);
    },
    notifyIfNew(before, c) {
      const mineNow = c.status === 'assigned' && c.agent_id === this.myId;
      const mineBefore = before && before.status === 'assigned' && before.agent_id === this.myId;
      if (mineNow && !mineBefore) for (const fn of arrivals) fn(c);
    },
    onArrival(fn) {
      arrivals.add(fn);
      return () => arrivals.delete(fn);
    },
    onEvent(ev) {
      if (ev.type === 'conversation') this.upsert(ev.conversation);
      else if (ev.type === 'state') {
        const was = this.connected;
        this.connected = ev.state === 'open';
        if (this.connected && !was && this.loaded) this.refresh(); // frames missed while down
      } else if (ev.type === 'thread') this.threads[ev.id] = (this.threads[ev.id] || 0) + 1;
      else if (ev.type === 'typing' && ev.sender === 'customer') this.typing[ev.conversation_id] = Date.now();
      else if (ev.type === 'message') {
        const m = ev.message;
        const c = this.conversations[m.conversation_id];
        if (c && m.seq > (c.last_seq || 0)) {
          this.conversations[m.conversation_id] = { ...c, last_seq: m.seq, last_message_at: m.created_at, last_message: { sender: m.sender, kind: m.kind, body: m.body } };
        }
        if (m.sender === 'customer') delete this.typing[m.conversation_id];
      }
    },
    isTyping(id, now = Date.now()) {
      const at = this.typing[id];
      return !!at && now - at < TYPING_MS;
    },
    // The agent has read a conversation up to its last message.
    // A burst of messages (a replay after watch) sends one read mark, READ_MS later.
    markRead(id) {
      const c = this.conversations[id];
      const seq = client ? client.lastSeq(id) : 0;
      if (!seq || (c && (c.agent_read_seq || 0) >= seq && (readSent.get(id) || 0) >= seq)) return;
      if (c) this.conversations[id] = { ...c, agent_read_seq: Math.max(seq, c.agent_read_seq || 0) };
      if (readTimers.has(id)) return;
      readTimers.set(
        id,
        setTimeout(() => {
          readTimers.delete(id);
          const last = client ? client.lastSeq(id) : 0;
          if (!last || (readSent.get(id) || 0) >= last) return;
          readSent.set(id, last);
          client.read(id, last);
        }, READ_MS),
      );
    },
    async setPresence(presence, onCall) {
      this.me = await api.setPresence(presence, onCall);
      return this.me;
    },
    async ensureSettings(storeId) {
      if (!storeId || storeId in this.settings) return this.settings[storeId];
      this.settings[storeId] = null; // asked once: later calls do not ask again meanwhile
      try {
        this.settings[storeId] = await api.getChatSettings(storeId);
      } catch {
        this.settings[storeId] = { ...DEFAULT_SETTINGS }; // the targets still colour late replies
      }
      return this.settings[storeId];
    },
  },
});

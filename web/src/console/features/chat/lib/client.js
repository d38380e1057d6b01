// The console's chat client: the socket (socket.js) and the threads (thread.js) together.
// - open(id) watches a conversation and loads it; its thread resumes after the last seq
//   seen on every reconnection.
// - Server frames: `message` merges into its thread (a hole → one REST fetch `after=last`),
//   `ack` settles a pending message, `error` with a client_msg_id fails it, `conversation`
//   and `typing` go to the listeners.
// - send() keeps the message pending (发送中) and sends it on the socket, or by REST when
//   the socket is down; after a reconnection every unacked one is sent again (the server
//   de-duplicates by client_msg_id).
// Plain JS: the API functions and the socket are injected; listeners get plain events.
import { ChatSocket } from './socket.js';
import { Thread } from './thread.js';

export const ACK_GRACE_MS = 1500;

export class ChatClient {
  // api: { getConversation(id, after), sendMessage(id, body) }; socket: a ChatSocket-like
  // object (made here from `url` when not given).
  constructor({ api, socket, url, WebSocketImpl, timers, random } = {}) {
    this.api = api;
    this.threads = new Map();
    this.listeners = new Set();
    this.fetching = new Map(); // id → promise of the gap fetch under way
    this.socket =
      socket ||
      new ChatSocket({ url, WebSocketImpl, timers, random, lastSeq: (id) => this.lastSeq(id), onFrame: (f) => this.onFrame(f), onState: (s) => this.onState(s) });
  }

  start() {
    this.socket.start();
  }

  stop() {
    this.socket.stop();
  }

  get connected() {
    return this.socket.open;
  }

  // fn(event): { type: 'thread', id } | { type: 'conversation', conversation } |
  // { type: 'typing', conversation_id, sender } | { type: 'state', state } | { type: 'error', … }.
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(ev) {
    for (const fn of this.listeners) {
      try {
        fn(ev);
      } catch (e) {
        console.warn(e);
      }
    }
  }

  thread(id) {
    let t = this.threads.get(id);
    if (!t) {
      t = new Thread(id);
      this.threads.set(id, t);
    }
    return t;
  }

  lastSeq(id) {
    const t = this.threads.get(id);
    return t ? t.lastSeq : 0;
  }

  // Watch and load a conversation; answers the REST answer's conversation.
  async open(id) {
    this.socket.watch(id);
    return this.fetch(id);
  }

  close(id) {
    this.socket.unwatch(id);
  }

  // Everything after the thread's last seq, by REST (the first load and every hole).
  fetch(id) {
    if (this.fetching.has(id)) return this.fetching.get(id);
    const t = this.thread(id);
    const p = (async () => {
      try {
        // The server answers a page (in seq order): go on while it has more than we hold.
        for (let page = 0; ; page++) {
          const r = await this.api.getConversation(id, t.lastSeq || undefined);
          const before = t.lastSeq;
          t.merge(r.messages || [], { complete: true });
          this.emit({ type: 'thread', id });
          const last = r.conversation ? r.conversation.last_seq || 0 : 0;
          if (last <= t.lastSeq || t.lastSeq === before || page >= 50) {
            if (r.conversation) this.emit({ type: 'conversation', conversation: r.conversation });
            return r.conversation;
          }
        }
      } finally {
        this.fetching.delete(id);
      }
    })();
    this.fetching.set(id, p);
    return p;
  }

  // Messages a REST call answered (a photo upload): merged like frames.
  merge(id, messages) {
    const { gap } = this.thread(id).merge(messages);
    this.emit({ type: 'thread', id });
    if (gap) this.fetch(id).catch(() => {});
  }

  send(id, body, { whisper = false } = {}) {
    const t = this.thread(id);
    const p = t.addPending(body, { whisper });
    this.emit({ type: 'thread', id });
    this.transmit(id, p);
    return p;
  }

  retry(id, clientMsgId) {
    const p = this.thread(id).retry(clientMsgId);
    if (!p) return;
    this.emit({ type: 'thread', id });
    this.transmit(id, p);
  }

  transmit(id, p) {
    const frame = { type: 'send', conversation_id: id, client_msg_id: p.client_msg_id, body: p.body };
    if (p.whisper) frame.whisper = true;
    if (this.socket.send(frame)) return;
    // No socket: by REST (201 is the ack); the same client id if the socket sends it again.
    const body = { client_msg_id: p.client_msg_id, body: p.body };
    if (p.whisper) body.whisper = true;
    this.api.sendMessage(id, body).then(
      (r) => {
        const t = this.thread(id);
        if (r && r.message) {
          t.ack({ client_msg_id: p.client_msg_id, seq: r.message.seq });
          const { gap } = t.merge([r.message]);
          if (gap) this.fetch(id).catch(() => {});
        }
        this.emit({ type: 'thread', id });
      },
      (e) => {
        // A network failure keeps it pending (the reconnection sends it); a refusal fails it.
        if (e && e.status) {
          this.thread(id).fail(p.client_msg_id, e.message);
          this.emit({ type: 'thread', id });
        }
      },
    );
  }

  onState(state) {
    if (state === 'open') {
      // The watches went out (socket.js); now everything not acked, again.
      for (const [id, t] of this.threads) for (const p of t.unacked()) this.transmit(id, p);
    }
    this.emit({ type: 'state', state });
  }

  findPending(clientMsgId) {
    for (const [id, t] of this.threads) if (t.pending.has(clientMsgId)) return id;
    return null;
  }

  onFrame(f) {
    switch (f.type) {
      case 'message': {
        const id = f.conversation_id;
        if (!this.threads.has(id)) {
          this.emit({ type: 'message', message: f });
          return;
        }
        if (f.kind === 'photo' && f.attachment_id == null) {
          // A photo frame without its attachment id cannot be shown: the REST answer has it.
          this.fetch(id).catch(() => {});
          return;
        }
        const t = this.thread(id);
        const { gap } = t.merge([f]);
        this.emit({ type: 'thread', id });
        this.emit({ type: 'message', message: f });
        if (gap) this.fetch(id).catch(() => {});
        return;
      }
      case 'ack': {
        const id = this.findPending(f.client_msg_id);
        if (id === null) return;
        if (this.thread(id).ack(f)) {
          // Committed but its message has not come: if no frame brings it soon, fetch.
          setTimeout(() => {
            if (!this.thread(id).bySeq.has(f.seq)) this.fetch(id).catch(() => {});
          }, ACK_GRACE_MS);
        }
        this.emit({ type: 'thread', id });
        return;
      }
      case 'error': {
        const id = f.client_msg_id ? this.findPending(f.client_msg_id) : null;
        if (id !== null) {
          this.thread(id).fail(f.client_msg_id, f.message);
          this.emit({ type: 'thread', id });
        }
        this.emit({ type: 'error', code: f.code, message: f.message, conversation_id: id });
        return;
      }
      case 'conversation':
        if (f.conversation) this.emit({ type: 'conversation', conversation: f.conversation });
        return;
      case 'typing':
        this.emit({ type: 'typing', conversation_id: f.conversation_id, sender: f.sender });
        return;
      default:
    }
  }

  typing(id) {
    this.socket.send({ type: 'typing', conversation_id: id });
  }

  // The agent has read up to seq: on the socket, or by REST (api.markRead) without one.
  read(id, seq) {
    if (!seq) return;
    if (this.socket.send({ type: 'read', conversation_id: id, seq })) return;
    if (this.api.markRead) this.api.markRead(id, seq).catch(() => {});
  }
}

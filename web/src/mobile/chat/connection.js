// The customer's live line to a conversation: the WebSocket while it works, polling when it
// does not, and the outbox sent by whichever is up (docs/chat.md, "The socket").
//
// - The socket's first frame is hello {token, after: last seq seen}; the server replays what
//   came after. A dropped socket is opened again after backoffDelay (1 s → 30 s, jitter), at
//   once when the browser says it is back online.
// - After SOCKET_FAILURES_BEFORE_POLLING attempts in a row that never opened, the
//   conversation is fetched every POLL_MS (GET …?after=N); the socket is still tried on the
//   back-off schedule and polling stops when it opens.
// - Messages typed go into the outbox (kept by the page across reloads) and are sent on the
//   socket, or by REST while the socket is down; every reconnect sends what is not yet
//   acknowledged again: the server keeps one message per client id.
//
// Everything outside (the socket class, the REST calls, the window for `online`, the random
// source) is passed in, so that tests drive it with fakes and fake timers.
import {
  POLL_MS, backoffDelay, shouldPoll, newClientMsgId, outboxAdd, outboxRemove, outboxMark, outboxPending, retryable,
} from './logic.js';

const PING_MS = 25000;
const SILENT_MS = 60000; // no frame for this long: the socket is dead, whatever it says
const TYPING_EVERY_MS = 3000;
// Refusals of a message that pass: sent again after RESEND_MS (chat_flood: more than 5 a
// second, as a long outbox resent at once can be).
const TEMPORARY_SOCKET_ERRORS = ['internal', 'unavailable', 'too_many_requests', 'rate_limited', 'chat_flood'];
const RESEND_MS = 2000;
const OPEN = 1;

export class ChatConnection {
  // api: { poll(token, after) → {conversation, queue, messages}, send(token, {client_msg_id, body}) →
  // {message, duplicate}, read(token, seq) }. on: { messages(list), ack(clientMsgId, seq), queue(q),
  // conversation(c), typing(sender), mode(m), outbox(list), invalid(error), error(error) }.
  constructor({ token, after = 0, outbox = [], url, api, on = {}, WebSocketImpl = globalThis.WebSocket,
    target = typeof window !== 'undefined' ? window : null, random = Math.random }) {
    this.token = token;
    this.after = after;
    this.outbox = [...outbox];
    this.url = url;
    this.api = api;
    this.on = on;
    this.WS = WebSocketImpl;
    this.target = target;
    this.random = random;
    this.mode = 'idle';
    this.ws = null;
    this.failures = 0; // socket attempts in a row that never answered
    this.attempt = 0; // back-off step; back to 0 once a socket answers
    this.readSent = 0;
    this.lastTypingAt = 0;
    this.lastFrameAt = 0;
    this.timers = { reconnect: null, poll: null, ping: null, resend: null };
    this.flushing = false;
    this.filling = false;
    this.stopped = false;
    this.onOnline = () => this.reconnectNow();
  }

  start() {
    this.stopped = false;
    if (this.target && this.target.addEventListener) this.target.addEventListener('online', this.onOnline);
    this.setMode('connecting');
    this.openSocket();
  }

  stop() {
    this.stopped = true;
    if (this.target && this.target.removeEventListener) this.target.removeEventListener('online', this.onOnline);
    for (const k of Object.keys(this.timers)) this.clear(k);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      detach(ws);
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
    this.setMode('stopped');
  }

  socketOpen() {
    return !!this.ws && this.ws.readyState === OPEN && this.wsOpened;
  }

  // --- sending -------------------------------------------------------------------------

  send(body) {
    const item = { client_msg_id: newClientMsgId(), body, created_at: Date.now() };
    this.setOutbox(outboxAdd(this.outbox, item));
    if (this.socketOpen()) this.sendFrame({ type: 'send', client_msg_id: item.client_msg_id, body });
    else this.flushRest();
    return item;
  }

  // A message that failed for good, tried once more (the customer tapped it).
  retry(clientMsgId) {
    this.setOutbox(outboxMark(this.outbox, clientMsgId, null));
    const item = this.outbox.find((x) => x.client_msg_id === clientMsgId);
    if (!item) return;
    if (this.socketOpen()) this.sendFrame({ type: 'send', client_msg_id: item.client_msg_id, body: item.body });
    else this.flushRest();
  }

  discard(clientMsgId) {
    this.setOutbox(outboxRemove(this.outbox, clientMsgId));
  }

  markRead(seq) {
    if (!Number.isInteger(seq) || seq <= this.readSent || this.stopped) return;
    const before = this.readSent;
    this.readSent = seq;
    if (this.socketOpen()) this.sendFrame({ type: 'read', seq });
    else
      Promise.resolve(this.api.read(this.token, seq)).catch(() => {
        if (this.readSent === seq) this.readSent = before; // told again with the next message
      });
  }

  typing() {
    const now = Date.now();
    if (!this.socketOpen() || now - this.lastTypingAt < TYPING_EVERY_MS) return;
    this.lastTypingAt = now;
    this.sendFrame({ type: 'typing' });
  }

  // --- the socket --------------------------------------------------------------------------

  openSocket() {
    if (this.stopped || this.ws) return;
    this.clear('reconnect');
    let ws;
    try {
      ws = new this.WS(this.url);
    } catch {
      this.socketClosed(false);
      return;
    }
    this.ws = ws;
    this.wsOpened = false;
    this.wsAnswered = false;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.wsOpened = true;
      this.lastFrameAt = Date.now();
      this.stopPolling();
      this.setMode('socket');
      this.sendFrame({ type: 'hello', token: this.token, after: this.after });
      for (const item of outboxPending(this.outbox))
        this.sendFrame({ type: 'send', client_msg_id: item.client_msg_id, body: item.body });
      this.startPing();
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.lastFrameAt = Date.now();
      this.attempt = 0;
      this.failures = 0;
      this.wsAnswered = true;
      this.handleFrame(ev.data);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.wsOpened = false;
      this.socketClosed(this.wsAnswered);
    };
    ws.onerror = () => {}; // a close follows
  }

  // answered: the server sent at least one frame on it. A socket that never answers (refused,
  // or cut by a proxy right after the upgrade) is a failed attempt.
  socketClosed(answered) {
    this.clear('ping');
    if (this.stopped) return;
    if (!answered) this.failures++;
    if (shouldPoll(this.failures)) this.startPolling();
    else this.setMode('connecting');
    this.flushRest();
    this.clear('reconnect');
    this.timers.reconnect = setTimeout(() => this.openSocket(), backoffDelay(this.attempt++, this.random));
  }

  // The browser is back online (or the page came back): try the socket now, from the start of the back-off.
  reconnectNow() {
    if (this.stopped) return;
    this.attempt = 0;
    if (!this.ws) this.openSocket();
    this.flushRest();
  }

  sendFrame(frame) {
    try {
      this.ws.send(JSON.stringify(frame));
    } catch {
      /* closing: onclose follows and the outbox is sent again */
    }
  }

  startPing() {
    this.clear('ping');
    this.timers.ping = setInterval(() => {
      if (!this.ws) return;
      if (Date.now() - this.lastFrameAt > SILENT_MS) return this.dropSocket();
      this.sendFrame({ type: 'ping' });
    }, PING_MS);
  }

  // A socket that went silent (a phone that changed networks keeps a dead one open).
  dropSocket() {
    const ws = this.ws;
    if (!ws) return;
    this.ws = null;
    detach(ws);
    try {
      ws.close();
    } catch {
      /* gone */
    }
    this.wsOpened = false;
    this.socketClosed(this.wsAnswered);
  }

  handleFrame(data) {
    let f;
    try {
      f = JSON.parse(data);
    } catch {
      return;
    }
    if (!f || typeof f !== 'object') return;
    switch (f.type) {
      case 'message':
        this.liveMessage(f.message && typeof f.message === 'object' ? f.message : withoutType(f));
        break;
      case 'ack':
        this.acked(f.client_msg_id, null, f.seq);
        break;
      case 'queue':
        this.emit('queue', { position: f.position, wait_ms: f.wait_ms ?? null, staffed: !!f.staffed });
        break;
      case 'conversation':
        if (f.conversation) this.emit('conversation', f.conversation);
        break;
      case 'typing':
        if (f.sender !== 'customer') this.emit('typing', f.sender || 'agent');
        break;
      case 'error':
        this.socketError(f);
        break;
      default:
        break; // pong and anything newer
    }
  }

  socketError(f) {
    const error = { code: f.code, message: f.message };
    if (f.client_msg_id) {
      if (TEMPORARY_SOCKET_ERRORS.includes(f.code)) this.resendLater();
      else {
        this.setOutbox(outboxMark(this.outbox, f.client_msg_id, error));
        this.emit('error', { ...error, client_msg_id: f.client_msg_id });
      }
    } else if (f.code === 'invalid_chat_token') {
      this.invalid(error);
    } else this.emit('error', error);
  }

  // What is still in the outbox, again, in a moment (the server keeps one message per id).
  resendLater() {
    if (this.timers.resend !== null) return;
    this.timers.resend = setTimeout(() => {
      this.timers.resend = null;
      if (!this.socketOpen()) return this.flushRest();
      for (const item of outboxPending(this.outbox))
        this.sendFrame({ type: 'send', client_msg_id: item.client_msg_id, body: item.body });
    }, RESEND_MS);
  }

  invalid(error) {
    this.stop();
    this.emit('invalid', error);
  }

  // A message pushed live: one that skips numbers means some were missed (a reconnect raced
  // a message): fetch the gap. A photo that came without its attachment id is fetched whole.
  liveMessage(m) {
    if (!m || !Number.isInteger(m.seq)) return;
    if (m.seq > this.after + 1) this.fillGap(this.after);
    else if (m.kind === 'photo' && m.attachment_id == null) this.fillGap(m.seq - 1);
    this.messages([m]);
  }

  async fillGap(after) {
    if (this.filling) return;
    this.filling = true;
    try {
      this.state(await this.api.poll(this.token, after));
    } catch {
      /* the next reconnect or poll catches up */
    } finally {
      this.filling = false;
    }
  }

  // --- polling and REST ----------------------------------------------------------------------

  startPolling() {
    if (this.mode === 'polling') return;
    this.setMode('polling');
    this.pollNow();
  }

  stopPolling() {
    this.clear('poll');
  }

  async pollNow() {
    this.clear('poll');
    if (this.stopped || this.mode !== 'polling') return;
    try {
      this.state(await this.api.poll(this.token, this.after));
    } catch (e) {
      if (e && (e.code === 'invalid_chat_token' || e.status === 404)) return this.invalid(e);
    }
    this.flushRest();
    if (!this.stopped && this.mode === 'polling') this.timers.poll = setTimeout(() => this.pollNow(), POLL_MS);
  }

  // What a REST answer tells: {conversation, queue, messages}.
  state(r) {
    if (!r) return;
    if (Array.isArray(r.messages)) this.messages(r.messages);
    if (r.conversation) this.emit('conversation', r.conversation);
    if (r.queue) this.emit('queue', r.queue);
  }

  // The outbox by REST, oldest first and one at a time (so they keep their order), while the
  // socket is down. A refused message is marked failed; a network failure waits for the next turn.
  async flushRest() {
    if (this.flushing || this.stopped || this.socketOpen()) return;
    this.flushing = true;
    try {
      for (const item of outboxPending(this.outbox)) {
        if (this.stopped || this.socketOpen()) break;
        try {
          const r = await this.api.send(this.token, { client_msg_id: item.client_msg_id, body: item.body });
          this.acked(item.client_msg_id, r && r.message);
        } catch (e) {
          if (retryable(e)) break;
          if (e.code === 'invalid_chat_token') return this.invalid(e);
          this.setOutbox(outboxMark(this.outbox, item.client_msg_id, { code: e.code, message: e.message }));
          this.emit('error', { code: e.code, message: e.message, client_msg_id: item.client_msg_id });
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  // --- bookkeeping --------------------------------------------------------------------------

  messages(list) {
    const ok = list.filter((m) => m && Number.isInteger(m.seq) && m.seq > 0);
    if (!ok.length) return;
    for (const m of ok) if (m.seq > this.after) this.after = m.seq;
    let outbox = this.outbox;
    for (const m of ok) {
      if (m.sender === 'customer' && m.client_msg_id && outbox.some((x) => x.client_msg_id === m.client_msg_id)) {
        outbox = outboxRemove(outbox, m.client_msg_id);
        this.emit('ack', m.client_msg_id, m.seq);
      }
    }
    this.emit('messages', ok);
    if (outbox !== this.outbox) this.setOutbox(outbox);
  }

  // A message the server has committed: from the REST answer (the message itself) or the
  // socket's ack (its number only: the page shows the outbox copy under that number until
  // the message itself arrives; `after` stays, so a replay still brings anything before it).
  acked(clientMsgId, message, seq) {
    if (message) this.messages([message]);
    const item = this.outbox.find((x) => x.client_msg_id === clientMsgId);
    if (!item) return;
    this.setOutbox(outboxRemove(this.outbox, clientMsgId));
    const n = message ? message.seq : seq;
    if (!message && Number.isInteger(n) && n > 0)
      this.emit('messages', [{ seq: n, sender: 'customer', kind: 'text', body: item.body, client_msg_id: clientMsgId, created_at: item.created_at }]);
    this.emit('ack', clientMsgId, n);
  }

  setOutbox(list) {
    this.outbox = list;
    this.emit('outbox', list);
  }

  setMode(m) {
    if (this.mode === m) return;
    this.mode = m;
    this.emit('mode', m);
  }

  emit(name, ...args) {
    const fn = this.on[name];
    if (fn) fn(...args);
  }

  clear(name) {
    if (this.timers[name] === null) return;
    if (name === 'ping') clearInterval(this.timers[name]);
    else clearTimeout(this.timers[name]);
    this.timers[name] = null;
  }
}

function detach(ws) {
  ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
}

function withoutType(f) {
  const { type: _type, ...m } = f;
  return m;
}

// The staff chat socket (docs/chat.md, "The socket"): JSON text frames both ways, the
// session cookie authenticates it. It reconnects by itself with a growing, jittered delay
// (1 s → 30 s), and on every (re)connection sends `watch {conversation_id, after}` for each
// watched conversation, `after` being the last seq the caller has seen (lastSeq(id)), so
// nothing is lost and nothing comes twice. A `ping` goes every 25 s; a socket that has been
// silent for two pings is taken as dead and replaced.
//
// Plain JS, no Vue: the browser's WebSocket and the timers are injectable for tests.

export const PING_MS = 25000;
export const MIN_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30000;

// The wait before reconnection attempt `attempt` (0 for the first after a drop): doubling
// from 1 s up to 30 s, each between half and all of that (never under 1 s), so that a
// restarted server is not hit by every console at the same instant.
export function backoff(attempt, random = Math.random) {
  const cap = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.max(MIN_DELAY_MS, Math.round(cap / 2 + (random() * cap) / 2));
}

const OPEN = 1;

export class ChatSocket {
  // url: the socket's address; onFrame(frame) for each parsed server frame; onState(state)
  // with 'connecting' | 'open' | 'closed'; lastSeq(id): the last seq seen of a conversation.
  constructor({ url, onFrame = () => {}, onState = () => {}, lastSeq = () => 0, WebSocketImpl, random = Math.random, timers } = {}) {
    this.url = url;
    this.onFrame = onFrame;
    this.onState = onState;
    this.lastSeq = lastSeq;
    this.WS = WebSocketImpl || globalThis.WebSocket;
    this.random = random;
    this.timers = timers || { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (t) => clearTimeout(t), setInterval: (f, ms) => setInterval(f, ms), clearInterval: (t) => clearInterval(t), now: () => Date.now() };
    this.ws = null;
    this.watched = new Set();
    this.attempt = 0;
    this.retry = null;
    this.pinger = null;
    this.stopped = true;
    this.state = 'closed';
    this.lastHeard = 0;
  }

  get open() {
    return !!this.ws && this.ws.readyState === OPEN && this.state === 'open';
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.timers.clearTimeout(this.retry);
    this.retry = null;
    this.drop();
    this.setState('closed');
  }

  // Follow a conversation: now if connected, and again after every reconnection.
  watch(id) {
    this.watched.add(id);
    if (this.open) this.sendWatch(id);
  }

  // Stop re-watching it after a reconnection (the server has no "unwatch": the frames of a
  // conversation no longer shown are ignored by the caller).
  unwatch(id) {
    this.watched.delete(id);
  }

  // Sends a frame if connected; false otherwise (the caller keeps it for later).
  send(frame) {
    if (!this.open) return false;
    try {
      this.ws.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  // --- internals ---

  setState(s) {
    if (this.state === s) return;
    this.state = s;
    this.onState(s);
  }

  sendWatch(id) {
    this.send({ type: 'watch', conversation_id: id, after: this.lastSeq(id) || 0 });
  }

  connect() {
    if (this.stopped || !this.WS) return;
    this.setState('connecting');
    let ws;
    try {
      ws = new this.WS(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.lastHeard = this.timers.now();
      this.setState('open');
      for (const id of this.watched) this.sendWatch(id);
      this.timers.clearInterval(this.pinger);
      this.pinger = this.timers.setInterval(() => this.ping(), PING_MS);
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.lastHeard = this.timers.now();
      let frame;
      try {
        frame = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (frame && typeof frame.type === 'string' && frame.type !== 'pong') this.onFrame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.drop();
      this.setState('closed');
      this.scheduleReconnect();
    };
    ws.onerror = () => {
      /* a close follows */
    };
  }

  ping() {
    if (!this.open) return;
    if (this.timers.now() - this.lastHeard > 2 * PING_MS + 5000) {
      // Nothing at all (not even a pong) for two pings: the connection is gone.
      this.drop();
      this.setState('closed');
      this.scheduleReconnect();
      return;
    }
    this.send({ type: 'ping' });
  }

  drop() {
    this.timers.clearInterval(this.pinger);
    this.pinger = null;
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
  }

  scheduleReconnect() {
    if (this.stopped) return;
    this.timers.clearTimeout(this.retry);
    const delay = backoff(this.attempt++, this.random);
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      this.connect();
    }, delay);
  }

  // Reconnect at once (e.g. the browser says it is online again).
  reconnectNow() {
    if (this.stopped || this.open) return;
    this.timers.clearTimeout(this.retry);
    this.retry = null;
    this.drop();
    this.connect();
  }
}

// Live chat over real WebSockets for the e2e tests (docs/chat.md): the customer's socket
// (first frame hello), the staff socket (session cookie or Bearer token, Origin: the
// server), an inbox of received frames to wait on, and a chat started over REST.
//
// Node 20's built-in WebSocket cannot send Cookie or Origin, so the npm package `ws`
// (a devDependency of web/) opens the sockets.
import { webRequire } from './openapi.mjs';
import { Client, loginFull, PASSWORD } from './server.mjs';

const WebSocket = webRequire('ws');

const wsBase = (base) => base.replace(/^http/, 'ws');

// The frames a socket received, in order. next() takes the first buffered frame that
// matches (or waits for one); frames it skips stay buffered for a later next().
export class Inbox {
  constructor() {
    this.frames = []; // not yet taken
    this.seen = []; // everything ever received
    this.waiters = [];
    this.closed = false;
  }

  push(frame) {
    this.seen.push(frame);
    for (const w of this.waiters) {
      if (w.match(frame)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(frame);
        return;
      }
    }
    this.frames.push(frame);
  }

  // The next frame of this type (any type: null) for which predicate holds.
  next(type, predicate = () => true, timeoutMs = 5000) {
    const match = (f) => (type == null || f.type === type) && predicate(f);
    const i = this.frames.findIndex(match);
    if (i >= 0) return Promise.resolve(this.frames.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const w = {
        match,
        resolve: (f) => {
          clearTimeout(w.timer);
          resolve(f);
        },
      };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        const got = this.frames.map((f) => JSON.stringify(f)).join('\n  ');
        reject(new Error(`no ${type ?? 'frame'} frame${predicate.name ? ` (${predicate.name})` : ''} within ${timeoutMs} ms; buffered:\n  ${got}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  // Every buffered frame (of a type, if given), taken out.
  drain(type) {
    const out = this.frames.filter((f) => type == null || f.type === type);
    this.frames = this.frames.filter((f) => !(type == null || f.type === type));
    return out;
  }
}

// One open socket: send(frame object), its inbox, close/terminate.
export class ChatSocket {
  constructor(ws) {
    this.ws = ws;
    this.inbox = new Inbox();
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data) => {
      let frame;
      try {
        frame = JSON.parse(data.toString('utf8'));
      } catch {
        frame = { type: 'unparsable', text: data.toString('utf8') };
      }
      this.inbox.push(frame);
    });
  }

  send(frame) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  next(type, predicate, timeoutMs) {
    return this.inbox.next(type, predicate, timeoutMs);
  }
  drain(type) {
    return this.inbox.drain(type);
  }
  // A ping answered: every frame sent before it has been handled by the server.
  async roundTrip(timeoutMs = 5000) {
    this.send({ type: 'ping' });
    await this.next('pong', undefined, timeoutMs);
  }
  async close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    await this.closed;
  }
  // The connection dropped without a closing handshake (a phone losing its network).
  async terminate() {
    this.ws.terminate();
    await this.closed;
  }
}

// Opens a WebSocket. Resolves { socket } once open, or { status, json } when the server
// refuses the handshake with an HTTP answer.
export function handshake(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, handshakeTimeout: 10000 });
    const socket = new ChatSocket(ws); // listens from the first frame on
    ws.once('open', () => resolve({ socket }));
    ws.once('unexpected-response', (req, res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, json, text });
        req.destroy();
      });
    });
    ws.once('error', (e) => reject(e));
  });
}

// The customer's socket for a chat token: opened and greeted with hello (after = the
// last seq the page has seen). Resolves once the server's conversation frame arrived.
export async function customerSocket(base, token, after = 0, { hello = true } = {}) {
  const r = await handshake(`${wsBase(base)}/api/v1/public/chats/socket`);
  if (!r.socket) throw new Error(`customer socket refused: ${r.status} ${r.text}`);
  if (hello) {
    r.socket.send({ type: 'hello', token, after });
    await r.socket.next('conversation');
  }
  return r.socket;
}

// A staff socket handshake: with the session cookie ({cookie}) or a Bearer token ({token}),
// Origin the server itself unless given. Resolves { socket } or { status, json }.
export function staffHandshake(base, { cookie, token, origin = base } = {}) {
  const headers = {};
  if (origin) headers.origin = origin;
  if (cookie) headers.cookie = cookie;
  if (token) headers.authorization = `Bearer ${token}`;
  return handshake(`${wsBase(base)}/api/v1/chat/socket`, headers);
}

// A staff socket that must open (a login's client: its session cookie).
export async function staffSocket(base, who, options = {}) {
  const r = await staffHandshake(base, { cookie: who.cookie, ...options });
  if (!r.socket) throw new Error(`staff socket refused: ${r.status} ${r.text}`);
  return r.socket;
}

// The "name=value" part of a Set-Cookie header (the session cookie a browser sends back).
export function cookieOf(setCookie) {
  return (setCookie || '').split(';')[0];
}

// A customer starts a chat over REST: { token, conversation, queue, messages }.
export async function startChat(base, storeId, { queue, name } = {}) {
  const body = { store_id: storeId };
  if (queue) body.queue = queue;
  if (name) body.name = name;
  const res = await fetch(`${base}/api/v1/public/chats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`start chat: ${res.status} ${text}`);
  return JSON.parse(text);
}

// The event of an event message ({event, …}), or null for other messages.
// A customer's POST to their chat (`what`: messages, bot-feedback, handoff, …) with no
// credential but the link's token: { status, json, text }.
export async function customerPost(base, token, what, body) {
  const r = await fetch(`${base}/api/v1/public/chats/${token}/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined, text };
}

export function eventOf(message) {
  if (message.kind !== 'event') return null;
  try {
    return JSON.parse(message.body);
  } catch {
    return null;
  }
}

// Polls fn() until it returns a truthy value (returned), or throws after timeoutMs.
export async function eventually(fn, timeoutMs = 5000, what = 'condition', everyMs = 50) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`${what}: not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// Logs in: a Client (Bearer token, .me the staff) that also carries the session cookie
// (.cookie) for a staff socket opened as the console does.
export async function chatLogin(base, username, password = PASSWORD) {
  const answer = await loginFull(base, username, password);
  const c = new Client(base, answer.token);
  c.me = answer.staff;
  c.cookie = cookieOf(answer.setCookie);
  return c;
}

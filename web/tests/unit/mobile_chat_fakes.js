// Fakes for the chat tests: a WebSocket the test opens, feeds and drops by hand, and a fetch
// that answers the public chat routes.
import { vi } from 'vitest';

export class FakeSocket {
  static all = [];
  static reset() {
    FakeSocket.all = [];
  }
  static get last() {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.all.push(this);
  }
  send(text) {
    if (this.readyState !== 1) throw new Error('InvalidStateError');
    this.sent.push(JSON.parse(text));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    if (this.onclose) this.onclose({ code: 1000 });
  }
  // The test's side.
  open() {
    this.readyState = 1;
    if (this.onopen) this.onopen({});
  }
  fail() {
    this.readyState = 3;
    if (this.onerror) this.onerror({});
    if (this.onclose) this.onclose({ code: 1006 });
  }
  frame(obj) {
    if (this.onmessage) this.onmessage({ data: JSON.stringify(obj) });
  }
  frames(type) {
    return this.sent.filter((f) => f.type === type);
  }
}

export const message = (seq, extra = {}) => ({
  type: 'message', conversation_id: 7, seq, sender: 'agent', kind: 'text', body: `第${seq}条`, created_at: 1000 + seq, ...extra,
});

// routes: { 'POST /api/v1/public/chats': body | (call) => [status, body] }
export function stubFetch(routes) {
  const calls = [];
  const fetch = vi.fn(async (url, opts = {}) => {
    const method = opts.method || 'GET';
    const path = String(url).split('?')[0];
    const call = { method, url: String(url), path, body: opts.body ? JSON.parse(opts.body) : undefined };
    calls.push(call);
    const h = routes[`${method} ${path}`];
    let [status, body] = [404, { error: { code: 'route_not_found', message: 'no' } }];
    if (typeof h === 'function') [status, body] = h(call);
    else if (h !== undefined) [status, body] = [200, h];
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

// Fakes for the chat tests: a WebSocket the test opens, feeds and drops by hand.
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

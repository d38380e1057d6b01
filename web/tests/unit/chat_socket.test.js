// The staff chat socket and threads (features/chat/lib): reconnection with back-off, resuming
// each watched conversation after the last seq seen, pings, merging by seq (no loss, no
// duplicates, a hole fetched by REST), pending messages acked, failed and re-sent.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { ChatSocket, backoff, PING_MS } from '../../src/console/features/chat/lib/socket.js';
import { Thread } from '../../src/console/features/chat/lib/thread.js';
import { ChatClient, ACK_GRACE_MS } from '../../src/console/features/chat/lib/client.js';

// Stands in for the browser's WebSocket: FakeWS.all are every socket made; the test opens,
// feeds and drops them.
class FakeWS {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeWS.all.push(this);
  }
  static get last() {
    return FakeWS.all[FakeWS.all.length - 1];
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  serverOpen() {
    this.readyState = 1;
    this.onopen && this.onopen();
  }
  serverSend(frame) {
    this.onmessage && this.onmessage({ data: JSON.stringify(frame) });
  }
  serverDrop() {
    this.readyState = 3;
    this.onclose && this.onclose({ code: 1006 });
  }
  frames(type) {
    return this.sent.filter((f) => f.type === type);
  }
}

const msg = (seq, extra = {}) => ({ type: 'message', conversation_id: 7, seq, sender: 'customer', kind: 'text', body: `m${seq}`, created_at: 1000 + seq, ...extra });
const seqs = (t) => t.items().map((m) => m.seq);

beforeEach(() => {
  FakeWS.all = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('backoff', () => {
  it('doubles from 1 s up to 30 s, jittered between half and all of it, never under 1 s', () => {
    expect(backoff(0, () => 0)).toBe(1000);
    expect(backoff(0, () => 1)).toBe(1000);
    expect(backoff(3, () => 0)).toBe(4000);
    expect(backoff(3, () => 1)).toBe(8000);
    expect(backoff(3, () => 0.5)).toBe(6000);
    expect(backoff(10, () => 1)).toBe(30000);
    expect(backoff(50, () => 0)).toBe(15000);
  });
});

describe('ChatSocket', () => {
  const make = (over = {}) => {
    const frames = [];
    const states = [];
    const s = new ChatSocket({ url: 'ws://x/s', WebSocketImpl: FakeWS, random: () => 1, onFrame: (f) => frames.push(f), onState: (x) => states.push(x), ...over });
    return { s, frames, states };
  };

  it('reconnects after a drop with growing delays and watches every conversation again after the last seq seen', async () => {
    const last = { 7: 3, 9: 0 };
    const { s, states } = make({ lastSeq: (id) => last[id] });
    s.start();
    s.watch(7);
    expect(FakeWS.all).toHaveLength(1);
    FakeWS.last.serverOpen();
    s.watch(9);
    expect(FakeWS.last.frames('watch')).toEqual([{ type: 'watch', conversation_id: 7, after: 3 }, { type: 'watch', conversation_id: 9, after: 0 }]);
    last[7] = 12;
    FakeWS.last.serverDrop();
    expect(s.open).toBe(false);
    expect(s.send({ type: 'ping' })).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeWS.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWS.all).toHaveLength(2);
    FakeWS.last.serverDrop(); // refused again: 2 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeWS.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWS.all).toHaveLength(3);
    FakeWS.last.serverOpen();
    expect(FakeWS.last.frames('watch')).toEqual([{ type: 'watch', conversation_id: 7, after: 12 }, { type: 'watch', conversation_id: 9, after: 0 }]);
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
    // After a good connection the delay starts from 1 s again.
    FakeWS.last.serverDrop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWS.all).toHaveLength(4);
    s.stop();
  });

  it('stops watching what is unwatched, and stop() ends reconnecting', async () => {
    const { s } = make();
    s.start();
    s.watch(7);
    s.watch(8);
    s.unwatch(7);
    FakeWS.last.serverOpen();
    expect(FakeWS.last.frames('watch').map((f) => f.conversation_id)).toEqual([8]);
    s.stop();
    await vi.advanceTimersByTimeAsync(60000);
    expect(FakeWS.all).toHaveLength(1);
    expect(FakeWS.last.readyState).toBe(3);
  });

  it('pings every 25 s, hides pongs, and replaces a socket silent for two pings', async () => {
    const { s, frames } = make();
    s.start();
    FakeWS.last.serverOpen();
    await vi.advanceTimersByTimeAsync(PING_MS);
    expect(FakeWS.last.frames('ping')).toHaveLength(1);
    FakeWS.last.serverSend({ type: 'pong' });
    FakeWS.last.serverSend({ type: 'conversation', conversation: { id: 1 } });
    expect(frames.map((f) => f.type)).toEqual(['conversation']);
    await vi.advanceTimersByTimeAsync(PING_MS);
    expect(FakeWS.last.frames('ping')).toHaveLength(2);
    const first = FakeWS.last;
    await vi.advanceTimersByTimeAsync(3 * PING_MS); // nothing heard since
    expect(first.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWS.all.length).toBeGreaterThan(1);
    s.stop();
  });

  it('ignores frames that are not JSON objects with a type', () => {
    const { s, frames } = make();
    s.start();
    FakeWS.last.serverOpen();
    FakeWS.last.onmessage({ data: 'not json' });
    FakeWS.last.onmessage({ data: '42' });
    FakeWS.last.serverSend({ type: 'typing', conversation_id: 7, sender: 'customer' });
    expect(frames).toHaveLength(1);
    s.stop();
  });
});

describe('Thread', () => {
  it('merges in seq order, never twice', () => {
    const t = new Thread(7);
    expect(t.merge([msg(1), msg(2)])).toEqual({ added: 2, gap: false });
    expect(t.merge([msg(2), msg(1), msg(3)])).toEqual({ added: 1, gap: false });
    expect(seqs(t)).toEqual([1, 2, 3]);
    expect(t.lastSeq).toBe(3);
  });

  it('keeps a message after a hole aside and says so; the fetch closes the hole in order', () => {
    const t = new Thread(7);
    t.merge([msg(1)]);
    expect(t.merge([msg(4)])).toEqual({ added: 0, gap: true });
    expect(seqs(t)).toEqual([1]);
    expect(t.merge([msg(5)]).gap).toBe(true);
    // GET …?after=1 answers 2..4 (5 came on the socket meanwhile).
    expect(t.merge([msg(2), msg(3), msg(4)], { complete: true })).toEqual({ added: 4, gap: false });
    expect(seqs(t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a complete answer closes a hole the server does not have, but not beyond what it answered', () => {
    const t = new Thread(7);
    t.merge([msg(1)]);
    t.merge([msg(5)]);
    t.merge([msg(9)]);
    expect(t.merge([msg(3), msg(5)], { complete: true })).toEqual({ added: 2, gap: true });
    expect(seqs(t)).toEqual([1, 3, 5]);
    expect(t.lastSeq).toBe(5);
  });

  it('a first load with nothing seen takes the whole history', () => {
    const t = new Thread(7);
    expect(t.merge([msg(3)]).gap).toBe(true); // a frame before the load
    t.merge([msg(1), msg(2), msg(3)], { complete: true });
    expect(seqs(t)).toEqual([1, 2, 3]);
  });

  it('shows a pending message after the merged ones until its own message arrives', () => {
    const t = new Thread(7);
    t.merge([msg(1)]);
    const p = t.addPending('您好', { id: 'c-1' });
    expect(t.items().at(-1)).toMatchObject({ pending: true, state: 'sending', body: '您好' });
    expect(t.unacked().map((x) => x.client_msg_id)).toEqual(['c-1']);
    expect(t.ack({ client_msg_id: 'c-1', seq: 2 })).toBe(true);
    expect(t.items().at(-1)).toMatchObject({ pending: true, state: 'acked' });
    expect(t.unacked()).toEqual([]);
    t.merge([msg(2, { sender: 'agent', client_msg_id: p.client_msg_id, body: '您好' })]);
    expect(t.items()).toHaveLength(2);
    expect(t.items().at(-1).pending).toBeUndefined();
    expect(t.pending.size).toBe(0);
  });

  it('an ack after its message is merged just settles it', () => {
    const t = new Thread(7);
    t.addPending('x', { id: 'c-2' });
    t.merge([msg(1, { client_msg_id: 'c-2' })]);
    expect(t.ack({ client_msg_id: 'c-2', seq: 1 })).toBe(false);
    expect(t.items()).toHaveLength(1);
  });

  it('a refused message is failed until retried', () => {
    const t = new Thread(7);
    t.addPending('x', { id: 'c-3' });
    t.fail('c-3', '会话已结束');
    expect(t.items()[0]).toMatchObject({ state: 'failed', error: '会话已结束' });
    expect(t.unacked()).toEqual([]);
    t.retry('c-3');
    expect(t.unacked()).toHaveLength(1);
  });
});

describe('ChatClient', () => {
  let api, client, history;
  const setup = () => {
    history = [msg(1), msg(2)];
    api = {
      getConversation: vi.fn(async (id, after = 0) => ({ conversation: { id, last_seq: history.length }, messages: history.filter((m) => m.seq > after) })),
      sendMessage: vi.fn(async (id, body) => ({ message: { conversation_id: id, seq: history.length + 1, sender: 'agent', kind: 'text', body: body.body, client_msg_id: body.client_msg_id }, duplicate: false })),
      markRead: vi.fn(async () => ({})),
    };
    client = new ChatClient({ api, url: 'ws://x/s', WebSocketImpl: FakeWS, random: () => 0 });
    client.start();
  };
  afterEach(() => client && client.stop());

  it('resumes after a drop with no loss and no duplicates', async () => {
    setup();
    FakeWS.last.serverOpen();
    await client.open(7);
    expect(FakeWS.last.frames('watch')).toEqual([{ type: 'watch', conversation_id: 7, after: 0 }]);
    FakeWS.last.serverSend(msg(3));
    expect(seqs(client.thread(7))).toEqual([1, 2, 3]);
    FakeWS.last.serverDrop();
    history.push(msg(3), msg(4), msg(5));
    await vi.advanceTimersByTimeAsync(1000);
    FakeWS.last.serverOpen();
    expect(FakeWS.last.frames('watch')).toEqual([{ type: 'watch', conversation_id: 7, after: 3 }]);
    // The server replays after 3, then one of them again (a race): each shows once.
    FakeWS.last.serverSend(msg(4));
    FakeWS.last.serverSend(msg(5));
    FakeWS.last.serverSend(msg(4));
    expect(seqs(client.thread(7))).toEqual([1, 2, 3, 4, 5]);
    expect(api.getConversation).toHaveBeenCalledTimes(1);
  });

  it('fetches after the last seq when a hole appears, once', async () => {
    setup();
    FakeWS.last.serverOpen();
    await client.open(7);
    history.push(msg(3), msg(4), msg(5));
    FakeWS.last.serverSend(msg(4));
    FakeWS.last.serverSend(msg(5));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getConversation).toHaveBeenCalledTimes(2);
    expect(api.getConversation).toHaveBeenLastCalledWith(7, 2);
    expect(seqs(client.thread(7))).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends pending on the socket, settles it on ack, and sends the unacked again after a reconnection', async () => {
    setup();
    FakeWS.last.serverOpen();
    await client.open(7);
    const events = [];
    client.subscribe((e) => events.push(e.type));
    const a = client.send(7, '请稍等');
    const b = client.send(7, '内部：查一下', { whisper: true });
    expect(FakeWS.last.frames('send')).toEqual([
      { type: 'send', conversation_id: 7, client_msg_id: a.client_msg_id, body: '请稍等' },
      { type: 'send', conversation_id: 7, client_msg_id: b.client_msg_id, body: '内部：查一下', whisper: true },
    ]);
    expect(client.thread(7).items().filter((m) => m.state === 'sending')).toHaveLength(2);
    FakeWS.last.serverSend({ type: 'ack', client_msg_id: a.client_msg_id, seq: 3, duplicate: false });
    FakeWS.last.serverSend(msg(3, { sender: 'agent', client_msg_id: a.client_msg_id, body: '请稍等' }));
    expect(client.thread(7).unacked().map((p) => p.client_msg_id)).toEqual([b.client_msg_id]);
    FakeWS.last.serverDrop();
    await vi.advanceTimersByTimeAsync(1000);
    FakeWS.last.serverOpen();
    expect(FakeWS.last.frames('send')).toEqual([{ type: 'send', conversation_id: 7, client_msg_id: b.client_msg_id, body: '内部：查一下', whisper: true }]);
    FakeWS.last.serverSend({ type: 'ack', client_msg_id: b.client_msg_id, seq: 4, duplicate: true });
    FakeWS.last.serverSend(msg(4, { sender: 'agent', kind: 'whisper', client_msg_id: b.client_msg_id, body: '内部：查一下' }));
    expect(client.thread(7).items().map((m) => [m.seq, !!m.pending])).toEqual([[1, false], [2, false], [3, false], [4, false]]);
    expect(events).toContain('thread');
  });

  it('sends by REST while the socket is down (the 201 is the ack)', async () => {
    setup();
    await client.open(7);
    const p = client.send(7, '在的');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sendMessage).toHaveBeenCalledWith(7, { client_msg_id: p.client_msg_id, body: '在的' });
    expect(client.thread(7).items().map((m) => [m.seq, m.body, !!m.pending])).toEqual([[1, 'm1', false], [2, 'm2', false], [3, '在的', false]]);
  });

  it('fails a message the server refuses, and fetches an acked message no frame brings', async () => {
    setup();
    FakeWS.last.serverOpen();
    await client.open(7);
    const errors = [];
    client.subscribe((e) => e.type === 'error' && errors.push(e));
    const a = client.send(7, 'x');
    FakeWS.last.serverSend({ type: 'error', code: 'conversation_ended', message: '会话已结束', client_msg_id: a.client_msg_id });
    expect(client.thread(7).items().at(-1)).toMatchObject({ state: 'failed', error: '会话已结束' });
    expect(errors[0]).toMatchObject({ code: 'conversation_ended', conversation_id: 7 });
    const b = client.send(7, 'y');
    history.push(msg(3, { sender: 'agent', client_msg_id: b.client_msg_id, body: 'y' }));
    FakeWS.last.serverSend({ type: 'ack', client_msg_id: b.client_msg_id, seq: 3, duplicate: false });
    expect(api.getConversation).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(ACK_GRACE_MS);
    expect(api.getConversation).toHaveBeenCalledTimes(2);
    expect(client.thread(7).items().filter((m) => !m.pending).map((m) => m.body)).toEqual(['m1', 'm2', 'y']);
  });

  it('passes conversation and typing frames on, and marks read on the socket or by REST', async () => {
    setup();
    const events = [];
    client.subscribe((e) => events.push(e));
    client.read(7, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.markRead).toHaveBeenCalledWith(7, 2);
    FakeWS.last.serverOpen();
    client.read(7, 3);
    expect(FakeWS.last.frames('read')).toEqual([{ type: 'read', conversation_id: 7, seq: 3 }]);
    FakeWS.last.serverSend({ type: 'conversation', conversation: { id: 9, status: 'queued' } });
    FakeWS.last.serverSend({ type: 'typing', conversation_id: 7, sender: 'customer' });
    expect(events.filter((e) => e.type !== 'state')).toEqual([
      { type: 'conversation', conversation: { id: 9, status: 'queued' } },
      { type: 'typing', conversation_id: 7, sender: 'customer' },
    ]);
  });
});

describe('ChatClient, a long history', () => {
  it('loads page after page while the conversation has more than the answer held', async () => {
    const all = Array.from({ length: 12 }, (_, i) => msg(i + 1));
    const api = {
      getConversation: vi.fn(async (id, after = 0) => ({ conversation: { id, last_seq: 12 }, messages: all.filter((m) => m.seq > after).slice(0, 5) })),
      sendMessage: vi.fn(),
    };
    const client = new ChatClient({ api, url: 'ws://x/s', WebSocketImpl: FakeWS, random: () => 0 });
    const c = await client.open(7);
    expect(c.last_seq).toBe(12);
    expect(api.getConversation.mock.calls.map((x) => x[1])).toEqual([undefined, 5, 10]);
    expect(seqs(client.thread(7))).toEqual(all.map((m) => m.seq));
  });
});

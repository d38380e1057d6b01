// The chat's live line (web/src/mobile/chat/connection.js) with a fake socket, fake REST
// calls and fake timers: hello and resume, reconnect back-off, the `online` event, the
// fallback to polling and back, the outbox resent until acknowledged, reads and typing.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { ChatConnection } from '../../src/mobile/chat/connection.js';
import { FakeSocket, message } from './mobile_chat_fakes.js';

const URL = 'ws://shop.test/socket';

function setup({ after = 0, outbox = [], api = {} } = {}) {
  const events = { messages: [], acks: [], queue: [], conversation: [], typing: [], modes: [], outbox: [], invalid: [], errors: [] };
  const rest = {
    poll: vi.fn(async () => ({ conversation: { status: 'assigned' }, queue: { position: 0, wait_ms: null, staffed: true }, messages: [] })),
    send: vi.fn(async (token, m) => ({ message: { seq: 100, sender: 'customer', kind: 'text', body: m.body, client_msg_id: m.client_msg_id }, duplicate: false })),
    read: vi.fn(async () => ({})),
    ...api,
  };
  const target = new EventTarget();
  const conn = new ChatConnection({
    token: 'kfc_t', after, outbox, url: URL, api: rest, WebSocketImpl: FakeSocket, target, random: () => 0.5,
    on: {
      messages: (l) => events.messages.push(...l),
      ack: (id, seq) => events.acks.push([id, seq]),
      queue: (q) => events.queue.push(q),
      conversation: (c) => events.conversation.push(c),
      typing: (s) => events.typing.push(s),
      mode: (m) => events.modes.push(m),
      outbox: (l) => events.outbox.push(l),
      invalid: (e) => events.invalid.push(e),
      error: (e) => events.errors.push(e),
    },
  });
  return { conn, rest, events, target };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('the chat connection', () => {
  beforeEach(() => {
    FakeSocket.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('says hello with the token and the last seq seen, and takes what the server pushes', () => {
    const { conn, events } = setup({ after: 4 });
    conn.start();
    expect(FakeSocket.last.url).toBe(URL);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent[0]).toEqual({ type: 'hello', token: 'kfc_t', after: 4 });
    expect(conn.mode).toBe('socket');
    FakeSocket.last.frame(message(5));
    FakeSocket.last.frame({ type: 'queue', position: 2, wait_ms: 120000, staffed: true });
    FakeSocket.last.frame({ type: 'conversation', conversation: { status: 'assigned', agent_read_seq: 3 } });
    FakeSocket.last.frame({ type: 'typing', conversation_id: 7, sender: 'agent' });
    FakeSocket.last.frame({ type: 'pong' });
    FakeSocket.last.frame('not a frame');
    expect(events.messages.map((m) => m.seq)).toEqual([5]);
    expect(events.messages[0].type).toBeUndefined();
    expect(events.queue).toEqual([{ position: 2, wait_ms: 120000, staffed: true }]);
    expect(events.conversation[0].agent_read_seq).toBe(3);
    expect(events.typing).toEqual(['agent']);
    expect(conn.after).toBe(5);
  });

  it('sends on the socket and forgets the message once acknowledged', () => {
    const { conn, events } = setup();
    conn.start();
    FakeSocket.last.open();
    const item = conn.send('你好');
    expect(FakeSocket.last.frames('send')).toEqual([{ type: 'send', client_msg_id: item.client_msg_id, body: '你好' }]);
    expect(conn.outbox).toHaveLength(1);
    expect(events.outbox.at(-1)).toHaveLength(1); // the page keeps it (localStorage)
    FakeSocket.last.frame({ type: 'ack', client_msg_id: item.client_msg_id, seq: 6, duplicate: false });
    expect(conn.outbox).toEqual([]);
    expect(events.acks).toEqual([[item.client_msg_id, 6]]);
    // shown under its number until the message itself arrives
    expect(events.messages.at(-1)).toMatchObject({ seq: 6, sender: 'customer', body: '你好' });
  });

  it('resends what was not acknowledged after a reconnect, after a back-off from 1 s', () => {
    const { conn, events } = setup();
    conn.start();
    FakeSocket.last.open();
    FakeSocket.last.frame(message(1));
    const item = conn.send('还在吗');
    FakeSocket.last.fail(); // dropped before the ack
    expect(conn.mode).toBe('connecting');
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent[0]).toEqual({ type: 'hello', token: 'kfc_t', after: 1 });
    expect(FakeSocket.last.frames('send').map((f) => f.client_msg_id)).toEqual([item.client_msg_id]);
    expect(events.modes).toEqual(['connecting', 'socket', 'connecting', 'socket']);
  });

  it('waits longer after each failed attempt, up to 30 s', () => {
    const { conn } = setup();
    conn.start();
    const waits = [];
    for (let i = 0; i < 7; i++) {
      const n = FakeSocket.all.length;
      FakeSocket.last.fail();
      let waited = 0;
      while (FakeSocket.all.length === n) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    conn.stop();
  });

  it('tries again at once when the browser is back online', () => {
    const { conn, target } = setup();
    conn.start();
    FakeSocket.last.fail();
    FakeSocket.last.fail(); // no: still the same one, already closed
    expect(FakeSocket.all).toHaveLength(1);
    target.dispatchEvent(new Event('online'));
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last.open();
    expect(conn.mode).toBe('socket');
  });

  it('polls every 2 s after three failed socket attempts, keeps trying the socket and stops polling when it opens', async () => {
    const { conn, rest, events } = setup({ after: 3 });
    conn.start();
    FakeSocket.last.fail();
    vi.advanceTimersByTime(1000);
    FakeSocket.last.fail();
    vi.advanceTimersByTime(2000);
    expect(rest.poll).not.toHaveBeenCalled();
    FakeSocket.last.fail(); // the third
    const sockets = FakeSocket.all.length;
    expect(conn.mode).toBe('polling');
    expect(rest.poll).toHaveBeenCalledWith('kfc_t', 3);
    await settle();
    expect(events.conversation).toHaveLength(1);
    rest.poll.mockImplementationOnce(async () => ({ messages: [message(4), message(5)] }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(rest.poll).toHaveBeenCalledTimes(2);
    expect(events.messages.map((m) => m.seq)).toEqual([4, 5]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(rest.poll).toHaveBeenLastCalledWith('kfc_t', 5); // from the last seq seen
    expect(FakeSocket.all.length).toBe(sockets + 1); // the socket's next turn: 4 s after the third failure
    FakeSocket.last.open();
    expect(conn.mode).toBe('socket');
    expect(FakeSocket.last.sent[0]).toEqual({ type: 'hello', token: 'kfc_t', after: 5 });
    const polls = rest.poll.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10000);
    expect(rest.poll.mock.calls.length).toBe(polls);
  });

  it('counts a socket that opens but never answers as a failed attempt', async () => {
    const { conn } = setup();
    conn.start();
    for (let i = 0; i < 3; i++) {
      FakeSocket.last.open(); // a proxy that upgrades, then cuts
      FakeSocket.last.fail();
      await vi.advanceTimersByTimeAsync(5000);
    }
    expect(conn.mode).toBe('polling');
    conn.stop();
  });

  it('fetches a photo that came without its attachment id', async () => {
    const { conn, rest, events } = setup({ after: 2 });
    rest.poll.mockResolvedValueOnce({ messages: [{ ...message(3, { kind: 'photo', body: '' }), attachment_id: 12, type: undefined }] });
    conn.start();
    FakeSocket.last.open();
    FakeSocket.last.frame(message(3, { kind: 'photo', body: '' }));
    expect(rest.poll).toHaveBeenCalledWith('kfc_t', 2);
    await settle();
    expect(events.messages.filter((m) => m.seq === 3).map((m) => m.attachment_id ?? null)).toEqual([null, 12]);
  });

  it('sends by REST while the socket is down, in order, and keeps what the network lost', async () => {
    let fail = true;
    const sent = [];
    const { conn, rest, events } = setup({
      api: {
        send: vi.fn(async (token, m) => {
          if (fail) throw new TypeError('Failed to fetch');
          sent.push(m.body);
          return { message: { seq: 10 + sent.length, sender: 'customer', kind: 'text', body: m.body, client_msg_id: m.client_msg_id }, duplicate: false };
        }),
      },
    });
    conn.start();
    FakeSocket.last.fail();
    conn.send('一');
    conn.send('二');
    await settle();
    expect(rest.send).toHaveBeenCalledTimes(1); // the first failed: the second waits behind it
    expect(conn.outbox.map((x) => x.body)).toEqual(['一', '二']);
    fail = false;
    vi.advanceTimersByTime(1000);
    FakeSocket.last.fail(); // the next attempt fails too: the outbox goes by REST again
    await settle();
    await settle();
    expect(sent).toEqual(['一', '二']);
    expect(conn.outbox).toEqual([]);
    expect(events.messages.map((m) => m.seq)).toEqual([11, 12]);
    expect(events.acks.map(([, seq]) => seq)).toEqual([11, 12]);
  });

  it('marks a refused message failed, and sends it again when the customer retries', async () => {
    const err = Object.assign(new Error('会话已结束'), { status: 409, code: 'conversation_ended' });
    const { conn, rest, events } = setup({ api: { send: vi.fn().mockRejectedValueOnce(err) } });
    conn.start();
    FakeSocket.last.fail();
    const item = conn.send('在吗');
    await settle();
    expect(conn.outbox[0].failed).toEqual({ code: 'conversation_ended', message: '会话已结束' });
    expect(events.errors[0].client_msg_id).toBe(item.client_msg_id);
    rest.send.mockResolvedValueOnce({ message: { seq: 3, sender: 'customer', kind: 'text', body: '在吗', client_msg_id: item.client_msg_id } });
    conn.retry(item.client_msg_id);
    await settle();
    expect(conn.outbox).toEqual([]);
  });

  it('marks a message the socket refused, and drops the message the customer discards', () => {
    const { conn } = setup();
    conn.start();
    FakeSocket.last.open();
    const item = conn.send('x'.repeat(10));
    FakeSocket.last.frame({ type: 'error', code: 'too_long', message: '内容过长', client_msg_id: item.client_msg_id });
    expect(conn.outbox[0].failed.code).toBe('too_long');
    conn.discard(item.client_msg_id);
    expect(conn.outbox).toEqual([]);
  });

  it('sends again, a moment later, what the server turned away for flooding', () => {
    const { conn, events } = setup();
    conn.start();
    FakeSocket.last.open();
    const item = conn.send('一');
    FakeSocket.last.frame({ type: 'error', code: 'chat_flood', message: '发送过于频繁', client_msg_id: item.client_msg_id });
    expect(conn.outbox[0].failed).toBeUndefined();
    expect(events.errors).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(FakeSocket.last.frames('send').map((f) => f.client_msg_id)).toEqual([item.client_msg_id, item.client_msg_id]);
  });

  it('takes a message that comes back with its client id as the acknowledgement (a replay after reload)', () => {
    const { conn, events } = setup({ outbox: [{ client_msg_id: 'c1', body: '重发的' }] });
    conn.start();
    FakeSocket.last.open();
    expect(FakeSocket.last.frames('send')).toEqual([{ type: 'send', client_msg_id: 'c1', body: '重发的' }]);
    FakeSocket.last.frame(message(9, { sender: 'customer', client_msg_id: 'c1', body: '重发的' }));
    expect(conn.outbox).toEqual([]);
    expect(events.acks).toEqual([['c1', 9]]);
  });

  it('fetches a gap in the numbers', async () => {
    const { conn, rest, events } = setup({ after: 2 });
    rest.poll.mockResolvedValueOnce({ messages: [message(3), message(4)] });
    conn.start();
    FakeSocket.last.open();
    FakeSocket.last.frame(message(5));
    expect(rest.poll).toHaveBeenCalledWith('kfc_t', 2);
    await settle();
    expect(events.messages.map((m) => m.seq).sort()).toEqual([3, 4, 5]);
  });

  it('stops for good when the token is refused', () => {
    const { conn, events } = setup();
    conn.start();
    FakeSocket.last.open();
    FakeSocket.last.frame({ type: 'error', code: 'invalid_chat_token', message: '会话凭证无效' });
    expect(events.invalid).toHaveLength(1);
    expect(conn.mode).toBe('stopped');
    vi.advanceTimersByTime(60000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('pings, and drops a socket that stays silent for a minute', () => {
    const { conn } = setup();
    conn.start();
    const first = FakeSocket.last;
    first.open();
    vi.advanceTimersByTime(25000);
    expect(first.frames('ping')).toHaveLength(1);
    vi.advanceTimersByTime(50000); // no frame since the open
    expect(first.readyState).toBe(3);
    expect(conn.mode).toBe('connecting');
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('tells the read position once per seq, by socket or REST', async () => {
    const { conn, rest } = setup();
    conn.start();
    FakeSocket.last.open();
    conn.markRead(3);
    conn.markRead(3);
    conn.markRead(2);
    expect(FakeSocket.last.frames('read')).toEqual([{ type: 'read', seq: 3 }]);
    FakeSocket.last.fail();
    conn.markRead(4);
    expect(rest.read).toHaveBeenCalledWith('kfc_t', 4);
    rest.read.mockRejectedValueOnce(new TypeError('offline'));
    conn.markRead(5);
    await settle();
    conn.markRead(5); // told again: the first did not arrive
    expect(rest.read).toHaveBeenCalledTimes(3);
  });

  it('says it is typing at most every 3 s', () => {
    const { conn } = setup();
    conn.start();
    FakeSocket.last.open();
    conn.typing();
    conn.typing();
    vi.advanceTimersByTime(3000);
    conn.typing();
    expect(FakeSocket.last.frames('typing')).toHaveLength(2);
  });

  it('stops: no socket, no timers, no online listener', () => {
    const { conn, target } = setup();
    conn.start();
    FakeSocket.last.fail();
    conn.stop();
    vi.advanceTimersByTime(60000);
    target.dispatchEvent(new Event('online'));
    expect(FakeSocket.all).toHaveLength(1);
  });
});

// The chat's plain rules (web/src/mobile/chat/logic.js): merging by seq, the outbox, the
// back-off and the polling decision, the queue and event lines, what the browser keeps.
import { describe, it, expect, beforeEach } from 'vitest';
import {
  mergeMessages, lastSeq, visibleMessages, readByAgent, lastIncomingSeq, parseEvent, eventLine, queueInfo,
  nobodyOnline, chatPhase, backoffDelay, shouldPoll, newClientMsgId, outboxAdd, outboxRemove, outboxReconcile,
  outboxMark, outboxPending, retryable, photoUploadProblem, photoFileProblem, messageProblem, loadChat, saveChat, forgetChat,
  SOCKET_FAILURES_BEFORE_POLLING, BACKOFF, QUEUES,
} from '../../src/mobile/chat/logic.js';

const msg = (seq, extra = {}) => ({ conversation_id: 7, seq, sender: 'agent', kind: 'text', body: `m${seq}`, created_at: seq, ...extra });

describe('merging messages by seq', () => {
  it('keeps them in order whatever order they arrive in', () => {
    const out = mergeMessages([msg(2)], [msg(5), msg(1), msg(3)]);
    expect(out.map((m) => m.seq)).toEqual([1, 2, 3, 5]);
  });
  it('never shows a message twice (a replay after a reconnect, the REST answer and the socket copy)', () => {
    let list = mergeMessages([], [msg(1), msg(2)]);
    list = mergeMessages(list, [msg(2), msg(3)]);
    list = mergeMessages(list, [msg(1), msg(2), msg(3)]);
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
  it('keeps what a poorer copy lacks (an attachment id) and takes what a newer one adds', () => {
    const full = msg(4, { kind: 'photo', attachment_id: 9, body: '' });
    const bare = { seq: 4, sender: 'agent', kind: 'photo', body: '', attachment_id: undefined };
    expect(mergeMessages([full], [bare])[0].attachment_id).toBe(9);
    expect(mergeMessages([bare], [full])[0].attachment_id).toBe(9);
  });
  it('ignores what has no valid seq and does not change its inputs', () => {
    const a = [msg(1)];
    const out = mergeMessages(a, [{ body: 'x' }, msg(0), msg(-1), msg(1.5), null]);
    expect(out).toHaveLength(1);
    expect(a).toHaveLength(1);
    expect(mergeMessages(undefined, undefined)).toEqual([]);
  });
  it('knows the last seq, and the newest from the desk', () => {
    const list = [msg(1), msg(2, { sender: 'customer' }), msg(3), msg(4, { sender: 'customer' })];
    expect(lastSeq(list)).toBe(4);
    expect(lastSeq([])).toBe(0);
    expect(lastIncomingSeq(list)).toBe(3);
  });
  it('hides staff whispers (only their number reaches the customer)', () => {
    expect(visibleMessages([msg(1), msg(2, { kind: 'whisper', body: '' }), msg(3)]).map((m) => m.seq)).toEqual([1, 3]);
  });
  it('marks own messages read up to the agent_read_seq', () => {
    const mine = msg(5, { sender: 'customer' });
    expect(readByAgent(mine, 5)).toBe(true);
    expect(readByAgent(mine, 4)).toBe(false);
    expect(readByAgent(mine, undefined)).toBe(false);
    expect(readByAgent(msg(3), 9)).toBe(false); // not own
  });
});

describe('event lines', () => {
  const ev = (body) => ({ seq: 1, sender: 'system', kind: 'event', body: JSON.stringify(body) });
  it('reads the event body', () => {
    expect(parseEvent(ev({ event: 'queued', queue: 'general' }))).toEqual({ event: 'queued', queue: 'general' });
    expect(parseEvent({ kind: 'event', body: 'not json' })).toBeNull();
    expect(parseEvent(msg(1))).toBeNull();
  });
  it('names a line for each event', () => {
    expect(eventLine(ev({ event: 'assigned', agent_id: 3 })).key).toBe('chat.events.assigned');
    expect(eventLine(ev({ event: 'ended', by: 'idle' })).key).toBe('chat.events.ended_idle');
    expect(eventLine(ev({ event: 'ended', by: 'somebody' })).key).toBe('chat.events.ended_other');
    expect(eventLine(ev({ event: 'transferred', queue: 'returns' })).key).toBe('chat.events.transferredQueue');
    expect(eventLine(ev({ event: 'ticket', number: 'KF1' }))).toEqual({ key: 'chat.events.ticket', values: { number: 'KF1' } });
    expect(eventLine(ev({ event: 'later' })).key).toBe('chat.events.other');
  });
});

describe('the queue', () => {
  const queued = { status: 'queued' };
  it('says how many are ahead (position 1 is next) and rounds the wait up to minutes', () => {
    expect(queueInfo({ position: 3, wait_ms: 7 * 60000 + 1, staffed: true }, queued)).toEqual({ ahead: 2, minutes: 8, nobody: false });
    expect(queueInfo({ position: 1, wait_ms: 5000, staffed: true }, queued)).toEqual({ ahead: 0, minutes: 1, nobody: false });
  });
  it('shows nothing when not waiting', () => {
    expect(queueInfo({ position: 0, wait_ms: null }, queued)).toBeNull();
    expect(queueInfo({ position: 2, wait_ms: 1000 }, { status: 'assigned' })).toBeNull();
    expect(queueInfo(null, queued)).toBeNull();
  });
  it('offers to leave a message when nobody is online (wait_ms null), not after the end', () => {
    expect(nobodyOnline({ position: 1, wait_ms: null, staffed: false }, queued)).toBe(true);
    expect(nobodyOnline({ position: 1, wait_ms: 60000, staffed: true }, queued)).toBe(false);
    expect(nobodyOnline({ position: 0, wait_ms: null }, { status: 'ended' })).toBe(false);
    expect(queueInfo({ position: 2, wait_ms: null }, queued).nobody).toBe(true);
  });
  it('has the four topics', () => expect(QUEUES).toEqual(['general', 'returns', 'members', 'parking']));
});

describe('the page phase', () => {
  it('follows the conversation', () => {
    expect(chatPhase(null)).toBe('start');
    expect(chatPhase({ status: 'queued' })).toBe('queued');
    expect(chatPhase({ status: 'assigned' })).toBe('assigned');
    expect(chatPhase({ status: 'bot' })).toBe('assigned');
    expect(chatPhase({ status: 'ended', rating: null })).toBe('rate');
    expect(chatPhase({ status: 'ended', rating: 4 })).toBe('done');
    expect(chatPhase({ status: 'ended', rating: null }, { rated: true })).toBe('done');
    expect(chatPhase({ status: 'ended', end_reason: 'offline_message' })).toBe('done');
  });
});

describe('reconnect back-off', () => {
  const mid = () => 0.5;
  it('starts at 1 s and doubles', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, mid))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });
  it('stops at 30 s, however many attempts', () => {
    expect(backoffDelay(5, mid)).toBe(30000);
    expect(backoffDelay(50, () => 1)).toBe(30000);
    expect(backoffDelay(1e9, mid)).toBe(30000);
  });
  it('spreads each wait by ±20 % but never under 1 s nor over 30 s', () => {
    expect(backoffDelay(2, () => 0)).toBe(3200);
    expect(backoffDelay(2, () => 0.999999)).toBe(4800);
    expect(backoffDelay(0, () => 0)).toBe(BACKOFF.base);
    expect(backoffDelay(4, () => 0.999999)).toBe(19200);
    expect(backoffDelay(5, () => 0)).toBe(24000);
    expect(backoffDelay(-3, mid)).toBe(1000);
  });
  it('is different for different phones', () => {
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(seen.size).toBeGreaterThan(1);
  });
  it('polls after three failed socket attempts in a row', () => {
    expect(SOCKET_FAILURES_BEFORE_POLLING).toBe(3);
    expect([0, 1, 2, 3, 4].map(shouldPoll)).toEqual([false, false, false, true, true]);
  });
});

describe('client message ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it('uses crypto.randomUUID', () => expect(newClientMsgId({ randomUUID: () => 'u-1' })).toBe('u-1'));
  it('falls back to getRandomValues, then Math.random, as a v4 UUID', () => {
    expect(newClientMsgId({ getRandomValues: (b) => b.fill(255) })).toMatch(UUID);
    expect(newClientMsgId(null)).toMatch(UUID);
    expect(newClientMsgId({ randomUUID: () => { throw new Error('insecure'); } })).toMatch(UUID);
    expect(newClientMsgId(null)).not.toBe(newClientMsgId(null));
  });
});

describe('the outbox', () => {
  const a = { client_msg_id: 'a', body: '你好' };
  const b = { client_msg_id: 'b', body: '在吗' };
  it('keeps the order and each id once', () => {
    let o = outboxAdd([], a);
    o = outboxAdd(o, b);
    o = outboxAdd(o, a);
    expect(o.map((x) => x.client_msg_id)).toEqual(['a', 'b']);
    expect(outboxRemove(o, 'a')).toEqual([b]);
  });
  it('drops what the server already has (its customer messages carry the client id back)', () => {
    const o = [a, b];
    expect(outboxReconcile(o, [msg(3, { sender: 'customer', client_msg_id: 'a' })])).toEqual([b]);
    expect(outboxReconcile(o, [msg(3, { sender: 'agent', client_msg_id: 'a' })])).toEqual(o); // not ours
  });
  it('marks a refused message failed and leaves it out of the resend until retried', () => {
    let o = outboxMark([a, b], 'a', { code: 'conversation_ended', message: '会话已结束' });
    expect(o[0].failed.code).toBe('conversation_ended');
    expect(outboxPending(o)).toEqual([b]);
    o = outboxMark(o, 'a', null);
    expect(outboxPending(o).map((x) => x.client_msg_id)).toEqual(['a', 'b']);
  });
  it('tells a failure worth retrying (no answer, 5xx, 408, 429) from a refusal', () => {
    expect(retryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(retryable({ status: 0 })).toBe(true);
    expect(retryable({ status: 503 })).toBe(true);
    expect(retryable({ status: 429 })).toBe(true);
    expect(retryable({ status: 409, code: 'conversation_ended' })).toBe(false);
    expect(retryable({ status: 422 })).toBe(false);
  });
});

describe('checks before sending', () => {
  it('refuses empty and too long messages', () => {
    expect(messageProblem('  ')).toBe('err.required');
    expect(messageProblem('好'.repeat(2001))).toBe('err.too_long');
    expect(messageProblem('好'.repeat(2000))).toBeNull();
  });
  it('refuses a photo too large or of a type the server does not take before uploading it', () => {
    expect(photoFileProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 })).toBeNull();
    expect(photoFileProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('chat.photoTooBig');
    expect(photoFileProblem({ type: 'image/gif', size: 10 })).toBe('chat.photoType');
    expect(photoFileProblem({ type: '', size: 10 })).toBeNull(); // left to the server
    expect(photoFileProblem(null)).toBe('chat.photoType');
  });
  it('names the photo refusals', () => {
    expect(photoUploadProblem(413)).toBe('chat.photoTooBig');
    expect(photoUploadProblem(415)).toBe('chat.photoType');
    expect(photoUploadProblem(500)).toBe('chat.photoFailed');
  });
});

describe('what the browser keeps per store', () => {
  beforeEach(() => localStorage.clear());
  it('keeps the token and the outbox of each store apart', () => {
    saveChat(1, { token: 'kfc_a', outbox: [{ client_msg_id: 'x', body: 'hi' }] });
    saveChat(2, { token: 'kfc_b', outbox: [] });
    expect(loadChat(1)).toEqual({ token: 'kfc_a', outbox: [{ client_msg_id: 'x', body: 'hi' }] });
    expect(loadChat(2).token).toBe('kfc_b');
    forgetChat(1);
    expect(loadChat(1)).toBeNull();
    expect(loadChat(2).token).toBe('kfc_b');
  });
  it('survives what it cannot read', () => {
    localStorage.setItem('kefu.mobile.chat.3', '{not json');
    expect(loadChat(3)).toBeNull();
    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: '' }));
    expect(loadChat(3)).toBeNull();
    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: 'kfc_c', outbox: 'x' }));
    expect(loadChat(3)).toEqual({ token: 'kfc_c', outbox: [] });
  });
});

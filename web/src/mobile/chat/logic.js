// The customer's live chat, the rules without a screen or a network: messages merged by
// their sequence number, the outbox of messages not yet acknowledged, the reconnect
// back-off and the socket → polling fallback, what the queue and event lines say, and what
// this browser keeps per store (docs/chat.md).

export const QUEUES = ['general', 'returns', 'members', 'parking'];
export const MAX_CHARS = 2000;
export const MAX_NAME = 50;
export const BACKOFF = { base: 1000, max: 30000 };
export const POLL_MS = 2000;
// Failed socket attempts in a row after which messages are fetched by polling (the socket
// is still tried now and then).
export const SOCKET_FAILURES_BEFORE_POLLING = 3;

// --- messages ---------------------------------------------------------------------------

// The list with the incoming messages in it: ordered by seq, each seq once. A message seen
// again (the socket's and the REST answer's copy, a replay after a reconnect) updates the
// one kept, field by field, so a copy that lacks a field (an attachment id) does not lose it.
export function mergeMessages(list, incoming) {
  const bySeq = new Map();
  for (const m of list || []) if (validSeq(m)) bySeq.set(m.seq, m);
  for (const m of incoming || []) {
    if (!validSeq(m)) continue;
    const old = bySeq.get(m.seq);
    bySeq.set(m.seq, old ? { ...old, ...defined(m) } : m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const validSeq = (m) => m && Number.isInteger(m.seq) && m.seq > 0;
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

export function lastSeq(list) {
  let n = 0;
  for (const m of list || []) if (validSeq(m) && m.seq > n) n = m.seq;
  return n;
}

// What the customer sees: no staff whispers (the server sends only their number), no
// bot_feedback events (a verdict shows on its answer: chat/bot.js verdicts).
export function visibleMessages(list) {
  return (list || []).filter((m) => m.kind !== 'whisper' && !isVerdict(m));
}
const isVerdict = (m) => m.kind === 'event' && (parseEvent(m) || {}).event === 'bot_feedback';

// An own message the agent has read (the conversation's agent_read_seq has passed it).
export function readByAgent(message, agentReadSeq) {
  return message.sender === 'customer' && Number.isInteger(agentReadSeq) && message.seq <= agentReadSeq;
}

// The newest message from the desk (agent, bot, system) — what a `read` reports.
export function lastIncomingSeq(list) {
  let n = 0;
  for (const m of list || []) if (m.sender !== 'customer' && m.seq > n) n = m.seq;
  return n;
}

// An event message's body, {event: bot|queued|assigned|transferred|ended|ticket|handoff, …}; null
// when it is not one.
export function parseEvent(message) {
  if (!message || message.kind !== 'event') return null;
  try {
    const e = JSON.parse(message.body);
    return e && typeof e === 'object' && typeof e.event === 'string' ? e : null;
  } catch {
    return null;
  }
}

export const HANDOFF_REASONS = ['asked', 'angry', 'unresolved'];

// The locale key and values of an event line (keys under chat.events).
export function eventLine(message) {
  const e = parseEvent(message);
  if (!e) return null;
  switch (e.event) {
    case 'queued':
      return { key: 'chat.events.queued', values: {} };
    case 'bot': // the chat starts with the FAQ bot
      return { key: 'chat.events.bot', values: {} };
    case 'assigned':
      return { key: 'chat.events.assigned', values: {} };
    case 'reopened':
      return { key: 'chat.events.reopened', values: {} };
    case 'transferred':
      return { key: e.queue ? 'chat.events.transferredQueue' : 'chat.events.transferred', values: {} };
    case 'ended':
      return { key: `chat.events.ended_${['customer', 'agent', 'idle', 'offline_message'].includes(e.by) ? e.by : 'other'}`, values: {} };
    case 'ticket':
      return { key: 'chat.events.ticket', values: { number: e.number || '' } };
    case 'welcome':
      return { key: 'chat.events.welcome', values: { text: e.text || '' } };
    case 'handoff': // the bot hands over; the reason (asked, angry, unresolved) varies the words
      return { key: `chat.events.handoff_${HANDOFF_REASONS.includes(e.reason) ? e.reason : 'asked'}`, values: {} };
    default:
      return { key: 'chat.events.other', values: {} };
  }
}

// --- the queue ------------------------------------------------------------------------------

// What the waiting line says: people ahead (position 1 = next) and minutes to wait, or
// nobody online (wait_ms null). null when the customer is not waiting.
export function queueInfo(queue, conversation) {
  if (!queue || !queue.position || (conversation && conversation.status !== 'queued')) return null;
  if (queue.wait_ms === null || queue.wait_ms === undefined) return { ahead: queue.position - 1, minutes: null, nobody: true };
  return { ahead: queue.position - 1, minutes: Math.max(1, Math.ceil(queue.wait_ms / 60000)), nobody: false };
}

// Nobody online can take this conversation: offer to leave a message.
export function nobodyOnline(queue, conversation) {
  if (conversation && conversation.status === 'ended') return false;
  return !!queue && queue.wait_ms === null && (!conversation || conversation.status === 'queued');
}

// The chat page's state: start (no conversation), queued, assigned (or bot: the FAQ bot
// answers, chat/bot.js), rate (ended,
// not yet rated), done (ended and rated, or ended by leaving a message).
export function chatPhase(conversation, { rated = false } = {}) {
  if (!conversation) return 'start';
  if (conversation.status === 'ended') {
    if (rated || conversation.rating || conversation.end_reason === 'offline_message') return 'done';
    return 'rate';
  }
  if (conversation.status === 'queued') return 'queued';
  return 'assigned';
}

// --- reconnecting -------------------------------------------------------------------------

// The wait before reconnect attempt n (0 = the first after a drop): 1 s doubling to 30 s,
// each spread by ±20 % so that phones that lost the same network do not all come back at once.
export function backoffDelay(attempt, random = Math.random, { base, max } = BACKOFF) {
  const n = Math.max(0, Math.min(attempt | 0, 30));
  const d = Math.min(max, base * 2 ** n);
  const spread = d * (0.8 + 0.4 * random());
  return Math.round(Math.min(max, Math.max(base, spread)));
}

// After this many failed socket attempts in a row, poll.
export function shouldPoll(failures) {
  return failures >= SOCKET_FAILURES_BEFORE_POLLING;
}

// --- sending --------------------------------------------------------------------------------

// A message's client id: the server keeps one message per id, so a message sent again after
// a lost connection is not doubled.
export function newClientMsgId(c = globalThis.crypto) {
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      /* an insecure context (plain http on a LAN address) has no randomUUID: fall through */
    }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The outbox: messages typed but not yet acknowledged, oldest first, as
// {client_msg_id, body, created_at, failed?: {code, message}}.
export function outboxAdd(outbox, item) {
  if ((outbox || []).some((x) => x.client_msg_id === item.client_msg_id)) return outbox;
  return [...(outbox || []), item];
}
export function outboxRemove(outbox, clientMsgId) {
  return (outbox || []).filter((x) => x.client_msg_id !== clientMsgId);
}
// Drops what the server already has (the customer's messages carry their client id back).
export function outboxReconcile(outbox, messages) {
  const have = new Set((messages || []).filter((m) => m.sender === 'customer' && m.client_msg_id).map((m) => m.client_msg_id));
  return (outbox || []).filter((x) => !have.has(x.client_msg_id));
}
export function outboxMark(outbox, clientMsgId, failed) {
  return (outbox || []).map((x) => (x.client_msg_id === clientMsgId ? { ...x, failed: failed || undefined } : x));
}
// The items to (re)send now: all but those that failed for good.
export function outboxPending(outbox) {
  return (outbox || []).filter((x) => !x.failed);
}

// A failed send is worth trying again (the network, the server busy) or not (the server
// refused the message itself: too long, the conversation ended, the token no longer valid).
export function retryable(error) {
  if (!error || !error.status) return true; // no answer at all
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

// An upload's refusal in the customer's words.
export function photoUploadProblem(status) {
  if (status === 413) return 'chat.photoTooBig';
  if (status === 415) return 'chat.photoType';
  return 'chat.photoFailed';
}

// A photo refused before its bytes go over the phone's network: over 10 MB, or a type the
// server does not take (an empty type is left to the server: some phones send none).
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export function photoFileProblem(file) {
  if (!file) return 'chat.photoType';
  if (file.type && !['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return 'chat.photoType';
  if (file.size > MAX_PHOTO_BYTES) return 'chat.photoTooBig';
  return null;
}

export function messageProblem(body) {
  const text = (body || '').trim();
  if (!text) return 'err.required';
  if ([...text].length > MAX_CHARS) return 'err.too_long';
  return null;
}

// --- what this browser keeps ----------------------------------------------------------

// Per store: {token, outbox}. The token resumes the conversation after a reload; it is
// forgotten once the conversation has ended and been rated, or the customer starts anew.
const KEY = (storeId) => `kefu.mobile.chat.${storeId}`;
const local = () => (typeof localStorage !== 'undefined' ? localStorage : null);

export function loadChat(storeId, s = local()) {
  if (!s) return null;
  try {
    const v = JSON.parse(s.getItem(KEY(storeId)) || 'null');
    if (!v || typeof v.token !== 'string' || !v.token) return null;
    return { token: v.token, outbox: Array.isArray(v.outbox) ? v.outbox.filter((x) => x && x.client_msg_id) : [] };
  } catch {
    return null;
  }
}
export function saveChat(storeId, { token, outbox }, s = local()) {
  if (!s) return;
  try {
    s.setItem(KEY(storeId), JSON.stringify({ token, outbox: outbox || [] }));
  } catch {
    /* storage full or refused (private mode): the chat still works, without resuming */
  }
}
export function forgetChat(storeId, s = local()) {
  if (s) s.removeItem(KEY(storeId));
}

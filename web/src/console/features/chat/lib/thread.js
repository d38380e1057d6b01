// One conversation's messages as the console holds them: merged by `seq` (in order, never
// twice), and the agent's own messages still on their way (pending, 发送中 until the server's
// `ack`). A message that arrives after a hole (seq > last + 1) waits aside and the caller
// is told to fetch what is missing (`GET …/conversations/{id}?after=last`); what that fetch
// answers is everything the server has after `last`, so it closes the hole for good.
//
// Plain JS, no Vue: the workspace re-renders on the client's change events.

export function newClientMsgId() {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-${hex()}-${hex()}${hex()}${hex()}`;
}

export class Thread {
  constructor(id) {
    this.id = id;
    this.messages = []; // in seq order, contiguous from the first one loaded
    this.lastSeq = 0; // the highest seq merged with nothing missing before it
    this.ahead = new Map(); // seq → message that came after a hole
    this.pending = new Map(); // client_msg_id → { client_msg_id, body, whisper, state, seq?, error? }
    this.bySeq = new Set();
  }

  // Merges messages from a frame or a fetch. `complete`: the list is all the server has
  // after lastSeq (a REST answer), so seqs it lacks are not coming and the hole is closed.
  // Answers { added, gap }: gap is true when messages wait behind a hole.
  merge(list, { complete = false } = {}) {
    let added = 0;
    let limit = 0; // complete: the server has nothing else up to here
    for (const m of list || []) {
      if (!m || !Number.isInteger(m.seq) || m.seq <= 0) continue;
      limit = Math.max(limit, m.seq);
      if (this.bySeq.has(m.seq) || this.ahead.has(m.seq)) continue;
      if (m.seq <= this.lastSeq && !complete) continue; // already past it
      this.ahead.set(m.seq, m);
    }
    for (const seq of [...this.ahead.keys()].sort((a, b) => a - b)) {
      if (seq !== this.lastSeq + 1 && !(complete && seq <= limit)) break;
      this.take(this.ahead.get(seq));
      this.ahead.delete(seq);
      added++;
    }
    return { added, gap: this.ahead.size > 0 };
  }

  take(m) {
    // A late fetch may hold seqs below lastSeq that were never seen (a closed hole).
    if (m.seq > this.lastSeq) this.messages.push(m);
    else {
      const at = this.messages.findIndex((x) => x.seq > m.seq);
      this.messages.splice(at < 0 ? this.messages.length : at, 0, m);
    }
    this.bySeq.add(m.seq);
    this.lastSeq = Math.max(this.lastSeq, m.seq);
    if (m.client_msg_id && this.pending.has(m.client_msg_id)) this.pending.delete(m.client_msg_id);
  }

  // A message the agent writes: pending (发送中) until acked.
  addPending(body, { whisper = false, id = newClientMsgId(), now = Date.now() } = {}) {
    const p = { client_msg_id: id, body, whisper, state: 'sending', created_at: now };
    this.pending.set(id, p);
    return p;
  }

  // The server committed it. The pending entry stays (without 发送中) until its message
  // is merged, so it never disappears and reappears. Answers true when the message is not
  // here yet and is past lastSeq (the caller may fetch if no frame brings it).
  ack({ client_msg_id, seq }) {
    const p = this.pending.get(client_msg_id);
    if (!p) return false;
    if (this.bySeq.has(seq)) {
      this.pending.delete(client_msg_id);
      return false;
    }
    p.state = 'acked';
    p.seq = seq;
    return true;
  }

  // The server refused it (error frame or REST error): shown as failed, with a retry.
  fail(clientMsgId, error) {
    const p = this.pending.get(clientMsgId);
    if (!p) return;
    p.state = 'failed';
    p.error = error || '';
  }

  retry(clientMsgId) {
    const p = this.pending.get(clientMsgId);
    if (p) {
      p.state = 'sending';
      p.error = '';
    }
    return p;
  }

  // What must be sent (again) after a reconnection: not yet acked, not failed.
  unacked() {
    return [...this.pending.values()].filter((p) => p.state === 'sending');
  }

  // The messages, then the pending ones not merged yet, for the screen.
  items() {
    const pend = [...this.pending.values()].map((p) => ({
      pending: true, client_msg_id: p.client_msg_id, sender: 'agent', kind: p.whisper ? 'whisper' : 'text',
      body: p.body, state: p.state, error: p.error, created_at: p.created_at, seq: p.seq,
    }));
    return [...this.messages, ...pend];
  }
}

// The chat page's state and actions for one store: resume the kept conversation or start
// one, the live connection (connection.js), sending, photos, the FAQ bot's 已解决 / 未解决 and
// 转人工 (bot.js), end, rating and leaving a message. The page (views/ChatView.vue) only shows this.
import { computed, ref, shallowRef } from 'vue';
import * as defaultApi from '../api.js';
import { ChatConnection } from './connection.js';
import { verdicts as verdictsOf } from './bot.js';
import {
  chatPhase, forgetChat, lastSeq, loadChat, mergeMessages, outboxReconcile, photoFileProblem, photoUploadProblem, saveChat,
  visibleMessages,
} from './logic.js';

const TYPING_SHOWN_MS = 4000;

export function useChat(storeId, { api = defaultApi, WebSocketImpl, target, lang = () => 'zh-CN' } = {}) {
  const token = ref(null);
  const conversation = ref(null);
  const queue = ref(null);
  const messages = ref([]);
  const outbox = ref([]);
  const mode = ref('idle');
  const typing = ref(false);
  const uploads = ref([]); // {key, name, progress, problem}
  const rated = ref(false);
  const loading = ref(true);
  const left = ref(null); // the ticket a left message became
  const judged = ref({}); // verdicts given on this page, before their event arrives: seq → solved
  const conn = shallowRef(null);
  let typingTimer = null;
  let uploadKey = 0;

  const phase = computed(() => (left.value ? 'left' : chatPhase(conversation.value, { rated: rated.value })));
  const shown = computed(() => visibleMessages(messages.value));
  // The customer's verdicts on the bot's answers: seq → solved (the events, then this page's).
  const verdicts = computed(() => ({ ...judged.value, ...verdictsOf(messages.value) }));

  function keep() {
    if (token.value) saveChat(storeId, { token: token.value, outbox: outbox.value });
  }

  function apply(r) {
    if (!r) return;
    if (r.conversation) setConversation(r.conversation);
    if (r.queue) queue.value = r.queue;
    if (Array.isArray(r.messages)) addMessages(r.messages);
  }

  function addMessages(list) {
    messages.value = mergeMessages(messages.value, list);
    if (list.some((m) => m.sender === 'agent')) typing.value = false;
    const reconciled = outboxReconcile(outbox.value, list);
    if (reconciled.length !== outbox.value.length) {
      outbox.value = reconciled;
      keep();
    }
  }

  function setConversation(c) {
    conversation.value = { ...(conversation.value || {}), ...c };
    if (c.status === 'ended') {
      disconnect();
      if (c.rating || c.end_reason === 'offline_message') forget();
    }
  }

  function connect() {
    disconnect();
    if (!token.value || (conversation.value && conversation.value.status === 'ended')) return;
    const c = new ChatConnection({
      token: token.value,
      after: lastSeq(messages.value),
      outbox: outbox.value,
      url: api.chatSocketUrl(),
      api: { poll: api.chatState, send: api.chatSend, read: api.chatRead },
      WebSocketImpl: WebSocketImpl || globalThis.WebSocket,
      target: target === undefined ? (typeof window !== 'undefined' ? window : null) : target,
      on: {
        messages: addMessages,
        conversation: setConversation,
        queue: (q) => (queue.value = q),
        outbox: (list) => {
          outbox.value = list;
          keep();
        },
        mode: (m) => (mode.value = m),
        typing: () => {
          typing.value = true;
          clearTimeout(typingTimer);
          typingTimer = setTimeout(() => (typing.value = false), TYPING_SHOWN_MS);
        },
        invalid: () => reset(),
      },
    });
    conn.value = c;
    c.start();
  }

  function disconnect() {
    if (conn.value) conn.value.stop();
    conn.value = null;
    mode.value = 'idle';
  }

  // The conversation this browser kept for the store, if it is still there and not finished.
  async function resume() {
    loading.value = true;
    const kept = loadChat(storeId);
    try {
      if (!kept) return;
      token.value = kept.token;
      outbox.value = kept.outbox;
      const r = await api.chatState(kept.token, 0);
      apply(r);
      if (phase.value === 'done') return reset();
      connect();
    } catch (e) {
      if (e && e.status && e.status < 500) reset(); // the token is no longer valid
      else if (token.value) connect(); // offline for now: the connection catches up
    } finally {
      loading.value = false;
    }
  }

  async function start({ name, queue: q }, { live = true } = {}) {
    const body = { store_id: Number(storeId), queue: q };
    if (name && name.trim()) body.name = name.trim();
    const r = await api.startChat(body);
    reset();
    token.value = r.token;
    apply(r);
    keep();
    if (live) connect();
    return r;
  }

  function send(text) {
    if (!conn.value) return null;
    return conn.value.send(text);
  }

  async function uploadPhoto(file) {
    if (!token.value) return;
    const item = { key: ++uploadKey, name: file.name || '', progress: 0, problem: photoFileProblem(file) };
    uploads.value = [...uploads.value, item];
    if (item.problem) return item.problem;
    const update = (patch) => (uploads.value = uploads.value.map((u) => (u.key === item.key ? { ...u, ...patch } : u)));
    try {
      const r = await api.chatUploadPhoto(token.value, file, (p) => update({ progress: p }), lang());
      if (r && r.message) addMessages([r.message]);
      uploads.value = uploads.value.filter((u) => u.key !== item.key);
      return null;
    } catch (e) {
      const problem = photoUploadProblem(e && e.status);
      update({ problem, message: e && e.message });
      return problem;
    }
  }

  function dismissUpload(key) {
    uploads.value = uploads.value.filter((u) => u.key !== key);
  }

  async function end() {
    const r = await api.chatEnd(token.value);
    if (r && r.conversation) setConversation(r.conversation);
    else setConversation({ status: 'ended', end_reason: 'customer' });
  }

  async function rate(rating, comment) {
    try {
      await api.chatRate(token.value, rating, comment);
    } catch (e) {
      if (!e || (e.code !== 'conversation_rated' && e.code !== 'already_rated')) throw e;
    }
    rated.value = true;
    forget();
  }

  // A message for the desk when nobody is online (or the customer prefers it): a ticket.
  async function leaveMessage({ phone, name, body, queue: q = 'general' }) {
    if (!token.value) await start({ name, queue: q }, { live: false });
    disconnect();
    const payload = { phone, body };
    if (name && name.trim()) payload.name = name.trim();
    let r;
    try {
      r = await api.chatLeaveMessage(token.value, payload);
    } catch (e) {
      // An agent took the chat meanwhile: the customer talks to them instead.
      if (e && e.code === 'conversation_assigned') connect();
      throw e;
    }
    left.value = r;
    forget();
    return r;
  }

  // 已解决 / 未解决 on the bot's answer numbered seq: once per answer (the server keeps the first).
  async function judge(seq, solved) {
    if (!token.value || seq in verdicts.value) return;
    const r = await api.chatBotFeedback(token.value, seq, solved);
    judged.value = { ...judged.value, [seq]: solved };
    apply(r);
  }

  // 转人工: the bot steps aside and the chat waits in its queue; the queue line and what
  // happened meanwhile are read at once (the socket brings them too).
  async function handoff() {
    if (!token.value) return;
    const r = await api.chatHandoff(token.value);
    apply(r);
    try {
      apply(await api.chatState(token.value, lastSeq(messages.value)));
    } catch {
      /* the socket (or the poll) brings the queue line */
    }
  }

  // The page is shown again (a phone back from the background): a socket that died meanwhile
  // is tried again at once.
  function wake() {
    if (conn.value && conn.value.mode !== 'socket') conn.value.reconnectNow();
  }

  function markRead(seq) {
    if (conn.value) conn.value.markRead(seq);
  }
  function typingNow() {
    if (conn.value) conn.value.typing();
  }
  function retry(id) {
    if (conn.value) conn.value.retry(id);
  }
  function discard(id) {
    if (conn.value) conn.value.discard(id);
    else {
      outbox.value = outbox.value.filter((x) => x.client_msg_id !== id);
      keep();
    }
  }

  function forget() {
    forgetChat(storeId);
  }

  // A new conversation: what this page showed and kept is dropped.
  function reset() {
    disconnect();
    forget();
    token.value = null;
    conversation.value = null;
    queue.value = null;
    messages.value = [];
    outbox.value = [];
    uploads.value = [];
    rated.value = false;
    left.value = null;
    judged.value = {};
    typing.value = false;
  }

  function dispose() {
    disconnect();
    clearTimeout(typingTimer);
  }

  return {
    token, conversation, queue, messages, shown, verdicts, outbox, mode, typing, uploads, rated, loading, left, phase,
    resume, start, send, uploadPhoto, dismissUpload, end, rate, leaveMessage, judge, handoff, markRead, typingNow, retry,
    discard, wake, reset, dispose,
  };
}

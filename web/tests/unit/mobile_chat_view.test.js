// The chat page (views/ChatView.vue) as a customer uses it, against a stubbed REST API and
// a fake socket: start by topic, the queue line, the agent joining, messages by seq with
// 发送中 → 已读, a reload resuming the conversation and its outbox, photos, nobody online →
// leave a message, end → rating → thanks.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import { FakeSocket, message, stubFetch } from './mobile_chat_fakes.js';

vi.mock('vant', async (importOriginal) => ({ ...(await importOriginal()), showConfirmDialog: vi.fn(() => Promise.resolve()) }));
const { default: ChatView } = await import('../../src/mobile/views/ChatView.vue');

const TOKEN = 'kfc_abc';
const conv = (extra = {}) => ({
  status: 'queued', queue: 'returns', store_id: 3, created_at: 1, ended_at: null, end_reason: '', last_seq: 1,
  agent_read_seq: 0, customer_read_seq: 0, rating: null, has_ticket: false, ...extra,
});
const queuedEvent = { conversation_id: 7, seq: 1, sender: 'system', kind: 'event', body: '{"event":"queued","queue":"returns"}', created_at: 1 };

class FakeXHR {
  static last = null;
  constructor() {
    this.upload = {};
    this.headers = {};
    FakeXHR.last = this;
  }
  open(method, url) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(k, v) {
    this.headers[k] = v;
  }
  send(body) {
    this.body = body;
  }
  answer(status, body) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload();
  }
}

async function page(storeId = '3') {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
  const w = mount(ChatView, {
    props: { storeId },
    attachTo: document.body,
    global: { plugins: [i18n], stubs: { TopBar: true } },
  });
  await flushPromises();
  return w;
}
const text = (w, sel) => w.find(`[data-test="${sel}"]`).text();
const seqs = (w) => w.findAll('[data-test="chat-message"]').map((x) => Number(x.attributes('data-seq')));

describe('the chat page', () => {
  let w;
  beforeEach(() => {
    localStorage.clear();
    FakeSocket.reset();
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('XMLHttpRequest', FakeXHR);
  });
  afterEach(() => {
    w?.unmount();
    w = null;
    vi.unstubAllGlobals();
  });

  it('starts a chat on the chosen topic, shows the queue and goes live', async () => {
    const calls = stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv(), queue: { position: 3, wait_ms: 11 * 60000, staffed: true }, messages: [queuedEvent] }],
    });
    w = await page();
    expect(w.find('[data-test="chat-start"]').exists()).toBe(true);
    await w.find('[data-test="chat-topic-returns"]').trigger('click');
    await w.find('[data-test="chat-name"] input').setValue('王女士');
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/public/chats', body: { store_id: 3, queue: 'returns', name: '王女士' } });
    expect(text(w, 'chat-queue-position')).toContain('您前面还有 2 位，预计等待 11 分钟');
    expect(w.find('[data-test="chat-message"][data-seq="1"]').text()).toContain('正在为您转接人工客服');
    expect(JSON.parse(localStorage.getItem('kefu.mobile.chat.3')).token).toBe(TOKEN);

    const ws = FakeSocket.last;
    expect(ws.url).toMatch(/^ws:\/\/.+\/api\/v1\/public\/chats\/socket$/);
    ws.open();
    expect(ws.sent[0]).toEqual({ type: 'hello', token: TOKEN, after: 1 });
    ws.frame({ type: 'queue', position: 1, wait_ms: 90000, staffed: true });
    await flushPromises();
    expect(text(w, 'chat-queue-position')).toContain('马上轮到您了');
  });

  it('shows the agent joining, their messages in seq order, typing, and 发送中 → 已读 on own messages', async () => {
    stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv(), queue: { position: 1, wait_ms: 60000, staffed: true }, messages: [queuedEvent] }],
    });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    const ws = FakeSocket.last;
    ws.open();
    ws.frame({ type: 'conversation', conversation: conv({ status: 'assigned', last_seq: 3 }) });
    ws.frame({ type: 'queue', position: 0, wait_ms: null, staffed: true });
    ws.frame(message(3, { body: '您好，请问有什么可以帮您？' }));
    ws.frame(message(2, { sender: 'system', kind: 'event', body: '{"event":"assigned"}' }));
    ws.frame(message(3, { body: '您好，请问有什么可以帮您？' })); // again: shown once
    ws.frame({ type: 'typing', conversation_id: 7, sender: 'agent' });
    await flushPromises();
    expect(w.find('[data-test="chat-queue-position"]').exists()).toBe(false);
    expect(text(w, 'chat-agent-joined')).toBe('客服已接入');
    expect(w.find('[data-test="chat-nobody"]').exists()).toBe(false); // assigned: nobody-online does not apply
    expect(seqs(w)).toEqual([1, 2, 3]);
    expect(w.find('[data-seq="3"]').text()).toContain('客服');
    expect(w.find('[data-test="chat-typing"]').exists()).toBe(true);
    expect(ws.frames('read')).toEqual([{ type: 'read', seq: 3 }]); // what the page shows is read

    await w.find('[data-test="chat-input"]').setValue('我想退一件外套');
    await w.find('[data-test="chat-send"]').trigger('click');
    await flushPromises();
    const send = ws.frames('send')[0];
    expect(send.body).toBe('我想退一件外套');
    expect(text(w, 'chat-pending')).toContain('发送中');
    expect(JSON.parse(localStorage.getItem('kefu.mobile.chat.3')).outbox[0].client_msg_id).toBe(send.client_msg_id);

    ws.frame({ type: 'ack', client_msg_id: send.client_msg_id, seq: 4, duplicate: false });
    ws.frame(message(4, { sender: 'customer', body: '我想退一件外套', client_msg_id: send.client_msg_id }));
    await flushPromises();
    expect(w.find('[data-test="chat-pending"]').exists()).toBe(false);
    expect(seqs(w)).toEqual([1, 2, 3, 4]);
    expect(w.find('[data-seq="4"]').text()).toContain('已送达');
    expect(JSON.parse(localStorage.getItem('kefu.mobile.chat.3')).outbox).toEqual([]);

    ws.frame({ type: 'conversation', conversation: conv({ status: 'assigned', agent_read_seq: 4 }) });
    await flushPromises();
    expect(w.find('[data-seq="4"] [data-test="chat-read"]').text()).toBe('已读');
  });

  it('resumes after a reload: the history from the start, the unsent message resent', async () => {
    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [{ client_msg_id: 'c-1', body: '刚才没发出去' }] }));
    const calls = stubFetch({
      [`GET /api/v1/public/chats/${TOKEN}`]: {
        conversation: conv({ status: 'assigned' }),
        queue: { position: 0, wait_ms: null, staffed: true },
        messages: [queuedEvent, message(2, { type: undefined, body: '请稍等' })],
      },
    });
    w = await page();
    expect(calls[0].url).toBe(`/api/v1/public/chats/${TOKEN}?after=0`);
    expect(seqs(w)).toEqual([1, 2]);
    expect(text(w, 'chat-pending')).toContain('刚才没发出去');
    FakeSocket.last.open();
    expect(FakeSocket.last.sent[0]).toEqual({ type: 'hello', token: TOKEN, after: 2 });
    expect(FakeSocket.last.frames('send')).toEqual([{ type: 'send', client_msg_id: 'c-1', body: '刚才没发出去' }]);
  });

  it('starts anew when the kept conversation has ended and been rated, or its token is refused', async () => {
    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [] }));
    stubFetch({ [`GET /api/v1/public/chats/${TOKEN}`]: { conversation: conv({ status: 'ended', rating: 5 }), queue: { position: 0 }, messages: [] } });
    w = await page();
    expect(w.find('[data-test="chat-start"]').exists()).toBe(true);
    expect(localStorage.getItem('kefu.mobile.chat.3')).toBeNull();
    w.unmount();

    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [] }));
    stubFetch({ [`GET /api/v1/public/chats/${TOKEN}`]: () => [403, { error: { code: 'invalid_chat_token', message: '会话凭证无效' } }] });
    w = await page();
    expect(w.find('[data-test="chat-start"]').exists()).toBe(true);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('offers to leave a message when nobody is online, and shows the ticket it became', async () => {
    const calls = stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv(), queue: { position: 1, wait_ms: null, staffed: false }, messages: [queuedEvent] }],
      [`POST /api/v1/public/chats/${TOKEN}/leave-message`]: () => [201, { number: 'KF261204000031', access_token: 'acc.tok', path: '/m/t/acc.tok', tracking_code: 'K7P2QX' }],
    });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    expect(text(w, 'chat-queue-position')).toBe('您排在第一位'); // no estimate: nobody to count on
    expect(text(w, 'chat-nobody')).toContain('当前没有客服在线');
    await w.find('[data-test="chat-leave-message"]').trigger('click');
    await w.find('[data-test="chat-leave-submit"]').trigger('click');
    expect(w.find('[data-test="chat-leave-phone"]').text()).toContain('必填');
    await w.find('[data-test="chat-leave-phone"] input').setValue('13912345678');
    await w.find('[data-test="chat-leave-body"] textarea').setValue('停车场出口收费机坏了');
    await w.find('[data-test="chat-leave-submit"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ path: `/api/v1/public/chats/${TOKEN}/leave-message`, body: { phone: '13912345678', body: '停车场出口收费机坏了' } });
    expect(text(w, 'chat-ticket-number')).toBe('KF261204000031');
    expect(text(w, 'chat-tracking-code')).toBe('K7P2QX');
    expect(w.find('[data-test="chat-view-ticket"]').exists()).toBe(true);
    expect(JSON.parse(sessionStorage.getItem('kefu.mobile.tokens'))).toMatchObject({ KF261204000031: 'acc.tok' });
    expect(localStorage.getItem('kefu.mobile.chat.3')).toBeNull();
  });

  it('leaves a message straight from the start form (the chat is opened for it)', async () => {
    const calls = stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv(), queue: { position: 1, wait_ms: 60000, staffed: true }, messages: [] }],
      [`POST /api/v1/public/chats/${TOKEN}/leave-message`]: () => [201, { number: 'KF1', access_token: 'a.b', path: '/m/t/a.b', tracking_code: 'ABCDEF' }],
    });
    w = await page();
    await w.find('[data-test="chat-topic-parking"]').trigger('click');
    await w.find('[data-test="chat-leave-message"]').trigger('click');
    await w.find('[data-test="chat-leave-phone"] input').setValue('13912345678');
    await w.find('[data-test="chat-leave-body"] textarea').setValue('月卡怎么办理？');
    await w.find('[data-test="chat-leave-submit"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/public/chats', `/api/v1/public/chats/${TOKEN}/leave-message`]);
    expect(calls[0].body.queue).toBe('parking');
    expect(text(w, 'chat-ticket-number')).toBe('KF1');
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('ends, asks for stars and thanks', async () => {
    const calls = stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv({ status: 'assigned' }), queue: { position: 0, wait_ms: null, staffed: true }, messages: [] }],
      [`POST /api/v1/public/chats/${TOKEN}/end`]: { conversation: conv({ status: 'ended', end_reason: 'customer' }) },
      [`POST /api/v1/public/chats/${TOKEN}/rating`]: () => [201, { rating: 4 }],
    });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    FakeSocket.last.open();
    await w.find('[data-test="chat-end"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1).path).toBe(`/api/v1/public/chats/${TOKEN}/end`);
    expect(FakeSocket.last.readyState).toBe(3); // the live line is closed
    expect(w.find('[data-test="chat-input"]').exists()).toBe(false);
    await w.find('[data-test="chat-rating-4"]').trigger('click');
    await w.find('[data-test="chat-rating-comment"]').setValue('很耐心');
    await w.find('[data-test="chat-rating-submit"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ path: `/api/v1/public/chats/${TOKEN}/rating`, body: { rating: 4, comment: '很耐心' } });
    expect(text(w, 'chat-thanks')).toBe('感谢您的评价');
    expect(localStorage.getItem('kefu.mobile.chat.3')).toBeNull();
    await w.find('[data-test="chat-new"]').trigger('click');
    expect(w.find('[data-test="chat-start"]').exists()).toBe(true);
  });

  it('takes "already rated" (409 conversation_rated, another tab) as rated', async () => {
    localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [] }));
    stubFetch({
      [`GET /api/v1/public/chats/${TOKEN}`]: { conversation: conv({ status: 'ended', end_reason: 'idle' }), queue: { position: 0 }, messages: [] },
      [`POST /api/v1/public/chats/${TOKEN}/rating`]: () => [409, { error: { code: 'conversation_rated', message: '该会话已评价过' } }],
    });
    w = await page();
    expect(FakeSocket.all).toHaveLength(0); // an ended chat is not followed live
    await w.find('[data-test="chat-rating-2"]').trigger('click');
    await w.find('[data-test="chat-rating-submit"]').trigger('click');
    await flushPromises();
    expect(text(w, 'chat-thanks')).toBe('感谢您的评价');
  });

  it('goes back to the live chat when an agent took it while the customer wrote a message', async () => {
    stubFetch({
      'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv(), queue: { position: 1, wait_ms: null, staffed: false }, messages: [queuedEvent] }],
      [`POST /api/v1/public/chats/${TOKEN}/leave-message`]: () => [409, { error: { code: 'conversation_assigned', message: '客服正在为您服务，请直接在会话中留言' } }],
    });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    await w.find('[data-test="chat-leave-message"]').trigger('click');
    await w.find('[data-test="chat-leave-phone"] input').setValue('13912345678');
    await w.find('[data-test="chat-leave-body"] textarea').setValue('在吗');
    await w.find('[data-test="chat-leave-submit"]').trigger('click');
    await flushPromises();
    expect(w.find('[data-test="chat-leave-form"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-input"]').exists()).toBe(true);
    FakeSocket.last.open();
    expect(FakeSocket.last.sent[0]).toMatchObject({ type: 'hello', token: TOKEN });
  });

  it('shows the rating when the agent ends the chat', async () => {
    stubFetch({ 'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv({ status: 'assigned' }), queue: { position: 0 }, messages: [] }] });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    FakeSocket.last.open();
    FakeSocket.last.frame(message(2, { sender: 'system', kind: 'event', body: '{"event":"ended","by":"agent"}' }));
    FakeSocket.last.frame({ type: 'conversation', conversation: conv({ status: 'ended', end_reason: 'agent' }) });
    await flushPromises();
    expect(w.find('[data-seq="2"]').text()).toBe('客服已结束咨询');
    expect(w.find('[data-test="chat-rating-5"]').exists()).toBe(true);
  });

  it('uploads a photo with progress and says why one was refused', async () => {
    stubFetch({ 'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv({ status: 'assigned' }), queue: { position: 0 }, messages: [] }] });
    w = await page();
    await w.find('[data-test="chat-start"]').trigger('click');
    await flushPromises();
    const input = w.find('[data-test="chat-photo-input"]');
    expect(input.attributes('accept')).toBe('image/*');
    const file = new File([new Uint8Array([1, 2, 3])], 'receipt.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    const xhr = FakeXHR.last;
    expect(xhr.url).toBe(`/api/v1/public/chats/${TOKEN}/photos?filename=receipt.jpg`);
    expect(xhr.body).toBe(file);
    xhr.upload.onprogress({ lengthComputable: true, loaded: 1, total: 2 });
    await flushPromises();
    expect(text(w, 'chat-upload')).toContain('50%');
    xhr.answer(201, { message: { seq: 2, sender: 'customer', kind: 'photo', body: '', attachment_id: 44, created_at: 2 }, duplicate: false });
    await flushPromises();
    expect(w.find('[data-test="chat-upload"]').exists()).toBe(false);
    expect(w.find('[data-seq="2"] img').attributes('src')).toBe(`/api/v1/public/chats/${TOKEN}/photos/44`);

    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    FakeXHR.last.answer(413, { error: { code: 'too_large', message: 'too large' } });
    await flushPromises();
    expect(text(w, 'chat-upload-problem')).toContain('照片太大，不能超过 10 MB');
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    FakeXHR.last.answer(415, { error: { code: 'unsupported_media_type', message: 'x' } });
    await flushPromises();
    expect(w.findAll('[data-test="chat-upload-problem"]')[1].text()).toContain('只能发送 JPEG、PNG 或 WebP 照片');
  });

  it('says when it reconnects, and when it falls back to polling', async () => {
    vi.useFakeTimers();
    try {
      const calls = stubFetch({
        'POST /api/v1/public/chats': () => [201, { token: TOKEN, conversation: conv({ status: 'assigned' }), queue: { position: 0 }, messages: [] }],
        [`GET /api/v1/public/chats/${TOKEN}`]: { conversation: conv({ status: 'assigned' }), queue: { position: 0 }, messages: [message(2, { body: '轮询来的' })] },
      });
      w = await page();
      await w.find('[data-test="chat-start"]').trigger('click');
      await flushPromises();
      FakeSocket.last.fail();
      await flushPromises();
      expect(w.find('[data-test="chat-connection"]').attributes('data-mode')).toBe('connecting');
      await vi.advanceTimersByTimeAsync(1200);
      FakeSocket.last.fail();
      await vi.advanceTimersByTimeAsync(2500);
      FakeSocket.last.fail();
      await flushPromises();
      expect(w.find('[data-test="chat-connection"]').attributes('data-mode')).toBe('polling');
      expect(calls.some((c) => c.url === `/api/v1/public/chats/${TOKEN}?after=0`)).toBe(true);
      expect(w.find('[data-seq="2"]').text()).toContain('轮询来的');
    } finally {
      w.unmount();
      w = null;
      vi.useRealTimers();
    }
  });
});

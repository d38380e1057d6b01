// The agent's chat workspace from mocked API data and a fake socket: my conversations (unread,
// waiting time, red over the store's target) and the queue, an open conversation (events,
// whispers, photos, 已读, typing), sending (发送中 until the ack), picking from the queue, the
// member card, the presence switch, and the menu badge.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import ChatWorkspace from '../../src/console/features/chat/views/ChatWorkspace.vue';
import ChatBadge from '../../src/console/features/chat/components/ChatBadge.vue';
import { useSession } from '../../src/console/stores/session.js';
import { useChat } from '../../src/console/features/chat/store.js';
import { globalOptions, mockFetch } from './helpers.js';

class FakeWS {
  static last = null;
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeWS.last = this;
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  serverOpen() {
    this.readyState = 1;
    this.onopen();
  }
  serverSend(frame) {
    this.onmessage({ data: JSON.stringify(frame) });
  }
}

const NOW = Date.parse('2026-12-04T06:00:00Z');
const MIN = 60000;
const ME = { id: 3, username: 'zhangmin', display_name: '张敏', role: 'agent', store_ids: [1], department_ids: [] };

const conv = (id, extra) => ({
  id, store_id: 1, queue: 'general', status: 'assigned', customer_name: '', member_id: null, agent_id: 3, participants: [],
  created_at: NOW - 20 * MIN, queued_at: NOW - 20 * MIN, assigned_at: NOW - 19 * MIN, first_reply_at: NOW - 18 * MIN,
  last_message_at: NOW - 5 * MIN, ended_at: null, end_reason: '', last_seq: 6, agent_read_seq: 4, customer_read_seq: 3,
  ticket_id: null, rating: null, last_message: { sender: 'customer', kind: 'text', body: '还在吗？' }, ...extra,
});
const m = (seq, sender, kind, body, extra = {}) => ({ conversation_id: 11, seq, sender, kind, body, created_at: NOW - (30 - seq) * MIN, ...extra });

// A chat the FAQ bot had first, then handed over (src/bot/app/bot.hpp's message format).
const json = (o) => JSON.stringify(o);
const BOT_CHAT = conv(15, {
  status: 'queued', queue: 'parking', agent_id: null, assigned_at: null, first_reply_at: null, queued_at: NOW - 1 * MIN, last_seq: 8,
  agent_read_seq: 0, customer_name: '赵先生',
  last_message: { sender: 'system', kind: 'event', body: json({ event: 'handoff', reason: 'unresolved', guesses: [] }) },
});
const BOT_TRANSCRIPT = [
  m(1, 'customer', 'text', '停车怎么收费'),
  m(2, 'bot', 'bot', json({ act: 'answer', faq_id: 7, question: '停车场收费标准', answer: '首小时免费，之后每小时 5 元。' })),
  m(3, 'system', 'event', json({ event: 'bot_feedback', seq: 2, solved: false })),
  m(4, 'customer', 'text', '我是会员'),
  m(5, 'bot', 'bot', json({ act: 'suggest', text: '您是不是想问：', suggestions: [{ faq_id: 9, question: '会员停车优惠', score: 0.41 }, { faq_id: 3, question: '积分兑换停车券', score: 0.3 }] })),
  m(6, 'customer', 'text', '月卡'),
  m(7, 'bot', 'bot', json({ act: 'apologise', text: '抱歉，这个问题我还不会回答。' })),
  m(8, 'system', 'event', json({ event: 'handoff', reason: 'unresolved', guesses: [{ faq_id: 11, question: '停车月卡办理', score: 0.18 }] })),
];

describe('ChatWorkspace', () => {
  let w, calls, plugins, presence;

  async function setup() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    globalThis.WebSocket = FakeWS;
    const c11 = conv(11, { customer_name: '李女士', member_id: 5 });
    const c12 = conv(12, { status: 'queued', queue: 'returns', agent_id: null, assigned_at: null, first_reply_at: null, queued_at: NOW - 3 * MIN, last_seq: 2, agent_read_seq: 0, last_message: { sender: 'customer', kind: 'text', body: '想退货' } });
    const c13 = conv(13, { customer_name: '王先生', last_message_at: NOW - 1 * MIN, last_seq: 3, agent_read_seq: 3 });
    presence = 'online';
    const me = () => ({ staff_id: 3, presence, capacity: 5, queues: ['general', 'returns'], active: 2 });
    ({ calls } = mockFetch({
      'GET /api/v1/chat/me': () => [200, me()],
      'POST /api/v1/chat/presence': (c) => {
        presence = c.body.presence;
        return [200, me()];
      },
      'GET /api/v1/chat/conversations': { items: [c11, c12, c13] },
      'GET /api/v1/chat/conversations/11': {
        conversation: c11,
        messages: [
          m(1, 'system', 'event', JSON.stringify({ event: 'queued', queue: 'general' })),
          m(2, 'system', 'event', JSON.stringify({ event: 'assigned', agent_id: 3 })),
          m(3, 'agent', 'text', '您好，请问有什么可以帮您？', { staff_id: 3 }),
          m(4, 'customer', 'photo', '', { attachment_id: 77 }),
          m(5, 'agent', 'whisper', '这位是老顾客', { staff_id: 9 }),
          m(6, 'customer', 'text', '还在吗？'),
        ],
      },
      'GET /api/v1/chat/conversations/15': { conversation: BOT_CHAT, messages: BOT_TRANSCRIPT },
      'POST /api/v1/chat/conversations/12/pick': { conversation: { ...c12, status: 'assigned', agent_id: 3, assigned_at: NOW } },
      'GET /api/v1/chat/conversations/12': { conversation: { ...c12, status: 'assigned', agent_id: 3, assigned_at: NOW }, messages: [] },
      'POST /api/v1/chat/conversations/11/ticket': () => [201, { ticket_id: 41, conversation_id: 11 }],
      'POST /api/v1/chat/conversations/11/transfer': (c) => [200, { conversation: { ...c11, status: 'queued', agent_id: null, queue: c.body.queue } }],
      'GET /api/v1/stores/1/chat-settings': { idle_end_minutes: 15, first_reply_seconds: 60, reply_gap_seconds: 180, welcome: '', offline_text: '' },
      'GET /api/v1/members/5': { id: 5, name: '李丽', tier: 'gold', phone: '13812345678', member_no: 'M0005' },
      'GET /api/v1/tickets': { items: [{ id: 40, number: 'KF2026120400001', type: 'complaint', status: 'in_progress', subject: '退款未到账' }] },
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏', store_ids: [1] }, { id: 9, display_name: '王主管', store_ids: [1] }] },
      'GET /api/v1/departments': { items: [] },
    }));
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/chat', component: { template: '<div />' } }, { path: '/tickets/:id', component: { template: '<div />' } }] });
    router.push('/chat');
    await router.isReady();
    useSession().me = ME;
    plugins = [...global.plugins, router];
    w = mount(ChatWorkspace, { global: { ...global, plugins }, attachTo: document.body });
    await vi.advanceTimersByTimeAsync(10);
    FakeWS.last.serverOpen();
    await vi.advanceTimersByTimeAsync(10);
  }

  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    w && w.unmount();
    useChat().stop();
    vi.useRealTimers();
    delete globalThis.fetch;
    delete globalThis.WebSocket;
  });

  it('lists my conversations (unread, waiting, late in red) and the queue with its wait and 接入', async () => {
    await setup();
    const mine = w.find('[data-test="chat-conversation-11"]');
    expect(mine.text()).toContain('李女士');
    expect(mine.find('[data-test="chat-unread"]').text()).toBe('2');
    expect(mine.find('[data-test="chat-waiting"]').text()).toBe('5分0秒');
    expect(mine.attributes('data-late')).toBe('1'); // 5 min > the 180 s reply target
    expect(w.find('[data-test="chat-conversation-13"]').attributes('data-late')).toBe('0'); // 1 min
    const q = w.find('[data-test="chat-queue-item-12"]');
    expect(q.text()).toContain('退换货');
    expect(q.text()).toContain('已等待 3分0秒');
    expect(q.find('[data-test="chat-pick"]').exists()).toBe(true);
    expect(useChat().badge).toBe(1 + 2); // one waiting, two unread
  });

  it('opens a conversation: events, whisper, photo, 已读, member card; marks it read', async () => {
    await setup();
    await w.find('[data-test="chat-conversation-11"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeWS.last.sent).toContainEqual({ type: 'watch', conversation_id: 11, after: 0 });
    const msgs = w.findAll('[data-test="chat-message"]');
    expect(msgs.map((x) => x.attributes('data-seq'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(msgs[0].text()).toContain('进入排队：一般咨询');
    expect(msgs[0].classes()).toContain('kf-chat-event');
    expect(msgs[1].text()).toContain('已分配给 张敏');
    expect(msgs[2].find('[data-test="chat-read"]').text()).toBe('已读'); // seq 3 ≤ customer_read_seq
    expect(msgs[3].find('[data-test="chat-photo"] img').attributes('src')).toBe('/api/v1/chat/conversations/11/photos/77');
    expect(msgs[4].classes()).toContain('whisper');
    expect(msgs[4].text()).toContain('内部备注');
    expect(msgs[4].text()).toContain('王主管');
    expect(msgs[5].text()).toContain('李女士');
    // Read up to 6 on the socket, once; the unread count goes.
    await vi.advanceTimersByTimeAsync(300);
    expect(FakeWS.last.sent.filter((f) => f.type === 'read')).toEqual([{ type: 'read', conversation_id: 11, seq: 6 }]);
    expect(w.find('[data-test="chat-conversation-11"] [data-test="chat-unread"]').exists()).toBe(false);
    // The member card: tier, phone masked, recent tickets.
    expect(w.find('[data-test="chat-member-tier"]').text()).toBe('金卡');
    expect(w.find('[data-test="chat-member-phone"]').text()).toBe('138****5678');
    expect(w.find('[data-test="chat-member-ticket"]').text()).toContain('KF2026120400001');
    // Typing from the customer shows, then goes.
    FakeWS.last.serverSend({ type: 'typing', conversation_id: 11, sender: 'customer' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.find('[data-test="chat-typing"]').exists()).toBe(true);
    await vi.advanceTimersByTimeAsync(7000);
    expect(w.find('[data-test="chat-typing"]').exists()).toBe(false);
  });

  it('sends with Enter: 发送中 until the ack, then the message in its place', async () => {
    await setup();
    await w.find('[data-test="chat-conversation-11"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const box = w.find('textarea[data-test="chat-composer"]');
    await box.setValue('在的，请讲');
    await box.trigger('keydown', { key: 'Enter' });
    const send = FakeWS.last.sent.find((f) => f.type === 'send');
    expect(send).toMatchObject({ conversation_id: 11, body: '在的，请讲' });
    expect(send.client_msg_id).toMatch(/^[0-9a-f-]{36}$/);
    let last = w.findAll('[data-test="chat-message"]').at(-1);
    expect(last.attributes('data-state')).toBe('sending');
    expect(last.find('[data-test="chat-sending"]').text()).toBe('发送中');
    FakeWS.last.serverSend({ type: 'ack', client_msg_id: send.client_msg_id, seq: 7, duplicate: false });
    FakeWS.last.serverSend({ type: 'message', ...m(7, 'agent', 'text', '在的，请讲', { staff_id: 3, client_msg_id: send.client_msg_id }) });
    await vi.advanceTimersByTimeAsync(10);
    const all = w.findAll('[data-test="chat-message"]');
    expect(all).toHaveLength(7);
    last = all.at(-1);
    expect(last.attributes('data-seq')).toBe('7');
    expect(last.attributes('data-state')).toBe('sent');
    expect(last.find('[data-test="chat-sending"]').exists()).toBe(false);
  });

  it('makes a ticket from the chat and opens it; transfers to a queue with a note', async () => {
    await setup();
    await w.find('[data-test="chat-conversation-11"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    await w.find('[data-test="chat-make-ticket"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const subject = document.querySelector('input[data-test="chat-ticket-subject"]');
    subject.value = '退款未到账';
    subject.dispatchEvent(new Event('input'));
    document.querySelector('[data-test="chat-ticket-create"]').click();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.find((c) => c.path === '/api/v1/chat/conversations/11/ticket').body).toEqual({ type: 'inquiry', subject: '退款未到账' });
    expect(w.vm.$router.currentRoute.value.path).toBe('/tickets/41');
    await w.vm.$router.push('/chat');
    await w.find('[data-test="chat-transfer"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    document.querySelectorAll('[data-test="chat-transfer-to"] input')[1].click(); // to a queue
    await vi.advanceTimersByTimeAsync(10);
    const note = document.querySelector('textarea[data-test="chat-transfer-note"]');
    note.value = '顾客要办退货';
    note.dispatchEvent(new Event('input'));
    document.querySelector('[data-test="chat-transfer-submit"]').click();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.find((c) => c.path === '/api/v1/chat/conversations/11/transfer').body).toEqual({ queue: 'general', note: '顾客要办退货' });
    expect(w.find('[data-test="chat-conversation-11"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-queue-item-11"]').exists()).toBe(true);
  });

  it('picks a waiting conversation and opens it', async () => {
    await setup();
    await w.find('[data-test="chat-queue-item-12"] [data-test="chat-pick"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/chat/conversations/12/pick')).toBe(true);
    expect(w.find('[data-test="chat-conversation-12"]').exists()).toBe(true);
    expect(w.find('[data-test="chat-queue-item-12"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-open"]').attributes('data-id')).toBe('12');
    expect(w.find('textarea[data-test="chat-composer"]').exists()).toBe(true);
  });

  it('shows a chat the bot handed over: 机器人转接 in the queue, the bot’s words readable, why and what it guessed', async () => {
    await setup();
    FakeWS.last.serverSend({ type: 'conversation', conversation: BOT_CHAT });
    await vi.advanceTimersByTimeAsync(10);
    expect(w.find('[data-test="chat-queue-item-15"] [data-test="chat-bot-handed-over"]').text()).toBe('机器人转接');
    expect(w.find('[data-test="chat-queue-item-12"] [data-test="chat-bot-handed-over"]').exists()).toBe(false);
    await w.find('[data-test="chat-queue-item-15"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const at = (seq) => w.find(`[data-test="chat-message"][data-seq="${seq}"]`);
    expect(at(2).text()).toContain('智能客服');
    expect(at(2).find('[data-test="chat-bot-question"]').text()).toBe('停车场收费标准');
    expect(at(2).find('[data-test="chat-bot-answer"]').text()).toBe('首小时免费，之后每小时 5 元。');
    expect(at(2).text()).not.toContain('"act"');
    expect(at(3).text()).toContain('顾客反馈：未解决（停车场收费标准）'); // which answer it judged
    expect(at(5).findAll('[data-test="chat-bot-suggestion"]').map((x) => x.text())).toEqual(['会员停车优惠 41%', '积分兑换停车券 30%']);
    expect(at(7).text()).toContain('抱歉，这个问题我还不会回答。');
    const h = at(8).find('[data-test="chat-handoff"]');
    expect(h.attributes('data-reason')).toBe('unresolved');
    expect(h.text()).toContain('机器人转人工：机器人未能解决');
    expect(h.findAll('[data-test="chat-handoff-guess"]').map((x) => x.text())).toEqual(['停车月卡办理 (18%)']);
    expect(w.find('[data-test="chat-open"]').text()).toContain('排队中');
  });

  it('follows conversation frames live; Alt+↓ moves to the next one', async () => {
    await setup();
    FakeWS.last.serverSend({ type: 'conversation', conversation: conv(14, { status: 'queued', agent_id: null, customer_name: '新顾客', queued_at: NOW }) });
    await vi.advanceTimersByTimeAsync(10);
    expect(w.find('[data-test="chat-queue-item-14"]').text()).toContain('新顾客');
    await w.find('[data-test="chat-conversation-11"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    // Mine, newest activity first (13, 11), then the queue (12, 14).
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true }));
    await vi.advanceTimersByTimeAsync(10);
    expect(w.find('[data-test="chat-open"]').attributes('data-id')).toBe('13');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true }));
    await vi.advanceTimersByTimeAsync(10);
    expect(w.find('[data-test="chat-open"]').attributes('data-id')).toBe('12');
  });

  it('sets presence by the switch, and away by itself after 5 minutes idle, back online on activity', async () => {
    await setup();
    const presenceCalls = () => calls.filter((c) => c.path === '/api/v1/chat/presence').map((c) => c.body.presence);
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(presenceCalls()).toEqual(['away']);
    expect(w.find('[data-test="chat-presence"]').attributes('data-presence')).toBe('away');
    window.dispatchEvent(new MouseEvent('mousedown'));
    await vi.advanceTimersByTimeAsync(10);
    expect(presenceCalls()).toEqual(['away', 'online']);
    await w.find('[data-test="chat-presence-offline"] input').setValue(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(presenceCalls()).toEqual(['away', 'online', 'offline']);
    // 通话中: the same presence, with on_call, so that no new chat comes during a phone call.
    await w.find('[data-test="chat-on-call"] input').setValue(true);
    await vi.advanceTimersByTimeAsync(10);
    const last = calls.filter((c) => c.path === '/api/v1/chat/presence').at(-1).body;
    expect(last).toEqual({ presence: 'offline', on_call: true });
  });

  it('the menu badge counts waiting plus unread and beeps for a conversation newly mine', async () => {
    await setup();
    const beeps = [];
    globalThis.AudioContext = class {
      constructor() {
        this.currentTime = 0;
        this.destination = {};
      }
      createOscillator() {
        beeps.push(1);
        return { frequency: {}, connect() {}, start() {}, stop() {} };
      }
      createGain() {
        return { gain: {}, connect() {} };
      }
    };
    const b = mount(ChatBadge, { global: { plugins } });
    await vi.advanceTimersByTimeAsync(10);
    expect(b.find('[data-test="chat-badge"]').text()).toBe('3');
    FakeWS.last.serverSend({ type: 'conversation', conversation: conv(15, { customer_name: '赵', last_seq: 1, agent_read_seq: 0 }) });
    await vi.advanceTimersByTimeAsync(10);
    expect(beeps).toHaveLength(1);
    expect(b.find('[data-test="chat-badge"]').text()).toBe('4');
    b.unmount();
    delete globalThis.AudioContext;
  });
});

// The bot's other words on the customer's chat page: small talk and "please wait" as plain
// lines, the store's hours, a ticket's status, and a model's phrasing of an answer or of
// guesses with one 根据：<question> line per cited entry — all as text, never HTML.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import { botAct } from '../../src/mobile/chat/bot.js';
import { FakeSocket, message, stubFetch } from './mobile_chat_fakes.js';

const { default: ChatView } = await import('../../src/mobile/views/ChatView.vue');

const TOKEN = 'kfc_acts';
const conv = (extra = {}) => ({
  status: 'bot', queue: 'general', store_id: 3, created_at: 1, ended_at: null, end_reason: '', last_seq: 1,
  agent_read_seq: 0, customer_read_seq: 0, rating: null, has_ticket: false, ...extra,
});
const said = (seq, body) => message(seq, { type: undefined, sender: 'customer', kind: 'text', body, client_msg_id: `c${seq}` });
const bot = (seq, body) => message(seq, { type: undefined, sender: 'bot', kind: 'bot', body: JSON.stringify(body) });
const at = (w, seq) => w.find(`[data-test="chat-message"][data-seq="${seq}"]`);

async function page(messages, { locale = 'zh-CN' } = {}) {
  localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [] }));
  stubFetch({ [`GET /api/v1/public/chats/${TOKEN}`]: { conversation: conv({ last_seq: messages.length }), queue: { position: 0 }, messages } });
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } });
  const TopBar = { props: ['title'], template: '<h1>{{ title }}</h1>' };
  const w = mount(ChatView, { props: { storeId: '3' }, attachTo: document.body, global: { plugins: [i18n], stubs: { TopBar } } });
  await flushPromises();
  return w;
}

const phrasedAnswer = {
  act: 'answer', faq_id: 7, question: '停车怎么收费', answer: '首小时免费，之后每小时 5 元。',
  generated: '停车首小时免费 [1]，积分也可以换停车券 [2]。<b>x</b>', cites: [7, 9],
  sources: [{ faq_id: 7, question: '停车怎么收费' }, { faq_id: 9, question: '积分怎么兑换停车券' }],
};

describe('the bot’s asides and generated answers on the chat page', () => {
  let w;
  beforeEach(() => {
    localStorage.clear();
    FakeSocket.reset();
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    w?.unmount();
    w = null;
    vi.unstubAllGlobals();
  });

  it('shows a generated answer with 根据：<question> per cited entry, and still asks 已解决 / 未解决', async () => {
    w = await page([said(1, '停车多少钱'), bot(2, phrasedAnswer)]);
    const a = at(w, 2);
    expect(a.find('[data-test="chat-bot-generated"]').text()).toBe('停车首小时免费 [1]，积分也可以换停车券 [2]。<b>x</b>');
    expect(a.find('b').exists()).toBe(false);
    expect(a.find('[data-test="chat-bot-answer"]').exists()).toBe(false);
    expect(a.findAll('[data-test="chat-bot-cite"]').map((c) => c.text())).toEqual(['根据：停车怎么收费', '根据：积分怎么兑换停车券']);
    expect(a.find('[data-test="chat-bot-solved"]').exists()).toBe(true);
  });

  it('shows phrased guesses above the chips', async () => {
    w = await page([said(1, '停车'), bot(2, { act: 'suggest', text: '您是不是想问：', suggestions: [{ faq_id: 7, question: '停车怎么收费' }],
      generated: '可能与停车收费有关 [1]', cites: [7], sources: [{ faq_id: 7, question: '停车怎么收费' }] })]);
    const a = at(w, 2);
    expect(a.find('[data-test="chat-bot-generated"]').text()).toBe('可能与停车收费有关 [1]');
    expect(a.find('[data-test="chat-bot-cite"]').text()).toBe('根据：停车怎么收费');
    expect(a.findAll('[data-test="chat-bot-suggestion"]')).toHaveLength(1);
  });

  it('says small talk, the wait, the hours and a ticket’s status as the server worded them', async () => {
    w = await page([
      said(1, '你好'), bot(2, { act: 'smalltalk', text: '您好！请问有什么可以帮您？' }),
      said(3, '几点关门'), bot(4, { act: 'hours', text: '今天（12月5日 周六）营业时间 10:00–22:00。现在正在营业。', open_now: true }),
      said(5, 'KF261205000001 13800138000 AB3CDE'),
      bot(6, { act: 'ticket_status', found: true, number: 'KF261205000001', subject: '试衣间没有灯', status: 'in_progress', status_zh: '处理中', text: '…' }),
      said(7, 'KF261205000001'), bot(8, { act: 'ticket_status', found: false, number: 'KF261205000001', text: '请把工单登记的手机号和查询码发给我' }),
      said(9, '在吗'), bot(10, { act: 'wait', text: '正在准备，请稍候再问' }),
    ]);
    expect(at(w, 2).find('[data-test="chat-bot-text"]').text()).toBe('您好！请问有什么可以帮您？');
    expect(at(w, 2).find('[data-test="chat-bot-handoff"]').exists()).toBe(false, 'small talk is no apology');
    expect(at(w, 4).text()).toContain('营业时间');
    expect(at(w, 4).find('[data-test="chat-bot-hours"]').attributes('data-open')).toBe('true');
    expect(at(w, 6).find('[data-test="chat-bot-ticket-number"]').text()).toBe('工单 KF261205000001');
    expect(at(w, 6).find('[data-test="chat-bot-ticket-subject"]').text()).toBe('试衣间没有灯');
    expect(at(w, 6).find('[data-test="chat-bot-ticket-status"]').text()).toBe('当前状态：处理中');
    expect(at(w, 8).find('[data-test="chat-bot-text"]').text()).toContain('手机号和查询码');
    expect(at(w, 10).text()).toContain('正在准备，请稍候再问');
  });

  it('speaks English for its own words', async () => {
    w = await page([said(1, 'x'), bot(2, phrasedAnswer)], { locale: 'en' });
    expect(at(w, 2).find('[data-test="chat-bot-cite"]').text()).toBe('From: 停车怎么收费');
  });
});

describe('the new acts, read', () => {
  it('reads what the page shows and drops cites it cannot name', () => {
    expect(botAct(bot(2, { ...phrasedAnswer, cites: [7, 99] }))).toMatchObject({ generated: phrasedAnswer.generated, cites: [{ faq_id: 7, question: '停车怎么收费' }] });
    expect(botAct(bot(2, { act: 'answer', question: 'q', answer: 'a', generated: '  ' }))).toEqual({ act: 'answer', faq_id: undefined, question: 'q', answer: 'a' });
    expect(botAct(bot(2, { act: 'ticket_status', found: 'yes', number: 1 }))).toMatchObject({ found: false, number: '' });
    expect(botAct(bot(2, { act: 'hours', text: 5 }))).toEqual({ act: 'hours', text: '', open_now: false });
    expect(botAct(bot(2, { act: 'wait', text: '正在准备，请稍候再问' }))).toEqual({ act: 'wait', text: '正在准备，请稍候再问' });
  });
});

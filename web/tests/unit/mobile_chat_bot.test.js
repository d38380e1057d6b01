// The FAQ bot on the customer's chat page (views/ChatView.vue), against a stubbed REST API and
// a fake socket: the header says 智能客服 with 转人工 always at hand; an answer shows its
// question and text (never HTML) with 已解决 / 未解决, then 感谢反馈 (also after a reload);
// a guess is a chip that asks that question; an apology offers 转人工; a hand-over is a
// line whose words follow its reason; 转人工 leads to the usual queue line.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import { botAct, verdicts } from '../../src/mobile/chat/bot.js';
import { eventLine, visibleMessages } from '../../src/mobile/chat/logic.js';
import { FakeSocket, message, stubFetch } from './mobile_chat_fakes.js';

const { default: ChatView } = await import('../../src/mobile/views/ChatView.vue');

const TOKEN = 'kfc_bot';
const STATE = `GET /api/v1/public/chats/${TOKEN}`;
const conv = (extra = {}) => ({
  status: 'bot', queue: 'parking', store_id: 3, created_at: 1, ended_at: null, end_reason: '', last_seq: 1,
  agent_read_seq: 0, customer_read_seq: 0, rating: null, has_ticket: false, ...extra,
});
const said = (seq, body) => message(seq, { type: undefined, sender: 'customer', kind: 'text', body, client_msg_id: `c${seq}` });
const bot = (seq, body) => message(seq, { type: undefined, sender: 'bot', kind: 'bot', body: JSON.stringify(body) });
const event = (seq, body) => message(seq, { type: undefined, sender: 'system', kind: 'event', body: JSON.stringify(body) });
const answer = (seq, extra = {}) =>
  bot(seq, { act: 'answer', faq_id: 7, question: '停车怎么收费', answer: '首小时免费，之后每小时 5 元。', ...extra });

async function page({ locale = 'zh-CN' } = {}) {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } });
  const TopBar = { props: ['title'], template: '<h1 data-test="top-title">{{ title }}</h1>' };
  const w = mount(ChatView, { props: { storeId: '3' }, attachTo: document.body, global: { plugins: [i18n], stubs: { TopBar } } });
  await flushPromises();
  return w;
}
// A kept conversation, as after a reload: the page reads it by its token.
function kept(state, routes = {}) {
  localStorage.setItem('kefu.mobile.chat.3', JSON.stringify({ token: TOKEN, outbox: [] }));
  return stubFetch({ [STATE]: state, ...routes });
}
const at = (w, seq) => w.find(`[data-test="chat-message"][data-seq="${seq}"]`);

describe('the FAQ bot on the chat page', () => {
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

  it('says 智能客服 in the header, with 转人工 always there, and renders an answer as text', async () => {
    kept({
      conversation: conv({ last_seq: 2 }),
      queue: { position: 0, wait_ms: null, staffed: true },
      messages: [said(1, '停车怎么收费'), answer(2, { answer: '<b>首小时免费</b>\n<img src=x onerror=alert(1)>' })],
    });
    w = await page();
    expect(w.find('[data-test="top-title"]').text()).toBe('智能客服');
    expect(w.find('[data-test="chat-bot-bar"] [data-test="chat-handoff"]').text()).toBe('转人工');
    const a = at(w, 2);
    expect(a.text()).toContain('智能客服');
    expect(a.find('[data-test="chat-bot-question"]').text()).toBe('停车怎么收费');
    expect(a.find('[data-test="chat-bot-answer"]').text()).toBe('<b>首小时免费</b>\n<img src=x onerror=alert(1)>');
    expect(a.find('b').exists()).toBe(false); // text, not markup
    expect(a.find('img').exists()).toBe(false);
    expect(a.find('[data-test="chat-bot-solved"]').text()).toBe('已解决');
    expect(a.find('[data-test="chat-bot-unsolved"]').text()).toBe('未解决');
    expect(w.find('[data-test="chat-queue-position"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-nobody"]').exists()).toBe(false); // the bot answers: nobody to wait for
  });

  it('sends 已解决 with the answer’s seq, then thanks instead of the buttons', async () => {
    const calls = kept(
      { conversation: conv({ last_seq: 2 }), queue: { position: 0 }, messages: [said(1, '停车怎么收费'), answer(2)] },
      { [`POST /api/v1/public/chats/${TOKEN}/bot-feedback`]: { conversation: conv({ last_seq: 3 }) } },
    );
    w = await page();
    await at(w, 2).find('[data-test="chat-bot-solved"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: `/api/v1/public/chats/${TOKEN}/bot-feedback`, body: { seq: 2, solved: true } });
    expect(at(w, 2).find('[data-test="chat-bot-thanks"]').text()).toBe('感谢反馈');
    expect(at(w, 2).find('[data-test="chat-bot-solved"]').exists()).toBe(false);
    // The verdict's event arrives on the socket: no line of its own, the thanks stay.
    FakeSocket.last.open();
    FakeSocket.last.frame(event(3, { event: 'bot_feedback', seq: 2, solved: true }));
    await flushPromises();
    expect(at(w, 3).exists()).toBe(false);
    expect(at(w, 2).find('[data-test="chat-bot-thanks"]').exists()).toBe(true);
    expect(calls.filter((c) => c.path.endsWith('/bot-feedback'))).toHaveLength(1);
  });

  it('knows the verdicts already given after a reload (from the bot_feedback events)', async () => {
    kept({
      conversation: conv({ last_seq: 6 }),
      queue: { position: 0 },
      messages: [said(1, '停车怎么收费'), answer(2), event(3, { event: 'bot_feedback', seq: 2, solved: false }), said(4, '积分怎么换停车券'),
        answer(5, { faq_id: 9, question: '积分怎么兑换停车券', answer: '在会员中心兑换。' })],
    });
    w = await page();
    expect(at(w, 2).find('[data-test="chat-bot-thanks"]').attributes('data-verdict')).toBe('unsolved');
    expect(at(w, 3).exists()).toBe(false);
    expect(at(w, 5).find('[data-test="chat-bot-solved"]').exists()).toBe(true); // the new answer is not judged yet
  });

  it('offers guesses as chips: a tap sends that question as the customer’s message', async () => {
    kept({
      conversation: conv({ last_seq: 2 }),
      queue: { position: 0 },
      messages: [said(1, '停车'), bot(2, { act: 'suggest', text: '您是不是想问：', suggestions: [
        { faq_id: 7, question: '停车怎么收费', score: 0.5 }, { faq_id: 9, question: '积分怎么兑换停车券', score: 0.4 }] })],
    });
    w = await page();
    const ws = FakeSocket.last;
    ws.open();
    const a = at(w, 2);
    expect(a.text()).toContain('您是不是想问：');
    const chips = a.findAll('[data-test="chat-bot-suggestion"]');
    expect(chips.map((c) => c.text())).toEqual(['停车怎么收费', '积分怎么兑换停车券']);
    await chips[1].trigger('click');
    await chips[0].trigger('click');
    await flushPromises();
    const sends = ws.frames('send');
    expect(sends.map((f) => f.body)).toEqual(['积分怎么兑换停车券', '停车怎么收费']);
    expect(sends[0].client_msg_id).toBeTruthy();
    expect(sends[0].client_msg_id).not.toBe(sends[1].client_msg_id);
    expect(w.find('[data-test="chat-pending"]').text()).toContain('积分怎么兑换停车券');
  });

  it('apologises with a 转人工 link; 转人工 hands over and shows the queue line', async () => {
    kept({ conversation: conv({ last_seq: 2 }), queue: { position: 0 }, messages: [said(1, '月卡怎么办理'),
      bot(2, { act: 'apologise', text: '抱歉，这个问题我还不会回答。您可以换个说法，或点击「转人工」联系客服。' })] });
    w = await page();
    expect(at(w, 2).text()).toContain('抱歉，这个问题我还不会回答');
    // After the hand-over the page reads the queue and the event at once.
    stubFetch({
      [`POST /api/v1/public/chats/${TOKEN}/handoff`]: { conversation: conv({ status: 'queued', last_seq: 3 }) },
      [STATE]: { conversation: conv({ status: 'queued', last_seq: 3 }), queue: { position: 2, wait_ms: 3 * 60000, staffed: true },
        messages: [event(3, { event: 'handoff', reason: 'asked' })] },
    });
    await at(w, 2).find('[data-test="chat-bot-handoff"]').trigger('click');
    await flushPromises();
    expect(w.find('[data-test="top-title"]').text()).toBe('在线客服');
    expect(w.find('[data-test="chat-bot-bar"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-queue-position"]').text()).toContain('您前面还有 1 位，预计等待 3 分钟');
    expect(at(w, 3).text()).toBe('正在为您转接人工客服…');
    expect(at(w, 2).find('[data-test="chat-bot-handoff"]').exists()).toBe(false); // history now
  });

  it('the bar’s 转人工 posts the hand-over and leads to the usual queue view', async () => {
    // The first read finds the bot's chat; the one after the hand-over, the queue.
    let reads = 0;
    const calls = kept(() => (++reads === 1
      ? [200, { conversation: conv(), queue: { position: 0 }, messages: [] }]
      : [200, { conversation: conv({ status: 'queued' }), queue: { position: 1, wait_ms: null, staffed: false }, messages: [] }]), {
      [`POST /api/v1/public/chats/${TOKEN}/handoff`]: { conversation: conv({ status: 'queued' }) },
    });
    w = await page();
    await w.find('[data-test="chat-handoff"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /api/v1/public/chats/${TOKEN}/handoff`);
    expect(w.find('[data-test="chat-queue-position"]').text()).toBe('您排在第一位');
    expect(w.find('[data-test="chat-nobody"]').exists()).toBe(true); // nobody online: leave a message, as usual
  });

  it('words the hand-over by its reason, and speaks English too', async () => {
    const messages = [said(1, '你们就是骗子！！'), event(2, { event: 'handoff', reason: 'angry', guesses: [] }), said(3, '还是不行'),
      event(4, { event: 'handoff', reason: 'unresolved' }), answer(5)];
    kept({ conversation: conv({ status: 'queued', last_seq: 5 }), queue: { position: 1, wait_ms: 60000 }, messages });
    w = await page();
    expect(at(w, 2).text()).toBe('非常抱歉给您带来不便，正在为您转接人工客服…');
    expect(at(w, 4).text()).toBe('抱歉没能帮到您，正在为您转接人工客服…');
    expect(at(w, 5).find('[data-test="chat-bot-solved"]').exists()).toBe(false); // with people now: no verdict to give
    w.unmount();

    kept({ conversation: conv({ last_seq: 5 }), queue: { position: 0 }, messages });
    w = await page({ locale: 'en' });
    expect(w.find('[data-test="top-title"]').text()).toBe('Service bot');
    expect(w.find('[data-test="chat-handoff"]').text()).toBe('Talk to a person');
    expect(at(w, 2).text()).toBe('We are sorry for the trouble; connecting you to an agent…');
    expect(at(w, 5).find('[data-test="chat-bot-unsolved"]').text()).toBe('Not solved');
  });
});

describe('the bot’s messages, read', () => {
  it('reads the three acts and refuses what is not one', () => {
    expect(botAct(answer(2))).toEqual({ act: 'answer', faq_id: 7, question: '停车怎么收费', answer: '首小时免费，之后每小时 5 元。' });
    expect(botAct(bot(2, { act: 'suggest', suggestions: [{ faq_id: 1, question: '几点关门' }, { faq_id: 2 }, null] }))).toEqual({
      act: 'suggest', text: '', suggestions: [{ faq_id: 1, question: '几点关门' }],
    });
    expect(botAct(bot(2, { act: 'apologise', text: '抱歉' }))).toEqual({ act: 'apologise', text: '抱歉' });
    expect(botAct(bot(2, { act: 'dance' }))).toBeNull();
    expect(botAct(message(2, { sender: 'bot', kind: 'bot', body: 'not json' }))).toBeNull();
    expect(botAct(message(2, { sender: 'agent', kind: 'text', body: JSON.stringify({ act: 'answer' }) }))).toBeNull();
  });

  it('keeps the first verdict per answer and hides verdict events from the list', () => {
    const list = [answer(2), event(3, { event: 'bot_feedback', seq: 2, solved: true }), event(4, { event: 'bot_feedback', seq: 2, solved: false })];
    expect(verdicts(list)).toEqual({ 2: true });
    expect(visibleMessages(list).map((m) => m.seq)).toEqual([2]);
  });

  it('words the bot’s start and a hand-over by its reason, an unknown reason as asked', () => {
    expect(eventLine(event(1, { event: 'bot', queue: 'parking' })).key).toBe('chat.events.bot');
    expect(eventLine(event(3, { event: 'handoff', reason: 'unresolved' })).key).toBe('chat.events.handoff_unresolved');
    expect(eventLine(event(3, { event: 'handoff', reason: '?' })).key).toBe('chat.events.handoff_asked');
  });
});

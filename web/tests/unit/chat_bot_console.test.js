// The FAQ bot in the console's transcript (features/chat): what the bot said, read as words
// not JSON (an answer as text, never HTML), the hand-over's reason in both languages, the
// verdicts, the one-line preview, and the rules of lib/bot.js.
import { describe, it, expect, afterEach } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import MessageList from '../../src/console/features/chat/components/MessageList.vue';
import { botAct, guesses, handedOverByBot, handoff, percent } from '../../src/console/features/chat/lib/bot.js';
import { useChatLabels } from '../../src/console/features/chat/lib/labels.js';
import { i18n } from '../../src/console/i18n.js';
import { globalOptions } from './helpers.js';

const json = (o) => JSON.stringify(o);
const msg = (seq, sender, kind, body) => ({ conversation_id: 5, seq, sender, kind, body, created_at: Date.parse('2026-12-04T06:00:00Z') + seq * 1000 });
const CONV = { id: 5, store_id: 1, queue: 'parking', status: 'queued', customer_name: '赵先生', customer_read_seq: 0 };

function transcript(items) {
  return mount(MessageList, { props: { conversation: CONV, items }, global: globalOptions() });
}

describe('the bot in the transcript', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows an answer as text, never as HTML', () => {
    const w = transcript([msg(2, 'bot', 'bot', json({ act: 'answer', faq_id: 7, question: '发票怎么开', answer: '<a href="x">点这里</a> 到服务台开具' }))]);
    expect(w.find('[data-test="chat-bot-answer"]').text()).toBe('<a href="x">点这里</a> 到服务台开具');
    expect(w.find('[data-test="chat-bot"] a').exists()).toBe(false);
    expect(w.find('[data-test="chat-bot-question"]').text()).toBe('发票怎么开');
  });

  it('words each hand-over reason, in Chinese and in English', () => {
    const items = ['asked', 'angry', 'unresolved'].map((reason, i) => msg(i + 1, 'system', 'event', json({ event: 'handoff', reason, guesses: [] })));
    let w = transcript(items);
    expect(w.findAll('[data-test="chat-handoff"]').map((x) => x.text().split(' · ')[0])).toEqual([
      '机器人转人工：顾客要求转人工', '机器人转人工：顾客情绪激动', '机器人转人工：机器人未能解决',
    ]);
    expect(w.find('[data-test="chat-handoff-guess"]').exists()).toBe(false); // no guesses: none shown
    i18n.global.locale.value = 'en';
    w = transcript(items);
    expect(w.findAll('[data-test="chat-handoff"]')[1].text()).toContain('The bot handed over: the customer is upset');
  });

  it('shows a message it cannot read as it is', () => {
    const w = transcript([msg(2, 'bot', 'bot', 'plain words from an older bot')]);
    expect(w.find('[data-test="chat-message"][data-seq="2"]').text()).toContain('plain words from an older bot');
  });
});

describe('the bot in one line (the conversation list) and in event sentences', () => {
  const Labels = defineComponent({ setup: () => useChatLabels(), template: '<i />' });
  const labels = () => mount(Labels, { global: globalOptions() }).vm;

  it('previews the bot’s last words and the hand-over', () => {
    const l = labels();
    const last = (m) => ({ id: 1, last_message: m });
    expect(l.preview(last({ sender: 'bot', kind: 'bot', body: json({ act: 'answer', question: '几点关门', answer: '22:00' }) }))).toBe('智能客服：几点关门');
    expect(l.preview(last({ sender: 'bot', kind: 'bot', body: json({ act: 'suggest', suggestions: [{ question: '停车怎么收费' }] }) }))).toBe('智能客服：机器人推荐： 停车怎么收费');
    expect(l.preview(last({ sender: 'system', kind: 'event', body: json({ event: 'handoff', reason: 'angry' }) }))).toBe('机器人转人工：顾客情绪激动');
    expect(l.eventText(json({ event: 'bot_feedback', seq: 2, solved: true }))).toBe('顾客反馈：已解决');
    expect(l.eventText(json({ event: 'bot', queue: 'parking' }))).toBe('智能客服先接待：停车');
    expect(l.eventText(json({ event: 'bot_feedback', seq: 2, solved: false }))).toBe('顾客反馈：未解决');
    expect(l.preview(last({ sender: 'bot', kind: 'bot', body: json({ act: 'ticket_status', text: '工单 T1 当前状态：处理中。' }) }))).toBe('智能客服：工单 T1 当前状态：处理中。');
  });
});

describe('lib/bot.js', () => {
  it('reads the acts, the guesses and the hand-over', () => {
    expect(botAct(json({ act: 'apologise', text: '抱歉' }))).toEqual({ act: 'apologise', text: '抱歉' });
    expect(botAct(json({ act: 'other' }))).toBeNull();
    expect(botAct(json({ act: 'hours', text: '今天 10:00–22:00 营业', today: {} }))).toEqual({ act: 'hours', text: '今天 10:00–22:00 营业' });
    expect(botAct(json({ act: 'smalltalk', text: '您好！' })).act).toBe('smalltalk');
    expect(botAct(json({ act: 'answer', question: 'q', answer: 'a', generated: '根据条目[1]……' })).generated).toBe('根据条目[1]……');
    expect(botAct('not json')).toBeNull();
    expect(guesses([{ faq_id: 1, question: '几点关门', score: 0.5 }, { faq_id: 2, question: ' ' }, null, { question: '发票' }])).toEqual([
      { faq_id: 1, question: '几点关门', score: 0.5 }, { faq_id: undefined, question: '发票', score: null },
    ]);
    expect(handoff(json({ event: 'handoff', reason: 'weird' }))).toEqual({ reason: 'asked', guesses: [] });
    expect(handoff(json({ event: 'queued' }))).toBeNull();
    expect(percent(0.625)).toBe('63%');
    expect(percent(null)).toBe('');
  });

  it('tells a conversation the bot handed over by its newest message', () => {
    const ev = (body) => ({ last_message: { sender: 'system', kind: 'event', body: json(body) } });
    expect(handedOverByBot(ev({ event: 'handoff', reason: 'asked' }))).toBe(true);
    expect(handedOverByBot(ev({ event: 'queued' }))).toBe(false);
    expect(handedOverByBot({ last_message: { sender: 'customer', kind: 'text', body: '在吗' } })).toBe(false);
    expect(handedOverByBot({})).toBe(false);
  });
});

// Agent assist as the agent meets it (features/kb/components): in the chat workspace the best
// answers for the customer's newest message show above the composer, Alt+1 puts the first in
// the composer as plain text, the edited message is sent and the pick is learned; a chat the
// bot handed over offers 关联知识; on the ticket page a click fills the reply box and the
// reply is learned with the ticket; 学习记录 lists signals and revokes one.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import ChatWorkspace from '../../src/console/features/chat/views/ChatWorkspace.vue';
import TicketPage from '../../src/console/features/tickets/views/TicketPage.vue';
import KbLearning from '../../src/console/features/kb/views/KbLearning.vue';
import { chatPanels, ticketPanels, loadPanels } from '../../src/console/features.js';
import { useSession } from '../../src/console/stores/session.js';
import { useChat } from '../../src/console/features/chat/store.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

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
const ME = { id: 3, username: 'zhangmin', display_name: '张敏', role: 'agent', store_ids: [1], department_ids: [] };
const conv = (id, extra) => ({
  id, store_id: 1, queue: 'parking', status: 'assigned', customer_name: '李女士', member_id: null, agent_id: 3, participants: [],
  created_at: NOW - 600000, queued_at: NOW - 600000, assigned_at: NOW - 500000, first_reply_at: null, last_message_at: NOW - 60000,
  ended_at: null, end_reason: '', last_seq: 3, agent_read_seq: 3, customer_read_seq: 0, ticket_id: null, rating: null,
  last_message: { sender: 'customer', kind: 'text', body: '停车怎么收费' }, ...extra,
});
const m = (cid, seq, sender, kind, body) => ({ conversation_id: cid, seq, sender, kind, body, created_at: NOW - (10 - seq) * 60000 });
const MATCH = {
  items: [
    { faq_id: 21, external_id: 'park-fee', question: '停车场怎么收费？', score: 0.82, answer: '**首小时免费**，之后每小时 5 元。详见[停车指南](https://mall.example/p)' },
    { faq_id: 22, external_id: 'park-card', question: '停车月卡怎么办理？', score: 0.4, answer: '到 B1 服务台办理。![](https://x.example/a.png)' },
    { faq_id: 23, external_id: 'hours', question: '几点关门？', score: 0.05, answer: '22:00' },
  ],
  confidence: 0.8,
};
const HANDOFF = JSON.stringify({ event: 'handoff', reason: 'unresolved', guesses: [] });

describe('agent assist in the chat workspace', () => {
  let w, calls;
  afterEach(() => {
    w && w.unmount();
    useChat().stop();
    vi.useRealTimers();
    delete globalThis.fetch;
    delete globalThis.WebSocket;
    document.body.innerHTML = '';
  });

  async function open(id) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    globalThis.WebSocket = FakeWS;
    const c11 = conv(11);
    const c15 = conv(15, { customer_name: '赵先生' });
    ({ calls } = mockFetch({
      'GET /api/v1/chat/me': { staff_id: 3, presence: 'online', capacity: 5, queues: ['parking'], active: 2 },
      'GET /api/v1/chat/conversations': { items: [c11, c15] },
      'GET /api/v1/chat/conversations/11': { conversation: c11, messages: [m(11, 1, 'system', 'event', '{"event":"queued","queue":"parking"}'), m(11, 2, 'customer', 'text', '你好'), m(11, 3, 'customer', 'text', '停车怎么收费')] },
      'GET /api/v1/chat/conversations/15': {
        conversation: c15,
        messages: [m(15, 1, 'customer', 'text', '月卡找谁办'), m(15, 2, 'bot', 'bot', '{"act":"apologise","text":"抱歉"}'), m(15, 3, 'system', 'event', HANDOFF)],
      },
      'GET /api/v1/stores/1/chat-settings': { idle_end_minutes: 15, first_reply_seconds: 60, reply_gap_seconds: 180, welcome: '', offline_text: '' },
      'POST /api/v1/kb/match': MATCH,
      'GET /api/v1/kb/entries': { items: [{ id: 31, question: '停车月卡办理流程', similar: [] }], next_after: null },
      'POST /api/v1/kb/signals': (c) => [201, { signal: { id: 1, ...c.body } }],
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏', store_ids: [1] }] },
      'GET /api/v1/departments': { items: [] },
    }));
    await loadPanels(chatPanels);
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/chat', component: { template: '<div />' } }] });
    router.push('/chat?c=' + id);
    await router.isReady();
    useSession().me = ME;
    w = mount(ChatWorkspace, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    await vi.advanceTimersByTimeAsync(10);
    FakeWS.last.serverOpen();
    await vi.advanceTimersByTimeAsync(500); // the conversation, then the match a moment later
  }
  const signals = () => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/kb/signals').map((c) => c.body);

  it("suggests answers for the customer's newest message; Alt+1 fills the composer; the edited answer sent is learned", async () => {
    await open(11);
    const asked = calls.filter((c) => c.path === '/api/v1/kb/match');
    expect(asked.map((c) => c.body)).toEqual([{ question: '停车怎么收费', store_id: 1, top_k: 3 }]);
    const items = w.findAll('[data-test="assist-item"]');
    expect(items.map((x) => x.attributes('data-faq-id'))).toEqual(['21', '22']); // 0.05 is below the bar
    expect(items[0].find('[data-test="assist-item-question"]').text()).toBe('停车场怎么收费？');
    expect(items[0].find('[data-test="assist-item-preview"]').text()).toBe('首小时免费，之后每小时 5 元。详见停车指南 (https://mall.example/p)');
    expect(items[0].text()).toContain('Alt+1');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true }));
    await vi.advanceTimersByTimeAsync(10);
    const box = w.find('textarea[data-test="chat-composer"]');
    expect(box.element.value).toBe('首小时免费，之后每小时 5 元。详见停车指南 (https://mall.example/p)');
    // Alt+2 swaps the untouched first answer for the second, Alt+1 back.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', altKey: true }));
    await vi.advanceTimersByTimeAsync(10);
    expect(box.element.value).toBe('到 B1 服务台办理。');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true }));
    await vi.advanceTimersByTimeAsync(10);
    expect(box.element.value).toBe('首小时免费，之后每小时 5 元。详见停车指南 (https://mall.example/p)');
    await box.setValue('您好！' + box.element.value + ' 会员另有优惠。');
    await box.trigger('keydown', { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeWS.last.sent.find((f) => f.type === 'send').body).toMatch(/^您好！首小时免费/);
    expect(signals()).toEqual([{ query: '停车怎么收费', faq_id: 21, source: 'agent_pick', conversation_id: 11 }]);
    expect(w.find('[data-test="assist-learned"]').text()).toContain('停车场怎么收费？');

    // A message typed anew is not a pick; a new customer message asks again.
    await box.setValue('还有别的问题吗？');
    await box.trigger('keydown', { key: 'Enter' });
    FakeWS.last.serverSend({ type: 'message', ...m(11, 4, 'customer', 'text', '月卡呢') });
    await vi.advanceTimersByTimeAsync(500);
    expect(signals()).toHaveLength(1);
    expect(calls.filter((c) => c.path === '/api/v1/kb/match').map((c) => c.body.question)).toEqual(['停车怎么收费', '月卡呢']);
  });

  it('a click inserts too; a 内部备注 with it is not learned', async () => {
    await open(11);
    await w.findAll('[data-test="assist-item"]')[1].trigger('click');
    const box = w.find('textarea[data-test="chat-composer"]');
    expect(box.element.value).toBe('到 B1 服务台办理。');
    await w.find('[data-test="chat-whisper"]').trigger('click');
    await box.trigger('keydown', { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeWS.last.sent.find((f) => f.type === 'send')).toMatchObject({ whisper: true });
    expect(signals()).toEqual([]);
  });

  it('关联知识 on a chat the bot handed over links the question it could not answer', async () => {
    await open(15);
    expect(w.find('[data-test="assist-link"]').exists()).toBe(true);
    await w.find('[data-test="assist-link"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const dialog = document.querySelector('[data-test="assist-link-dialog"]');
    expect(dialog.querySelector('textarea[data-test="assist-link-query"]').value).toBe('月卡找谁办');
    const guessed = [...dialog.querySelectorAll('[data-test="assist-link-entry"]')].map((x) => x.getAttribute('data-id'));
    expect(guessed).toEqual(['21', '22', '23']); // the matcher's guesses, all of them
    const search = dialog.querySelector('input[data-test="assist-link-search"]');
    search.value = '月卡';
    search.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(0);
    dialog.querySelector('[data-test="assist-link-find"]').click();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.find((c) => c.path === '/api/v1/kb/entries').url).toContain('q=%E6%9C%88%E5%8D%A1');
    dialog.querySelector('[data-test="assist-link-entry"][data-id="31"] input').click();
    await vi.advanceTimersByTimeAsync(10);
    dialog.querySelector('[data-test="assist-link-submit"]').click();
    await vi.advanceTimersByTimeAsync(10);
    expect(signals()).toEqual([{ query: '月卡找谁办', faq_id: 31, source: 'agent_link', conversation_id: 15 }]);
    expect(w.find('[data-test="assist-linked"]').text()).toContain('停车月卡办理流程');
  });
});

describe('agent assist on the ticket page', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
    document.body.innerHTML = '';
  });

  it("suggests for the customer's newest reply; a click fills the reply box; the reply is learned with the ticket", async () => {
    const ticket = { id: 7, number: 'KF2026120400007', subject: '停车费', description: '停车收了我 20 元', type: 'inquiry', channel: 'app',
      priority: 'P4', status: 'in_progress', store_id: 1, owner_id: 3, version: 2, created_at: NOW };
    const events = [{ id: 70, kind: 'created', actor_id: 3, created_at: NOW }, { id: 71, kind: 'customer_reply', body: '会员停车免费吗', created_at: NOW }];
    const { calls } = mockFetch({
      'GET /api/v1/tickets/7': ticket,
      'GET /api/v1/tickets/7/timeline': { events, tasks: [], attachments: [] },
      'POST /api/v1/tickets/7/replies': [201, {}],
      'POST /api/v1/kb/match': MATCH,
      'POST /api/v1/kb/signals': (c) => [201, { signal: { id: 2, ...c.body } }],
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏', role: 'agent', store_ids: [1] }] },
      'GET /api/v1/departments': { items: [] },
    });
    await loadPanels(ticketPanels);
    const global = globalOptions();
    useSession().me = ME;
    w = mount(TicketPage, { props: { id: '7' }, global, attachTo: document.body });
    for (let i = 0; i < 5; i++) await flush();
    await new Promise((r) => setTimeout(r, 450));
    await flush();
    expect(calls.find((c) => c.path === '/api/v1/kb/match').body).toEqual({ question: '会员停车免费吗', store_id: 1, top_k: 3 });
    await w.find('[data-test="assist-item"][data-faq-id="21"]').trigger('click');
    expect(w.find('[data-test="reply-body"]').element.value).toMatch(/^首小时免费/);
    await w.find('[data-test="reply-send"]').trigger('click');
    for (let i = 0; i < 5; i++) await flush();
    const reply = calls.find((c) => c.method === 'POST' && c.path.startsWith('/api/v1/tickets/7/'));
    expect(reply).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/v1/kb/signals').map((c) => c.body)).toEqual([
      { query: '会员停车免费吗', faq_id: 21, source: 'agent_pick', ticket_id: 7 },
    ]);
  });
});

describe('学习记录', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
    document.body.innerHTML = '';
  });

  it('shows what the model learned from and revokes a signal', async () => {
    const sig = { id: 5, query: '停车怎么收费', faq_id: 21, faq_question: '停车场怎么收费？', source: 'agent_pick', store_id: 1, conversation_id: 11,
      ticket_id: null, created_by: { id: 3, name: '张敏' }, created_at: NOW, revoked_at: null, revoked_by: null };
    const { calls } = mockFetch({
      'GET /api/v1/kb/learning': { built_at: NOW, entries: 151, questions: 720, signals: { active: 1, revoked: 0 }, pairs: { active: 0, revoked: 0 },
        report: { kb_queries: 600, signal_queries: 1, pseudo_queries: 0, pairs: 0, samples: 5000, positives: 601, heldout_top1: 0.91 } },
      'GET /api/v1/kb/signals': { items: [sig], next_before: null },
      'PATCH /api/v1/kb/signals/5': (c) => [200, { signal: { ...sig, revoked_at: NOW + 1, revoked_by: { id: 1, name: '管理员' }, ...(c.body.revoked ? {} : { revoked_at: null }) } }],
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
    });
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/kb/learning', component: { template: '<div />' } }, { path: '/:p(.*)', component: { template: '<div />' } }] });
    router.push('/kb/learning');
    await router.isReady();
    w = mount(KbLearning, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    for (let i = 0; i < 6; i++) await flush();
    const stat = (k) => w.find(`[data-test="learning-stat"][data-key="${k}"]`).attributes('data-value');
    expect(stat('entries')).toBe('151');
    expect(stat('signalsActive')).toBe('1');
    expect(stat('heldoutTop1')).toBe('91.0%');
    const row = w.find('[data-test="learning-signal"]');
    expect(row.text()).toBe('停车怎么收费');
    expect(row.attributes('data-revoked')).toBe('0');
    expect(w.find('[data-test="learning-signal-source"]').text()).toBe('客服采用推荐');
    await w.find('[data-test="learning-revoke"]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    expect(calls.find((c) => c.method === 'PATCH').body).toEqual({ revoked: true });
    expect(w.find('[data-test="learning-signal"]').attributes('data-revoked')).toBe('1');
    expect(w.find('[data-test="learning-revoked"]').text()).toContain('管理员');
    expect(calls.filter((c) => c.path === '/api/v1/kb/learning')).toHaveLength(2); // the summary again
    expect(calls.find((c) => c.path === '/api/v1/kb/signals').url).not.toContain('faq_id');
  });

  it("opened from an entry's page, lists that entry's signals until the filter is closed", async () => {
    const { calls } = mockFetch({
      'GET /api/v1/kb/learning': { built_at: null, entries: 0, questions: 0, signals: {}, pairs: {}, report: {} },
      'GET /api/v1/kb/signals': { items: [], next_before: null },
      'GET /api/v1/stores': { items: [] },
    });
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/kb/learning', component: { template: '<div />' } }] });
    router.push('/kb/learning?faq_id=21');
    await router.isReady();
    w = mount(KbLearning, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    for (let i = 0; i < 6; i++) await flush();
    expect(w.find('[data-test="learning-built-at"]').text()).toBe('模型尚未生成');
    expect(calls.find((c) => c.path === '/api/v1/kb/signals').url).toContain('faq_id=21');
    expect(w.find('[data-test="learning-entry-filter"]').text()).toContain('#21');
    await w.find('[data-test="learning-entry-filter"] .el-tag__close').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    expect(calls.filter((c) => c.path === '/api/v1/kb/signals').at(-1).url).not.toContain('faq_id');
  });

  it('imports a file of question pairs in parts with a progress bar and the rejected rows on the file’s lines', async () => {
    const parts = [];
    const { calls } = mockFetch({
      'GET /api/v1/kb/learning': { built_at: NOW, entries: 1, questions: 1, signals: { active: 0, revoked: 0 }, pairs: { active: 0, revoked: 0 }, report: {} },
      'GET /api/v1/kb/paraphrases': { items: [], next_before: null },
      'GET /api/v1/kb/signals': { items: [], next_before: null },
      'POST /api/v1/kb/paraphrases': (c) => {
        parts.push(c.body);
        const rows = c.body.text.trim().split('\r\n').length - 1;
        const rejected = parts.length === 2 ? [{ line: 3, code: 'invalid_field', message_zh: 'a 与 b 相同', message_en: 'a and b are the same' }] : [];
        return [200, { added: rows - rejected.length, updated: 0, unchanged: 0, rejected }];
      },
      'GET /api/v1/stores': { items: [] },
    });
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/kb/learning', component: { template: '<div />' } }] });
    router.push('/kb/learning?tab=pairs');
    await router.isReady();
    w = mount(KbLearning, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    for (let i = 0; i < 6; i++) await flush();
    const csv = 'a,b,same\n' + Array.from({ length: 2500 }, (_, i) => `问${i},问法${i},1`).join('\n') + '\n';
    const input = w.find('input[data-test="learning-pairs-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File([csv], 'pairs.csv', { type: 'text/csv' })] });
    await input.trigger('change');
    for (let i = 0; i < 4; i++) await flush();
    expect(w.find('[data-test="learning-pairs-start"]').text()).toContain('2500');
    await w.find('[data-test="learning-pairs-start"]').trigger('click');
    for (let i = 0; i < 10; i++) await flush();
    expect(parts.map((p) => [p.format, p.text.split('\r\n')[0]])).toEqual([['csv', 'a,b,same'], ['csv', 'a,b,same'], ['csv', 'a,b,same']]);
    const report = w.find('[data-test="learning-pairs-report"]');
    expect(report.attributes('data-added')).toBe('2499');
    expect(report.text()).toContain('共 2500 行：新增 2499，更新 0，未变 0，拒绝 1');
    expect(w.find('[data-test="learning-pairs-rejected"]').text()).toContain('1003'); // part 2's second row: file line 1 + 1000 + 2
    expect(w.find('[data-test="learning-pairs-rejected"]').text()).toContain('a 与 b 相同');
    expect(calls.filter((c) => c.path === '/api/v1/kb/paraphrases' && c.method === 'GET')).toHaveLength(2); // the list again
  });
});

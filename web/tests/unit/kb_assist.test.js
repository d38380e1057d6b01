// Agent assist's plain parts (features/kb/lib/assist.js, assistQueue.js, pairs.js): an answer
// as text an agent can send, which message is the customer's question, which suggestions
// show, the keys, when a sent message counts as a pick, when the matcher is asked, and how a
// file of question pairs is cut and reported.
import { describe, it, expect, vi, afterEach } from 'vitest';
import {
  markdownToPlain, previewLine, chatQuestion, ticketQuestion, handedOverQuestion, shownSuggestions, assistKey, cameFrom, MIN_SCORE,
} from '../../src/console/features/kb/lib/assist.js';
import { assistQueue } from '../../src/console/features/kb/lib/assistQueue.js';
import { addPairsReport, emptyPairsReport, pairsFormat, reasonText, splitPairs } from '../../src/console/features/kb/lib/pairs.js';
import { revokedParam, summaryFigures } from '../../src/console/features/kb/lib/learning.js';
import { handoff } from '../../src/console/features/chat/lib/bot.js';
import { placeDraft } from '../../src/console/lib/composerLink.js';

describe('an answer as plain text', () => {
  it.each([
    ['**营业时间**：每天 *10:00* 至 22:00。', '营业时间：每天 10:00 至 22:00。'],
    ['详见[停车指南](https://mall.example/parking)。', '详见停车指南 (https://mall.example/parking)。'],
    ['电话：[400-820-1234](tel:400-820-1234)', '电话：400-820-1234'],
    ['写信给[客服](mailto:kf@mall.example)', '写信给客服 (kf@mall.example)'],
    ['[https://mall.example](https://mall.example)', 'https://mall.example'],
    ['进度查询：[查询页](/m/track)', '进度查询：查询页 (/m/track)'],
    ['如图：![停车场入口](https://mall.example/p.png)在 B2。', '如图：在 B2。'],
    ['输入 `SH01` 即可', '输入 SH01 即可'],
  ])('%s', (md, plain) => expect(markdownToPlain(md)).toBe(plain));

  it('drops heading marks, keeps lists and one blank line between paragraphs, drops a line that was only an image', () => {
    const md = '## 退货须知\r\n\r\n- 七天无理由\n- 保留小票\n\n\n![](https://x.example/a.png)\n\n1. 到服务台\n2. 出示小票  ';
    expect(markdownToPlain(md)).toBe('退货须知\n\n- 七天无理由\n- 保留小票\n\n1. 到服务台\n2. 出示小票');
  });

  it('is empty for nothing', () => {
    expect(markdownToPlain(null)).toBe('');
    expect(markdownToPlain('   ')).toBe('');
  });

  it('previews as one line, cut with …', () => {
    expect(previewLine('第一行\n\n第二行')).toBe('第一行 第二行');
    expect(previewLine('一'.repeat(70), 60)).toBe('一'.repeat(59) + '…');
    expect(previewLine('短', 60)).toBe('短');
  });
});

const m = (seq, sender, kind, body, extra = {}) => ({ seq, sender, kind, body, ...extra });
const HANDOFF = JSON.stringify({ event: 'handoff', reason: 'unresolved', guesses: [] });
const isHandoff = (body) => !!handoff(body);

describe("the customer's question", () => {
  it("in a chat is the customer's newest text message, not a photo, the bot, staff, an event or a whisper", () => {
    const items = [
      m(1, 'customer', 'text', '停车怎么收费'),
      m(2, 'bot', 'bot', '{"act":"answer"}'),
      m(3, 'customer', 'text', '  会员有优惠吗？ '),
      m(4, 'customer', 'photo', ''),
      m(5, 'agent', 'text', '您好'),
      m(6, 'system', 'event', HANDOFF),
      m(7, 'agent', 'whisper', '查一下'),
      { pending: true, client_msg_id: 'x', sender: 'agent', kind: 'text', body: '稍等' },
    ];
    expect(chatQuestion(items)).toEqual({ key: 'm3', text: '会员有优惠吗？' });
    expect(chatQuestion([...items, m(8, 'customer', 'text', '   ')])).toEqual({ key: 'm3', text: '会员有优惠吗？' });
    expect(chatQuestion([m(1, 'agent', 'text', '您好')])).toBeNull();
    expect(chatQuestion([])).toBeNull();
  });

  it('on a ticket is the newest customer reply, else the description, else the subject', () => {
    const ticket = { id: 7, subject: '停车费', description: '昨天停车收了我 20 元，会员不是免费吗' };
    const events = [
      { id: 1, kind: 'created', body: '' },
      { id: 2, kind: 'customer_reply', body: '我是金卡会员' },
      { id: 3, kind: 'reply', body: '已收到' },
      { id: 4, kind: 'note', body: '核实中' },
    ];
    expect(ticketQuestion(ticket, events)).toEqual({ key: 'e2', text: '我是金卡会员' });
    expect(ticketQuestion(ticket, events.slice(0, 1))).toEqual({ key: 't7', text: ticket.description });
    expect(ticketQuestion({ ...ticket, description: '' }, [])).toEqual({ key: 't7', text: '停车费' });
    expect(ticketQuestion({ id: 8, subject: '', description: '' }, [])).toBeNull();
    // A long description is asked (and learned) as its first 200 characters.
    expect(ticketQuestion({ id: 9, description: '退'.repeat(150) + '😀'.repeat(100) }, []).text).toBe('退'.repeat(150) + '😀'.repeat(50));
    expect(ticketQuestion(null, [])).toBeNull();
  });

  it('a chat the bot handed over: the last thing the customer asked before the hand-over', () => {
    const items = [m(1, 'customer', 'text', '月卡怎么办'), m(2, 'bot', 'bot', '{}'), m(3, 'system', 'event', HANDOFF), m(4, 'customer', 'text', '在吗')];
    expect(handedOverQuestion(items, isHandoff)).toBe('月卡怎么办');
    expect(handedOverQuestion(items.slice(1), isHandoff)).toBe('');
    expect(handedOverQuestion([m(1, 'customer', 'text', '你好')], isHandoff)).toBeNull();
  });
});

describe('the suggestions shown', () => {
  const item = (faq_id, score, answer = '**答**') => ({ faq_id, question: 'Q' + faq_id, score, answer });

  it('are at most three, scoring at least the low bar, each with its plain answer and a preview', () => {
    const shown = shownSuggestions([item(1, 0.9), item(2, 0.5), item(3, MIN_SCORE), item(4, 0.6)]);
    expect(shown.map((s) => s.faq_id)).toEqual([1, 2, 3]);
    expect(shown[0]).toMatchObject({ plain: '答', preview: '答' });
    expect(shownSuggestions([item(1, MIN_SCORE - 0.01)])).toEqual([]);
    // The calibrated probability decides when the server gives it: a near-topic entry whose
    // questions are alike (score 0.97) but which is unlikely to be the one is not shown.
    const calibrated = shownSuggestions([{ ...item(1, 0.99), probability: 0.8 }, { ...item(2, 0.97), probability: 0.02 }]);
    expect(calibrated.map((s) => s.faq_id)).toEqual([1]);
    expect(shownSuggestions(undefined)).toEqual([]);
  });
});

describe('the keys', () => {
  const key = (k) => ({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...k });
  it('Alt+1/2/3 insert the first, second, third suggestion (by key or by the digit key, as macOS types ¡ with Alt)', () => {
    expect(assistKey(key({ key: '1', code: 'Digit1' }))).toBe(0);
    expect(assistKey(key({ key: '™', code: 'Digit2' }))).toBe(1);
    expect(assistKey(key({ key: '3', code: '' }))).toBe(2);
  });
  it('leave everything else alone', () => {
    expect(assistKey(key({ key: '4', code: 'Digit4' }))).toBeNull();
    expect(assistKey(key({ key: '1', code: 'Digit1', altKey: false }))).toBeNull();
    expect(assistKey(key({ key: '1', code: 'Digit1', ctrlKey: true }))).toBeNull();
    expect(assistKey(key({ key: '!', code: 'Digit1', shiftKey: true }))).toBeNull();
    expect(assistKey(key({ key: 'ArrowUp', code: 'ArrowUp' }))).toBeNull();
    expect(assistKey(key({ key: '1', code: 'Numpad1' }))).toBe(0);
  });
});

describe('a sent message came from the inserted suggestion', () => {
  const answer = '商场停车场首小时免费，之后每小时 5 元，会员凭积分可兑换停车券。';
  it('when sent as it is, shortened or with a greeting added', () => {
    expect(cameFrom(answer, answer)).toBe(true);
    expect(cameFrom(answer, '您好！' + answer + '还有什么可以帮您？')).toBe(true);
    expect(cameFrom(answer, '首小时免费，之后每小时 5 元。')).toBe(true);
  });
  it('not when the agent wrote something else', () => {
    expect(cameFrom(answer, '请稍等，我帮您查一下')).toBe(false);
    expect(cameFrom('', answer)).toBe(false);
  });
});

describe('asking the matcher', () => {
  afterEach(() => vi.useRealTimers());
  const q = (key, text = '问题' + key) => ({ key, text });

  function setup(answer = (text) => ({ items: [{ faq_id: 1, question: text, score: 0.9 }] })) {
    vi.useFakeTimers();
    const results = [];
    const match = vi.fn(async (text, storeId) => answer(text, storeId));
    const queue = assistQueue({ match, onResult: (r, question) => results.push([r, question]), delay: 400 });
    return { queue, match, results };
  }

  it('asks once, a moment after a burst of messages, for the newest', async () => {
    const { queue, match, results } = setup();
    queue.ask(q('m1'), 1);
    await vi.advanceTimersByTimeAsync(200);
    queue.ask(q('m2'), 1);
    await vi.advanceTimersByTimeAsync(399);
    expect(match).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(match).toHaveBeenCalledTimes(1);
    expect(match).toHaveBeenCalledWith('问题m2', 1);
    expect(results[0][1]).toEqual(q('m2'));
  });

  it('never asks the same message twice, but again for a new message or another store', async () => {
    const { queue, match } = setup();
    expect(queue.ask(q('m1'), 1)).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(queue.ask(q('m1'), 1)).toBe(false); // a re-render with the same message
    await vi.advanceTimersByTimeAsync(400);
    expect(match).toHaveBeenCalledTimes(1);
    queue.ask(q('m1'), 2);
    await vi.advanceTimersByTimeAsync(400);
    queue.ask(q('m3'), 2);
    await vi.advanceTimersByTimeAsync(400);
    expect(match).toHaveBeenCalledTimes(3);
    queue.reset();
    queue.ask(q('m3'), 2);
    await vi.advanceTimersByTimeAsync(400);
    expect(match).toHaveBeenCalledTimes(4);
  });

  it('drops an answer that arrives after a newer question, and empties at once when there is none', async () => {
    let release;
    const slow = new Promise((r) => (release = r));
    const { queue, results } = setup((text) => (text === '问题m1' ? slow : { items: [{ faq_id: 2, question: text, score: 1 }] }));
    queue.ask(q('m1'));
    await vi.advanceTimersByTimeAsync(400); // m1 in flight
    queue.ask(q('m2'));
    await vi.advanceTimersByTimeAsync(400);
    release({ items: [{ faq_id: 1, question: 'old', score: 1 }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(results.map(([r]) => r.items[0].faq_id)).toEqual([2]);
    queue.ask(null);
    expect(results.at(-1)).toEqual([null, null]);
  });

  it('tries again while the server is not ready (503, or ready: false), gives up at once on a refusal, never throws', async () => {
    vi.useFakeTimers();
    const err = (status) => Object.assign(new Error('x'), { status });
    let answers = [err(503), err(503), { items: [] }];
    const onError = vi.fn();
    const onResult = vi.fn();
    const match = vi.fn(async () => {
      const a = answers.shift();
      if (a instanceof Error) throw a;
      return a;
    });
    const queue = assistQueue({ match, onResult, onError, delay: 10, retries: 4, retryDelay: 1000 });
    queue.ask(q('m1'));
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(999);
    expect(match).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2001);
    expect(match).toHaveBeenCalledTimes(3);
    expect(onResult).toHaveBeenCalledWith({ items: [] }, q('m1'));
    expect(onError).not.toHaveBeenCalled();

    answers = [{ items: [], ready: false }, { items: [{ faq_id: 1, question: 'Q', score: 0.9 }], ready: true }];
    queue.ask(q('m3'));
    await vi.advanceTimersByTimeAsync(10);
    expect(onResult).toHaveBeenCalledTimes(1); // not ready yet: asked again later
    await vi.advanceTimersByTimeAsync(1000);
    expect(onResult).toHaveBeenLastCalledWith({ items: [{ faq_id: 1, question: 'Q', score: 0.9 }], ready: true }, q('m3'));

    answers = [err(403)];
    queue.ask(q('m2'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(match).toHaveBeenCalledTimes(6);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('a file of question pairs', () => {
  it('is CSV by its name, else JSON Lines', () => {
    expect(pairsFormat('pairs.CSV')).toBe('csv');
    expect(pairsFormat('pairs.jsonl')).toBe('jsonl');
  });

  it('goes in parts of whole rows, the CSV header in each; rejected rows come back on the file’s lines', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `问${i},"问,${i}",1`);
    const csv = '\uFEFFa,b,same\n' + rows.join('\n') + '\n';
    const parts = splitPairs(csv, 'csv', 2);
    expect(parts.map((p) => p.rows)).toEqual([2, 2, 1]);
    expect(parts[1].text).toBe('a,b,same\r\n问2,"问,2",1\r\n问3,"问,3",1\r\n');
    const total = emptyPairsReport();
    addPairsReport(total, parts[0], 'csv', { added: 2, updated: 0, unchanged: 0, rejected: [] });
    addPairsReport(total, parts[1], 'csv', { added: 1, updated: 0, unchanged: 0, rejected: [{ line: 3, reason: 'a 与 b 相同' }] });
    expect(total).toEqual({ rows: 4, added: 3, updated: 0, unchanged: 0, rejected: [{ line: 5, reason: 'a 与 b 相同' }] });

    const jsonl = '{"a":"x","b":"y","same":true}\n\n{"a":"x"}\n{"a":"p","b":"q","same":false}\n';
    const jp = splitPairs(jsonl, 'jsonl', 1000);
    expect(jp).toHaveLength(1);
    const t2 = addPairsReport(emptyPairsReport(), jp[0], 'jsonl', { added: 2, updated: 0, unchanged: 0, rejected: [{ line: 2, reason: { code: 'invalid', message_zh: '缺少 b', message_en: 'b is missing' } }] });
    expect(t2.rejected[0].line).toBe(3);
    expect(reasonText(t2.rejected[0].reason, 'en')).toBe('b is missing');
    expect(reasonText(t2.rejected[0].reason, 'zh-CN')).toBe('缺少 b');
    expect(reasonText('文本')).toBe('文本');
    // The server's shape: the rejected row carries its code and messages itself.
    const flat = addPairsReport(emptyPairsReport(), jp[0], 'jsonl', { added: 0, rejected: [{ line: 3, code: 'invalid_field', message_zh: 'a 与 b 相同', message_en: 'a and b are the same' }] });
    expect(flat.rejected[0]).toMatchObject({ line: 4, code: 'invalid_field' });
    expect(reasonText(flat.rejected[0].reason ?? flat.rejected[0], 'en')).toBe('a and b are the same');
  });

  it('a 12,000-row file is 12 calls of at most 1,000 rows (the server takes 5,000)', () => {
    const csv = 'a,b,same\n' + Array.from({ length: 12000 }, (_, i) => `q${i},p${i},0`).join('\n');
    const parts = splitPairs(csv, 'csv');
    expect(parts).toHaveLength(12);
    expect(Math.max(...parts.map((p) => p.rows))).toBe(1000);
  });
});

describe('学习记录', () => {
  it('filters by state', () => {
    expect(revokedParam('active')).toBe('false');
    expect(revokedParam('revoked')).toBe('true');
    expect(revokedParam('all')).toBeUndefined();
  });
  it('shows the figures of what the model learned from', () => {
    const f = Object.fromEntries(summaryFigures({ entries: 151, questions: 700, signals: { active: 3, revoked: 1 }, pairs: { active: 0, revoked: 0 },
      report: { kb_queries: 600, signal_queries: 3, pseudo_queries: 40, pairs: 0, samples: 9000, positives: 640, heldout_top1: 0.8342 } }));
    expect(f).toMatchObject({ entries: 151, signalsActive: 3, signalsRevoked: 1, heldoutTop1: '83.4%', signalQueries: 3 });
    expect(summaryFigures(null)).toEqual([]);
  });
});

describe('an answer put in the message box', () => {
  it('replaces an empty draft or the previous suggestion still untouched', () => {
    expect(placeDraft('', '答一')).toEqual({ value: '答一', caret: 2 });
    expect(placeDraft('  \n', '答一')).toEqual({ value: '答一', caret: 2 });
    expect(placeDraft('答一', '答二', '答一', [2, 2])).toEqual({ value: '答二', caret: 2 });
  });
  it('otherwise goes in at the caret (over a selection), keeping what the agent wrote', () => {
    expect(placeDraft('您好！', '答一', null, [3, 3])).toEqual({ value: '您好！答一', caret: 5 });
    expect(placeDraft('您好！请稍等', '答一', null, [3, 6])).toEqual({ value: '您好！答一', caret: 5 });
    expect(placeDraft('答一，另外', '答二', '答一', null)).toEqual({ value: '答一，另外答二', caret: 7 });
  });
});

// 反馈收件箱 as staff meet it: the filters become the list's query, a label shows as a chip
// (predicted with the model's certainty, confirmed marked), and in the drawer number keys
// pick a topic, P / N the sentiment and Enter confirms — then the next item opens.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ItemDrawer from '../../src/console/features/feedback/components/ItemDrawer.vue';
import { chipOf, confirmBody, draftOf, emptyFilters, entryBody, keyAction, queryOf, topicName } from '../../src/console/features/feedback/lib/inbox.js';
import { reorder } from '../../src/console/features/feedback/lib/topics.js';
import { pages } from '../../src/console/features/feedback/pages.js';
import { routes } from '../../src/console/features/feedback/index.js';
import { flush, globalOptions, mockFetch } from './helpers.js';

const TOPICS = [
  { code: 'quality', name: '商品质量', name_en: 'Quality', position: 1, active: true },
  { code: 'old', name: '旧主题', name_en: '', position: 2, active: false },
  { code: 'attitude', name: '服务态度', name_en: 'Attitude', position: 3, active: true },
  { code: 'parking', name: '停车', name_en: 'Parking', position: 4, active: true },
];
const item = (over = {}) => ({
  id: 7, store_id: 1, place_id: null, touchpoint: 'parking', source: 'social', source_ref: '微博:1', said_at: 1795155720000,
  received_at: 1795155720000, text: '停车场排队四十分钟', rating: 2, author: '小王', contact_phone: null, ticket_id: null,
  conversation_id: null, topic: { label: 'parking', confirmed: false, predicted: 'parking', score: 0.83 },
  sentiment: { label: 'negative', confirmed: false, predicted: 'negative', score: 0.1 }, ...over,
});

describe('inbox logic', () => {
  it('turns the filters into the query: a period of China dates with an exclusive end, confirmed as true/false', () => {
    expect(queryOf(emptyFilters())).toEqual({ limit: 50 });
    const f = { ...emptyFilters(), store_id: 2, period: ['2026-11-01', '2026-11-30'], source: 'social', topic: '-', confirmed: 'no', q: ' 停车 ', place_id: 4 };
    expect(queryOf(f, { before: 99 })).toEqual({
      store_id: 2, from: '2026-11-01', to: '2026-12-01', source: 'social', topic: '-', place_id: 4, confirmed: 'false', q: '停车', before: 99, limit: 50,
    });
    expect(queryOf({ ...emptyFilters(), confirmed: 'yes' }).confirmed).toBe('true');
  });

  it('shows a prediction with its certainty and a confirmation without one', () => {
    expect(chipOf(item().topic, 'topic')).toEqual({ code: 'parking', confirmed: false, percent: 83 });
    expect(chipOf(item().sentiment, 'sentiment')).toEqual({ code: 'negative', confirmed: false, percent: 90 }, 'P(positive) 0.1 → 90% negative');
    expect(chipOf({ label: 'quality', confirmed: true, predicted: 'parking', score: 0.6 }, 'topic')).toEqual({ code: 'quality', confirmed: true, percent: null });
    expect(chipOf({ label: null, confirmed: false, predicted: null, score: null }, 'topic')).toBe(null);
    expect(topicName(TOPICS, 'parking', 'en')).toBe('Parking');
    expect(topicName(TOPICS, 'gone', 'zh-CN')).toBe('gone');
  });

  it('maps keys: numbers to the active topics in order, P and N to the sentiment, Enter to confirm', () => {
    expect(keyAction('1', TOPICS)).toEqual({ topic: 'quality' });
    expect(keyAction('2', TOPICS)).toEqual({ topic: 'attitude' }, 'a retired topic has no key');
    expect(keyAction('9', TOPICS)).toBe(null);
    expect(keyAction('p', TOPICS)).toEqual({ sentiment: 'positive' });
    expect(keyAction('N', TOPICS)).toEqual({ sentiment: 'negative' });
    expect(keyAction('Enter', TOPICS)).toEqual({ confirm: true });
    expect(keyAction('x', TOPICS)).toBe(null);
    expect(confirmBody(draftOf(item()))).toEqual({ topic: 'parking', sentiment: 'negative' });
    expect(confirmBody(draftOf(null))).toBe(null);
  });

  it('builds the desk entry: a place carries its store, empty fields are left out', () => {
    expect(entryBody({ store_id: 1, place_id: 5, text: ' 灯太暗 ', rating: 0, touchpoint: '', contact_phone: ' ' })).toEqual({ place_id: 5, text: '灯太暗' });
    expect(entryBody({ store_id: 1, place_id: null, text: '好', rating: 5, touchpoint: 'cashier', contact_phone: '13800001111' }))
      .toEqual({ store_id: 1, text: '好', rating: 5, touchpoint: 'cashier', contact_phone: '13800001111' });
  });

  it('reorders topics as the PUTs of those whose position changed', () => {
    expect(reorder(TOPICS, 'attitude', -1).map((x) => [x.code, x.position])).toEqual([['attitude', 2], ['old', 3]]);
    expect(reorder(TOPICS, 'quality', -1)).toEqual([]);
  });

  it('lists its pages once: each is a lazy route, the topics page for admins only', () => {
    expect(routes.map((r) => r.path)).toEqual(pages.map((p) => p.path));
    expect(routes.find((r) => r.path === '/feedback/topics').meta.minRole).toBe('admin');
    for (const r of routes) expect(typeof r.component).toBe('function');
  });
});

describe('ItemDrawer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('confirms the keyboard’s choice: 3 picks the third active topic, P positive, Enter sends both', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/feedback/items/7/labels': (req) => [200, item({ topic: { label: req.body.topic, confirmed: true }, sentiment: { label: req.body.sentiment, confirmed: true } })],
    });
    const w = mount(ItemDrawer, { props: { item: item(), topics: TOPICS }, global: globalOptions(), attachTo: document.body });
    await flush();
    const press = async (key) => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key }));
      await flush();
    };
    await press('3');
    await press('p');
    await press('Enter');
    await flush();
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toEqual({ topic: 'parking', sentiment: 'positive' });
    expect(w.emitted('confirmed')[0][0].topic.confirmed).toBe(true);
    w.unmount();
  });

  it('leaves keys alone while the user types in a field', async () => {
    const { calls } = mockFetch({});
    const w = mount(ItemDrawer, { props: { item: item(), topics: TOPICS }, global: globalOptions(), attachTo: document.body });
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(calls).toHaveLength(0);
    w.unmount();
    input.remove();
  });
});

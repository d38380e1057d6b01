// 分类训练 as a supervisor meets it: the review queue in the server's order (least certain
// first), confirmed with the keyboard (a topic by its number, a sentiment by p / n, Enter);
// an import shows the rows it skipped and why; 立即训练 adds a version and the list shows why
// a version was refused.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import TrainingView from '../../src/console/features/feedback/views/TrainingView.vue';
import { keyAction, labelsToConfirm, percent, clampIndex } from '../../src/console/features/feedback/lib/review.js';
import { flush, globalOptions, mockFetch } from './helpers.js';

// The feedback tabs need a router; this page is tested alone.
function withoutNav() {
  const options = globalOptions();
  options.stubs.FeedbackNav = true;
  return options;
}

const TOPICS = [
  { code: 'quality', name: '商品质量', name_en: 'Product quality', position: 1, active: true },
  { code: 'service_attitude', name: '服务态度', name_en: 'Service attitude', position: 2, active: true },
  { code: 'parking', name: '停车', name_en: 'Parking', position: 6, active: true },
];

const item = (id, text, topic, margin) => ({
  id, text, store_id: 1,
  topic: { label: topic, confirmed: false, predicted: topic, score: 0.4 },
  sentiment: { label: 'negative', confirmed: false, predicted: 'negative', score: 0.3 },
  current: { version: 2, topic: { label: topic, score: 0.4 }, sentiment: { label: 'negative', score: 0.3 }, margin },
});

describe('review keyboard', () => {
  it('maps keys to moves, topics by position, sentiments and confirm', () => {
    expect(keyAction('ArrowDown', TOPICS)).toEqual({ move: 1 });
    expect(keyAction('k', TOPICS)).toEqual({ move: -1 });
    expect(keyAction('3', TOPICS)).toEqual({ topic: 'parking' });
    expect(keyAction('4', TOPICS)).toBe(null, 'no 4th topic');
    expect(keyAction('p', TOPICS)).toEqual({ sentiment: 'positive' });
    expect(keyAction('Enter', TOPICS)).toEqual({ confirm: true });
  });
  it('confirms the chosen labels, else the model’s reading', () => {
    const it1 = item(1, '停车难', 'parking', 0.1);
    expect(labelsToConfirm(it1, {})).toEqual({ topic: 'parking', sentiment: 'negative' });
    expect(labelsToConfirm(it1, { topic: 'quality' })).toEqual({ topic: 'quality', sentiment: 'negative' });
    expect(percent(0.8692)).toBe('86.9%');
    expect(percent(null)).toBe('—');
    expect(clampIndex(5, 2)).toBe(1);
  });
});

describe('TrainingView', () => {
  afterEach(() => vi.restoreAllMocks());

  const routes = (extra = {}) => ({
    'GET /api/v1/feedback/topics': { items: TOPICS },
    'GET /api/v1/feedback/review': { items: [item(7, '车位太窄了', 'parking', 0.05), item(9, '还行吧', 'quality', 0.2)], version: 2 },
    'GET /api/v1/feedback/examples': { items: [], next_before: null, counts: { seed: 333, import: 0, correction: 0 } },
    'GET /api/v1/feedback/models': {
      items: [
        { id: 3, trained_at: 1, trained_by: 2, trigger: 'on_demand', examples: 340, training_ms: 400, held_out: { topic: 60, sentiment: 66 },
          topic_accuracy: 0.5, topic_macro_f1: 0.45, sentiment_accuracy: 0.9, baseline: { id: 2, topic_macro_f1: 0.7, sentiment_accuracy: 0.9 },
          active: false, refused: { zh: '主题宏平均 F1 45.0% 低于当前版本的 70.0%', en: 'topic macro-F1 45.0% is below' }, replaced_by: null, replaced_at: null },
        { id: 2, trained_at: 1, trained_by: null, trigger: 'first', examples: 333, training_ms: 380, held_out: { topic: 60, sentiment: 66 },
          topic_accuracy: 0.72, topic_macro_f1: 0.7, sentiment_accuracy: 0.9, baseline: null, active: true, refused: null, replaced_by: null, replaced_at: null },
      ],
      active_id: 2, in_use_id: 2, next_before: null,
    },
    ...extra,
  });

  it('lists the least certain first and confirms the current item with the keyboard', async () => {
    const { calls } = mockFetch(routes({ 'POST /api/v1/feedback/items/7/labels': {} }));
    const w = mount(TrainingView, { global: withoutNav() });
    await flush();
    await flush();
    const rows = w.findAll('[data-test="review-item"]');
    expect(rows.map((r) => r.attributes('data-id'))).toEqual(['7', '9']);
    expect(rows[0].find('[data-test="review-guess"]').text()).toBe('停车');
    const queue = w.find('[data-test="review-queue"]');
    await queue.trigger('keydown', { key: '2' });
    await queue.trigger('keydown', { key: 'p' });
    await queue.trigger('keydown', { key: 'Enter' });
    await flush();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent.path).toBe('/api/v1/feedback/items/7/labels');
    expect(sent.body).toEqual({ topic: 'service_attitude', sentiment: 'positive' });
    expect(w.findAll('[data-test="review-item"]').map((r) => r.attributes('data-id'))).toEqual(['9']);
    w.unmount();
  });

  it('shows an import’s skipped rows, the versions with why one was refused, and trains now', async () => {
    let trained = 0;
    mockFetch(routes({
      'POST /api/v1/feedback/examples': { rows: 2, added: 1, updated: 0, unchanged: 0, skipped: [{ line: 3, code: 'unknown_topic', message_zh: '未知主题：elevators', message_en: 'unknown topic: elevators' }] },
      'POST /api/v1/feedback/models': () => { trained += 1; return [201, { model: {} }]; },
    }));
    const w = mount(TrainingView, { global: withoutNav() });
    await flush();
    await flush();
    expect(w.find('[data-test="example-counts"]').text()).toContain('333');
    await w.find('textarea[data-test="import-text"]').setValue('text,topic\n停车难,parking\n电梯坏,elevators\n');
    await w.find('[data-test="import-start"]').trigger('click');
    await flush();
    expect(w.find('[data-test="import-skipped"]').text()).toBe('未知主题：elevators');
    await w.find('#tab-models').trigger('click');
    await flush();
    expect(w.find('[data-test="model-refused"]').text()).toContain('低于当前版本');
    expect(w.findAll('[data-test="model-active"]').length).toBe(1);
    await w.find('[data-test="train-now"]').trigger('click');
    await flush();
    expect(trained).toBe(1);
    w.unmount();
  });
});

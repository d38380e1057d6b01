// Hot issues and the journey map (features/feedback: HotView, JourneyView, lib/hot.js): the
// cards with their figures and ways on, the path of touchpoints with their trends, and the
// links to the inbox and to a new improvement action (only when the console has those pages).
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import HotView from '../../src/console/features/feedback/views/HotView.vue';
import JourneyView from '../../src/console/features/feedback/views/JourneyView.vue';
import {
  issueInboxLink, newActionLink, periodQuery, pValue, sentimentBar, shareChange, sparkOption, stageInboxLink, trendMark,
} from '../../src/console/features/feedback/lib/hot.js';
import zh from '../../src/console/features/feedback/locales/hot.zh-CN.js';
import en from '../../src/console/features/feedback/locales/hot.en.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const issue = {
  store_id: 1, store_name: '静安店', topic: 'parking', topic_name: '停车', observed: 12, expected: 1.5, ratio: 8,
  p_value: 1e-7, q_value: 3e-7, dispersion: 1.1, from: 1000, to: 2000, notified: true,
  history: { from_day: '2026-02-10', counts: [...Array(28).fill(1), 12] },
  examples: [{ id: 9, text: 'B2 出口道闸坏了', said_at: 1500, sentiment: 'negative' }],
  item_ids: [9, 8, 7],
};

const stage = (touchpoint, current, previous, trend, topics = []) => ({
  touchpoint, current, previous, trend, top_topics: topics, z: null, p_value: null,
});
const journey = {
  store_id: 1, from: 5000, to: 6000, previous_from: 4000, without_touchpoint: 2, previous_without_touchpoint: 0,
  stages: [
    stage('parking', { volume: 19, negative: 19, positive: 0, negative_share: 1 }, { volume: 7, negative: 7, positive: 0, negative_share: 1 }, 'unknown',
      [{ topic: 'parking', topic_name: '停车', count: 19, negative: 19 }]),
    stage('cashier', { volume: 21, negative: 21, positive: 0, negative_share: 1 }, { volume: 21, negative: 7, positive: 14, negative_share: 1 / 3 }, 'worse',
      [{ topic: 'queueing', topic_name: '排队等候', count: 21, negative: 21 }]),
    stage('floor', { volume: 10, negative: 1, positive: 9, negative_share: 0.1 }, { volume: 10, negative: 6, positive: 4, negative_share: 0.6 }, 'better'),
  ],
};

function routerWith(paths) {
  const component = { template: '<div />' };
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component }, ...paths.map((path) => ({ path, component }))] });
}

async function mountWith(view, routes, paths) {
  mockFetch({ 'GET /api/v1/stores': { items: [] }, ...routes });
  const router = routerWith(paths);
  await router.push('/');
  const options = globalOptions();
  options.plugins.push(router);
  options.stubs.HotSparkline = true; // ECharts needs a canvas, which jsdom has not
  const w = mount(view, { global: options });
  await flush();
  await flush();
  return { w, router };
}

describe('hot issues and journey: the plain logic', () => {
  it('links a card to the inbox of its day and to a new action with its items', () => {
    expect(issueInboxLink(issue)).toEqual({ path: '/feedback', query: { store_id: 1, topic: 'parking', from: 1000, to: 2000 } });
    expect(newActionLink(issue)).toEqual({ path: '/feedback/actions/new', query: { items: '9,8,7', store_id: 1, topic: 'parking' } });
  });

  it('draws the last 29 days with the day itself marked', () => {
    const o = sparkOption(issue.history);
    expect(o.xAxis.data).toHaveLength(29);
    expect(o.xAxis.data[0]).toBe('02-10');
    expect(o.xAxis.data[28]).toBe('03-10');
    expect(o.series[0].data[28].value).toBe(12);
    expect(o.series[0].data[28].itemStyle.color).not.toBe(o.series[0].data[0].itemStyle.color);
  });

  it('reads a stage: its sentiment bar, the change in points, the arrow, the inbox link', () => {
    expect(sentimentBar({ volume: 10, negative: 3, positive: 5 })).toEqual({ negative: 30, positive: 50, none: 20 });
    expect(sentimentBar({ volume: 0, negative: 0, positive: 0 })).toEqual({ negative: 0, positive: 0, none: 100 });
    expect(shareChange(journey.stages[1])).toBe('+66.7');
    expect(shareChange(journey.stages[2])).toBe('-50.0');
    expect(shareChange(stage('online', { negative_share: null }, { negative_share: 0.2 }, 'unknown'))).toBe('');
    expect([trendMark('worse'), trendMark('better'), trendMark('steady'), trendMark('unknown')]).toEqual(['▲', '▼', '', '']);
    expect([pValue(0.01234), pValue(3e-7), pValue(null)]).toEqual(['= 0.0123', '< 0.0001', '—']);
    expect(stageInboxLink(journey.stages[1], journey)).toEqual({ path: '/feedback', query: { touchpoint: 'cashier', from: 5000, to: 6000, store_id: 1 } });
    expect(periodQuery(['2026-03-01', '2026-03-07'], null)).toEqual({ from: '2026-03-01', to: '2026-03-08', store_id: undefined });
  });

  it('has the same messages in both languages', () => {
    const keys = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, p + k + '.') : [p + k]));
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});

describe('HotView', () => {
  const board = { day: '2026-03-10', tested: 12, too_little_data: 2, overdispersion: 0.1,
    rules: { window_days: 28, min_history_days: 14, min_count: 5, min_ratio: 2, fdr: 0.05 }, issues: [issue] };

  it('shows a card per spike with its figures and the customers’ words; 创建整改措施 hands over the items', async () => {
    const { w, router } = await mountWith(HotView, { 'GET /api/v1/feedback/hot': board }, ['/feedback', '/feedback/actions/new']);
    const cards = w.findAll('[data-test="hot-card"]');
    expect(cards).toHaveLength(1);
    expect(cards[0].text()).toContain('静安店 · 停车');
    expect(w.find('[data-test="hot-observed"]').text()).toBe('今日 12 条');
    expect(cards[0].text()).toContain('通常约 1.5 条');
    expect(cards[0].text()).toContain('已通知店长');
    expect(w.find('[data-test="hot-example"]').text()).toContain('B2 出口道闸坏了');
    expect(w.find('[data-test="hot-summary"]').text()).toContain('共检验 12 个');
    expect(w.find('[data-test="hot-open-inbox"]').exists()).toBe(true);
    await w.find('[data-test="hot-create-action"]').trigger('click');
    await flush();
    expect(router.currentRoute.value.path).toBe('/feedback/actions/new');
    expect(router.currentRoute.value.query.items).toBe('9,8,7');
  });

  it('keeps the action button away while the console has no action page, and says when there is nothing', async () => {
    let { w } = await mountWith(HotView, { 'GET /api/v1/feedback/hot': board }, ['/feedback']);
    expect(w.find('[data-test="hot-create-action"]').exists()).toBe(false);
    ({ w } = await mountWith(HotView, { 'GET /api/v1/feedback/hot': { ...board, issues: [] } }, []));
    expect(w.find('[data-test="hot-none"]').text()).toBe('这一天没有热点问题');
  });
});

describe('JourneyView', () => {
  it('lays the touchpoints out in walking order with volume, trend and top topics; a stage opens the inbox', async () => {
    const { w, router } = await mountWith(JourneyView, { 'GET /api/v1/feedback/journey': journey }, ['/feedback']);
    const stages = w.findAll('[data-test^="journey-stage-"]');
    expect(stages.map((s) => s.attributes('data-test'))).toEqual(['journey-stage-parking', 'journey-stage-cashier', 'journey-stage-floor']);
    expect(stages[0].text()).toContain('停车场');
    expect(stages[0].text()).toContain('19 条');
    expect(stages[0].text()).toContain('数据不足');
    expect(stages[1].text()).toContain('变差');
    expect(stages[1].text()).toContain('较上期 +66.7 个百分点');
    expect(stages[1].text()).toContain('排队等候 21');
    expect(w.find('[data-test="journey-trend-cashier"]').text()).toBe('▲');
    expect(w.find('[data-test="journey-trend-floor"]').text()).toBe('▼');
    expect(w.find('[data-test="journey-trend-parking"]').exists()).toBe(false);
    expect(w.text()).toContain('另有 2 条反馈未标明触点');
    await stages[1].trigger('click');
    await flush();
    expect(router.currentRoute.value.path).toBe('/feedback');
    expect(router.currentRoute.value.query).toEqual({ touchpoint: 'cashier', from: '5000', to: '6000', store_id: '1' });
  });
});

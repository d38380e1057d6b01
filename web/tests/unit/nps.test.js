// NPS (净推荐值): the console page's figures and actions (features/feedback/views/NpsView.vue,
// nps/lib.js) and the customer's survey page (mobile/views/NpsView.vue).
import { describe, it, expect, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { campaignBody, campaignForm, intervalText, npsText, percent, rangeQuery } from '../../src/console/features/feedback/lib/nps.js';
import { npsCategory, npsState } from '../../src/mobile/logic.js';
import NpsConsole from '../../src/console/features/feedback/views/NpsView.vue';
import NpsSurvey from '../../src/mobile/views/NpsView.vue';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import { globalOptions, mockFetch } from './helpers.js';
import { stubFetch } from './mobile_chat_fakes.js';

const figure = (extra = {}) => ({
  nps: 25, low: -12.34, high: 55.26, half_width: 33.8, promoters: 4, passives: 2, detractors: 2, responses: 8,
  minimum_sample: 310, trusted: false, invited: 10, sent: 9, answered: 8, response_rate: 8 / 9, ...extra,
});

describe('NPS: how the figures read', () => {
  it('signs the score and the interval, and shows a dash without answers', () => {
    expect(npsText(figure())).toBe('+25.0');
    expect(npsText(figure({ nps: -12.5 }))).toBe('−12.5');
    expect(npsText(figure({ nps: 0 }))).toBe('0.0');
    expect(npsText(figure({ responses: 0 }))).toBe('—');
    expect(intervalText(figure())).toBe('[−12.3, +55.3]');
    expect(intervalText(null)).toBe('—');
    expect(percent(8 / 9)).toBe('88.9%');
    expect(percent(null)).toBe('—');
  });

  it('asks for whole Shanghai days and leaves out empty filters', () => {
    const q = rangeQuery(['2026-11-01', '2026-11-30'], { store_id: 3, tier: '', campaign_id: null, period: 'week' });
    expect(q.from).toBe('2026-11-01T00:00:00+08:00');
    expect(q.to).toBe(new Date('2026-12-01T00:00:00+08:00').getTime());
    expect(q).toMatchObject({ store_id: 3, period: 'week' });
    expect('tier' in q || 'campaign_id' in q).toBe(false);
  });

  it('turns the campaign form into the API body (rate in percent → share) and back', () => {
    const f = { ...campaignForm(null), name: ' 办结回访 ', store_ids: [1], rate_percent: 25 };
    const body = campaignBody(f);
    expect(body).toMatchObject({ name: '办结回访', store_ids: [1], trigger: 'resolved_ticket', sample_rate: 0.25, cap_days: 90, ends_at: null });
    const back = campaignForm({ ...body, id: 1, starts_at: 0, created_at: 1, updated_at: 1 });
    expect(back.rate_percent).toBe(25);
    expect(campaignBody(back)).toEqual(body);
  });
});

describe('NPS console page', () => {
  it('shows the score with its interval and 样本不足, and a detractor opens one recovery ticket', async () => {
    let recovery = null;
    const { calls } = mockFetch({
      'GET /api/v1/feedback/nps': { overall: figure(), margin: 10, period: 'month', by_store: [{ ...figure(), store_id: 1 }], by_period: [{ ...figure(), period: '2026-11' }], reasons: [{ topic: 'queueing', promoters: 0, detractors: 2 }] },
      'GET /api/v1/feedback/nps/campaigns': { items: [] },
      'GET /api/v1/feedback/nps/invitations': (c) => [200, {
        items: c.url.includes('detractor')
          ? [{ id: 7, store_id: 1, score: 3, reason: '排队太久', phone: '138****1111', recovery_ticket_id: recovery, link_expires_at: 1 }]
          : [],
      }],
      'POST /api/v1/feedback/nps/invitations/7/recovery': () => {
        recovery = 99;
        return [201, { ticket_id: 99 }];
      },
      'GET /api/v1/stores': { items: [{ id: 1, name: '甲店' }] },
    });
    const w = mount(NpsConsole, { global: globalOptions() });
    await flushPromises();
    expect(w.find('[data-test="nps-score"]').text()).toBe('+25.0');
    expect(w.find('[data-test="nps-interval"]').text()).toContain('[−12.3, +55.3]');
    expect(w.find('[data-test="nps-untrusted"]').text()).toBe('样本不足');
    expect(w.find('[data-test="nps-rate"]').text()).toBe('88.9%');
    expect(w.text()).toContain('排队太久');
    await w.find('[data-test="nps-recovery-7"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/feedback/nps/invitations/7/recovery']);
    expect(w.find('[data-test="nps-recovery-7"]').exists()).toBe(false);
    w.unmount();
  });
});

describe('NPS survey page (mobile)', () => {
  let w;
  afterEach(() => w?.unmount());
  const open = () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
    w = mount(NpsSurvey, { props: { token: 'tok' }, global: { plugins: [i18n], stubs: { TopBar: true } } });
    return w;
  };

  it('states and categories follow the link and the score', () => {
    expect(npsState({ errorCode: 'link_expired' })).toBe('expired');
    expect(npsState({ errorCode: 'invalid_link' })).toBe('invalid');
    expect(npsState({ errorCode: 'nps_answered' })).toBe('answered');
    expect(npsState({ view: { answered: true } })).toBe('answered');
    expect(npsState({ view: { answered: false } })).toBe('form');
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('asks the question, takes a 0–10 score and a reason once, then thanks', async () => {
    const calls = stubFetch({
      'GET /api/v1/public/nps/tok': { question: '您有多大可能向朋友推荐甲店？', store_name: '甲店', expires_at: 1, answered: false, score: null, reason: '' },
      'POST /api/v1/public/nps/tok': () => [201, { score: 3, category: 'detractor' }],
    });
    open();
    await flushPromises();
    expect(w.find('[data-test="m-nps-question"]').text()).toBe('您有多大可能向朋友推荐甲店？');
    expect(w.findAll('[data-test="m-nps-scale"] button')).toHaveLength(11);
    await w.find('[data-test="m-nps-submit"]').trigger('click');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await w.find('[data-test="m-nps-3"]').trigger('click');
    expect(w.find('[data-test="m-nps-reason"] textarea').attributes('placeholder')).toContain('不满意');
    await w.find('[data-test="m-nps-reason"] textarea').setValue(' 排队太久 ');
    await w.find('[data-test="m-nps-submit"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ score: 3, reason: '排队太久' }]);
    expect(w.find('[data-test="m-nps-answered"]').text()).toContain('感谢您的反馈');
  });

  it('an expired link says so', async () => {
    stubFetch({ 'GET /api/v1/public/nps/tok': () => [410, { error: { code: 'link_expired', message: '过期' } }] });
    open();
    await flushPromises();
    expect(w.find('[data-test="m-nps-expired"]').exists()).toBe(true);
  });
});

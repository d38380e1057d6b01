// The CSAT page against a stubbed fetch: each answer of the API shows its state.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import CsatView from '../../src/mobile/views/CsatView.vue';

const reply = (status, body) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const err = (status, code) => reply(status, { error: { code, message: code } });

async function page(...answers) {
  const fetch = vi.fn();
  for (const a of answers) fetch.mockImplementationOnce(() => a);
  vi.stubGlobal('fetch', fetch);
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
  const w = mount(CsatView, {
    props: { token: '1.2.abc' },
    global: { plugins: [i18n], stubs: { TopBar: true } },
  });
  await flushPromises();
  return { w, fetch };
}

const view = { number: 'KF261122000001', subject: '排队太久', store_name: '旗舰店', status: 'resolved', expires_at: 1, rated: false, rating: null };

describe('CSAT page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows "link expired" for 410 link_expired', async () => {
    const { w } = await page(err(410, 'link_expired'));
    expect(w.find('[data-test="m-csat-expired"]').text()).toContain('评价链接已过期');
  });
  it('shows "invalid link" for 403 invalid_link', async () => {
    const { w } = await page(err(403, 'invalid_link'));
    expect(w.find('[data-test="m-csat-invalid"]').exists()).toBe(true);
  });
  it('shows the rating when already rated', async () => {
    const { w } = await page(reply(200, { ...view, rated: true, rating: { rating: 4, comment: '不错', created_at: 1 } }));
    const rated = w.find('[data-test="m-rated"]');
    expect(rated.text()).toContain('已评价');
    expect(rated.text()).toContain('4');
  });
  it('rates, then thanks', async () => {
    const { w, fetch } = await page(reply(200, view), reply(201, { rating: 5, comment: '', created_at: 2 }));
    expect(w.find('[data-test="m-rate"]').exists()).toBe(true);
    await w.findAll('[data-test="m-rate"] .van-rate__item')[4].trigger('click');
    await w.find('[data-test="m-rate-submit"]').trigger('click');
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({ rating: 5, comment: '' });
    expect(w.find('[data-test="m-rated"]').text()).toContain('感谢您的评价');
  });
  it('turns a 409 already_rated on submit into the rated state', async () => {
    const { w } = await page(
      reply(200, view),
      err(409, 'already_rated'),
      reply(200, { ...view, rated: true, rating: { rating: 3, comment: '', created_at: 1 } }),
    );
    await w.findAll('[data-test="m-rate"] .van-rate__item')[2].trigger('click');
    await w.find('[data-test="m-rate-submit"]').trigger('click');
    await flushPromises();
    expect(w.find('[data-test="m-rated"]').text()).toContain('已评价');
  });
});

// The feedback form (扫码反馈) against a stubbed fetch: the QR code's place is shown, the
// words go out as JSON (as FormData with photos), anonymous unless the customer leaves a
// phone, and a retired code falls back to picking the store.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import FeedbackView from '../../src/mobile/views/FeedbackView.vue';
import { feedbackBody, feedbackFields, feedbackPath, newClientId, validateFeedback } from '../../src/mobile/feedback/logic.js';

const reply = (status, body) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const err = (status, code, field) => reply(status, { error: { code, message: code, field } });

const base = { place_code: 'P7K2Q9', text: '停车场指示牌看不清', rating: 0, anonymous: true, phone: '' };

describe('feedback form rules', () => {
  it('needs the words and a place or store', () => {
    expect(validateFeedback({ ...base, text: '  ' })).toEqual({ text: 'err.required' });
    expect(validateFeedback({ ...base, place_code: '' })).toEqual({ store: 'err.store' });
    expect(validateFeedback({ ...base, place_code: '', store_code: 'SH01' })).toEqual({});
    expect(validateFeedback({ ...base, text: '字'.repeat(2001) })).toEqual({ text: 'err.too_long' });
    expect(validateFeedback({ ...base, text: '字'.repeat(2000) })).toEqual({});
  });
  it('checks a phone only when the customer leaves one', () => {
    expect(validateFeedback({ ...base, anonymous: false, phone: '123' })).toEqual({ phone: 'err.phone' });
    expect(validateFeedback({ ...base, anonymous: false, phone: '' })).toEqual({});
    expect(validateFeedback({ ...base, anonymous: true, phone: '123' })).toEqual({});
  });
  it('takes 1 to 5 stars or none, and at most 3 photos', () => {
    expect(validateFeedback({ ...base, rating: 6 })).toEqual({ rating: 'err.rating' });
    expect(validateFeedback({ ...base, rating: 5 })).toEqual({});
    expect(validateFeedback({ ...base, photos: [1, 2, 3, 4] })).toEqual({ photos: 'feedback.tooManyPhotos' });
  });
  it('sends only what was filled in; anonymous drops the phone', () => {
    expect(feedbackFields({ ...base, rating: 4, phone: '13800138000' })).toEqual({ place_code: 'P7K2Q9', text: '停车场指示牌看不清', rating: 4 });
    expect(feedbackFields({ ...base, anonymous: false, phone: ' 13800138000 ' }).phone).toBe('13800138000');
    expect(feedbackFields({ ...base, place_code: '', store_id: 3 })).toEqual({ store_id: 3, text: '停车场指示牌看不清' });
  });
  it('is JSON without photos and FormData with them', () => {
    expect(feedbackBody(base)).toEqual({ place_code: 'P7K2Q9', text: '停车场指示牌看不清' });
    const files = [1, 2, 3, 4].map((i) => new File(['x'], `p${i}.jpg`, { type: 'image/jpeg' }));
    const data = feedbackBody({ ...base, rating: 2 }, files);
    expect(data).toBeInstanceOf(FormData);
    expect(data.get('text')).toBe('停车场指示牌看不清');
    expect(data.get('rating')).toBe('2');
    expect(data.getAll('photo')).toHaveLength(3);
  });
  it('sends the form\'s own id, one per submission, in the shape the server takes', () => {
    expect(feedbackFields({ ...base, client_id: 'abc-12345' }).client_id).toBe('abc-12345');
    const a = newClientId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newClientId()).not.toBe(a);
  });
  it('builds the link a poster encodes', () => expect(feedbackPath('A B')).toBe('/m/feedback/A%20B'));
});

async function page(code, ...answers) {
  const fetch = vi.fn();
  for (const a of answers) fetch.mockImplementationOnce(() => a);
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('scrollTo', () => {});
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] });
  await router.push('/feedback');
  const w = mount(FeedbackView, { props: { code }, global: { plugins: [i18n, router], stubs: { TopBar: true } } });
  await flushPromises();
  return { w, fetch };
}

describe('feedback page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the store and place of the QR code, sends anonymously, thanks', async () => {
    const { w, fetch } = await page(
      'P7K2Q9',
      reply(200, { code: 'P7K2Q9', store_name: '旗舰店', place_name: '二楼服务台' }),
      reply(201, { status: 'received', photos: 0, created_at: 1 }),
    );
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/public/feedback/places/P7K2Q9');
    expect(w.find('[data-test="m-fb-where"]').text()).toContain('旗舰店');
    expect(w.find('[data-test="m-fb-where"]').text()).toContain('二楼服务台');
    expect(w.find('[data-test="m-fb-store"]').exists()).toBe(false);
    expect(w.find('[data-test="m-fb-phone"]').exists()).toBe(false); // anonymous by default
    await w.find('[data-test="m-fb-text"] textarea').setValue('卫生间没有纸');
    await w.findAll('[data-test="m-fb-rate"] .van-rate__item')[1].trigger('click');
    await w.find('[data-test="m-fb-submit"]').trigger('click');
    await flushPromises();
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/public/feedback');
    const sent = JSON.parse(fetch.mock.calls[1][1].body);
    expect(sent).toEqual({ place_code: 'P7K2Q9', text: '卫生间没有纸', rating: 2, client_id: sent.client_id });
    expect(sent.client_id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(w.find('[data-test="m-fb-done"]').text()).toContain('感谢您的反馈');
  });

  it('does not send without words', async () => {
    const { w, fetch } = await page('P7K2Q9', reply(200, { code: 'P7K2Q9', store_name: '旗舰店', place_name: '入口' }));
    await w.find('[data-test="m-fb-submit"]').trigger('click');
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(w.find('[data-test="m-fb-text"]').text()).toContain('必填');
  });

  it('falls back to picking the store when the code is retired', async () => {
    const { w } = await page(
      'GONE01',
      err(404, 'not_found'),
      reply(200, { items: [{ id: 7, code: 'SH01', name: '上海店' }] }),
    );
    expect(w.find('[data-test="m-fb-place-gone"]').exists()).toBe(true);
    expect(w.find('[data-test="m-fb-store"] input').element.value).toBe('上海店'); // the only store
  });

  it('sends the phone when the customer turns anonymity off, and shows a server error by its field', async () => {
    const { w, fetch } = await page(
      'P7K2Q9',
      reply(200, { code: 'P7K2Q9', store_name: '旗舰店', place_name: '入口' }),
      err(400, 'invalid_phone', 'phone'),
    );
    await w.find('[data-test="m-fb-anonymous"]').trigger('click');
    await w.find('[data-test="m-fb-text"] textarea').setValue('服务很好');
    await w.find('[data-test="m-fb-phone"] input').setValue('13800138000');
    await w.find('[data-test="m-fb-submit"]').trigger('click');
    await flushPromises();
    expect(JSON.parse(fetch.mock.calls[1][1].body).phone).toBe('13800138000');
    expect(w.find('[data-test="m-fb-phone"]').text()).toContain('invalid_phone');
  });
});

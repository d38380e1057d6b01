// 扫码反馈 in a real phone-sized browser: the page a poster's QR code opens shows the store
// and place, the customer writes, gives two stars and a photo, stays anonymous, and the
// thank-you screen follows; staff find the item at that place with its photo.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, shot } from './lib/browser.mjs';

// A valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('a customer scans a poster and leaves feedback', () => {
  let server, browser, admin, place, store;
  before(async () => {
    server = await startServer({ tickets: 20, members: 10 });
    browser = await launch();
    admin = await server.login('admin');
    store = (await admin.get('/api/v1/stores')).json.items.find((s) => s.code === 'SH01');
    const r = await admin.post('/api/v1/feedback/places', { store_id: store.id, name: '三楼母婴室', touchpoint: 'floor' });
    assert.equal(r.status, 201, r.text);
    place = r.json;
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('sends words, stars and a photo anonymously from the QR page', async () => {
    const page = await openPage(browser, { mobile: true });
    await page.goto(`${server.base}/m/feedback/${place.code}`);
    const where = page.locator('[data-test="m-fb-where"]');
    await where.waitFor();
    assert.match(await where.textContent(), /三楼母婴室/);
    assert.match(await where.textContent(), new RegExp(store.name.slice(0, 4)));
    assert.equal(await page.locator('[data-test="m-fb-phone"]').count(), 0, 'anonymous by default: no phone field');
    await page.locator('[data-test="m-fb-text"] textarea').fill('母婴室的热水器坏了，冲奶粉没有热水');
    await page.locator('[data-test="m-fb-rate"] .van-rate__item').nth(1).click();
    await page.locator('[data-test="m-fb-photo"] input[type="file"]').setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-test="m-fb-photo"] .van-uploader__preview').waitFor();
    await shot(page, 'mobile-feedback-form');
    await page.click('[data-test="m-fb-submit"]');
    const done = page.locator('[data-test="m-fb-done"]');
    await done.waitFor();
    assert.match(await done.textContent(), /感谢您的反馈/);
    await shot(page, 'mobile-feedback-thanks');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    const items = (await admin.get(`/api/v1/feedback/items?source=form&place_id=${place.id}`)).json.items;
    assert.equal(items.length, 1);
    assert.equal(items[0].text, '母婴室的热水器坏了，冲奶粉没有热水');
    assert.equal(items[0].rating, 2);
    assert.equal(items[0].touchpoint, 'floor');
    assert.equal(items[0].contact_phone, null);
    const photos = (await admin.get(`/api/v1/feedback/items/${items[0].id}/photos`)).json.items;
    assert.equal(photos.length, 1);
  });

  it('a retired code falls back to choosing the store', async () => {
    await admin.patch(`/api/v1/feedback/places/${place.id}`, { name: '三楼母婴室', touchpoint: 'floor', active: false });
    const page = await openPage(browser, { mobile: true });
    await page.goto(`${server.base}/m/feedback/${place.code}`);
    await page.locator('[data-test="m-fb-place-gone"]').waitFor();
    await page.locator('[data-test="m-fb-store"]').waitFor();
    assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
    await page.context().close();
  });
});

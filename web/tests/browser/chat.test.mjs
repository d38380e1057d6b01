// Live chat in two real browsers side by side (docs/chat.md): 张敏, an agent of SH01, in the
// console at /chat (desktop, her own cookies) and a customer on the store's mobile chat page
// (phone-sized, no login). Each step asserts what that person sees on screen:
//   1. the customer waits in the queue (nobody online); 张敏 turns 在线 with the page's
//      presence switch and is given the chat: the customer sees 客服已接入 and, without a
//      reload, the agent's greeting; 张敏 sees it in 我的会话 with the customer's message;
//   2. the customer sends a photo (a PNG from a temp file, through the file input): 张敏 sees
//      the image, the customer sees it sent;
//   3. 张敏's 内部备注 shows in the console and never reaches the customer's page (not on
//      screen, not in any frame or answer the page received);
//   4. the customer reloads: the conversation and its history are back, and a new agent
//      message still arrives live;
//   5. 张敏 ends the chat: the customer is asked for a rating, gives 5 stars, sees the thanks.
// No console errors on either page. Screenshots in web/test-results/chat-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { startServer, launch, openPage, shot, loginAs } from './lib/browser.mjs';
import { directory } from '../../../tests/e2e/lib/server.mjs';

// An input found by its data-test, whether the attribute sits on the input or its wrapper.
const field = (page, name) =>
  page
    .locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`)
    .first();

// A w×h PNG of one colour (8-bit RGB), so the photo on screen can be told by its size.
function png(w, h, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTO_SIZE = 24;
// How long something pushed live may take to show on the other page (the test asserts that it
// comes without a reload, not how fast; a loaded 2-core CI machine is slow).
const LIVE_MS = 10000;

// The natural width of the image inside the first element matching `selector` once it has
// loaded (0 while it has not, or when it failed).
const imageWidth = (page, selector) =>
  page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      const img = el && (el.tagName === 'IMG' ? el : el.querySelector('img'));
      return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : false;
    },
    selector,
    { timeout: 10000 },
  ).then((h) => h.jsonValue());

const markNoReload = (page) => page.evaluate(() => (window.__kefuNoReload = true));
const notReloaded = (page) => page.evaluate(() => window.__kefuNoReload === true);

describe('live chat: the customer on the phone and the agent in the console', () => {
  let server, browser, agent, customer, admin, tmp, photoPath;
  let storeId, convId;
  // What reached the customer's page: every socket frame and every chat answer it received.
  const received = [];
  const answers = [];
  const whisper = '内部备注：该顾客上周投诉过试衣间，请优先处理';
  const greeting = '王女士您好，我是客服张敏，请问有什么可以帮您？';
  const question = '你好，我上周买的外套想退货';
  const afterReload = '收到照片了，我们帮您查一下购买记录。';

  before(async () => {
    server = await startServer({ tickets: 20, members: 10 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    const zhangmin = dir.staffByName.zhangmin;
    assert.deepEqual(zhangmin.store_ids.length, 1, '张敏 serves one store');
    storeId = zhangmin.store_ids[0];
    assert.equal(dir.stores.find((s) => s.id === storeId).code, 'SH01');
    tmp = await mkdtemp(path.join(tmpdir(), 'kefu-chat-browser-'));
    photoPath = path.join(tmp, 'receipt.png');
    await writeFile(photoPath, png(PHOTO_SIZE, PHOTO_SIZE, [25, 137, 250]));

    browser = await launch();
    agent = await openPage(browser);
    customer = await openPage(browser, { mobile: true });
    customer.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))));
    customer.on('response', (r) => {
      if (r.url().includes('/api/v1/public/chats')) answers.push(r.text().catch(() => ''));
    });
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('the customer waits in the queue; the agent goes online, takes it, greets; both see it live', async () => {
    // 张敏 opens the chat workspace; she starts offline (nobody of SH01 is online).
    await loginAs(agent, server.base, 'zhangmin');
    await agent.goto(`${server.base}/chat`);
    await agent.locator('[data-test="chat-connection"][data-state="open"]').waitFor();
    await agent.locator('[data-test="chat-presence"][data-presence="offline"]').waitFor();
    await markNoReload(agent);

    // The customer opens the store's chat on the phone and starts.
    await customer.goto(`${server.base}/m/chat/${storeId}`);
    await field(customer, 'chat-name').fill('王女士');
    await customer.click('[data-test="chat-topic-returns"]');
    await customer.click('[data-test="chat-start"]');
    const position = customer.locator('[data-test="chat-queue-position"]');
    await position.waitFor();
    assert.equal(await position.getAttribute('data-position'), '1');
    assert.match(await position.textContent(), /您排在第一位/);
    // Nobody online: the page offers to leave a message.
    await customer.locator('[data-test="chat-nobody"]').waitFor();
    assert.match(await customer.textContent('[data-test="chat-nobody"]'), /当前没有客服在线/);
    await markNoReload(customer);
    await shot(customer, 'chat-customer-queued');

    // The agent sees it waiting in 排队中, live.
    const waiting = agent.locator('[data-test^="chat-queue-item-"]', { hasText: '王女士' });
    await waiting.waitFor({ timeout: LIVE_MS });
    convId = Number((await waiting.getAttribute('data-test')).replace('chat-queue-item-', ''));
    assert.ok(convId > 0);

    // 在线: going online takes the waiting chat.
    await agent.click('[data-test="chat-presence-online"]');
    await agent.locator('[data-test="chat-presence"][data-presence="online"]').waitFor();
    const mine = agent.locator(`[data-test="chat-conversation-${convId}"]`);
    await mine.waitFor({ timeout: LIVE_MS });
    assert.match(await agent.locator('.kf-chat-list').textContent(), /我的会话\s*1/);
    assert.equal(await agent.locator(`[data-test="chat-queue-item-${convId}"]`).count(), 0, 'no longer in the queue');

    // The customer is told an agent joined, without a reload.
    await customer.locator('[data-test="chat-agent-joined"]').waitFor({ timeout: LIVE_MS });
    assert.equal(await customer.locator('[data-test="chat-queue-position"]').count(), 0);
    assert.equal(await customer.locator('[data-test="chat-nobody"]').count(), 0);
    await customer.locator('[data-test="chat-message"][data-kind="event"]', { hasText: '客服已接入' }).waitFor();

    // The customer asks; the agent opens the conversation and reads it.
    await field(customer, 'chat-input').fill(question);
    await customer.click('[data-test="chat-send"]');
    await customer.locator('[data-test="chat-message"][data-sender="customer"]', { hasText: question }).waitFor();
    await mine.click();
    await agent.locator(`[data-test="chat-open"][data-id="${convId}"][data-status="assigned"]`).waitFor();
    const asked = agent.locator('[data-test="chat-message"][data-kind="text"]', { hasText: question });
    await asked.waitFor({ timeout: LIVE_MS });
    assert.match(await asked.textContent(), /王女士/, 'the customer is named by the name she gave');

    // The greeting: typed, Enter sends.
    await field(agent, 'chat-composer').fill(greeting);
    await field(agent, 'chat-composer').press('Enter');
    await agent.locator('[data-test="chat-message"][data-kind="text"][data-state="sent"]', { hasText: greeting }).waitFor();

    const got = customer.locator('[data-test="chat-message"][data-sender="agent"]', { hasText: greeting });
    await got.waitFor({ timeout: LIVE_MS });
    assert.ok(await notReloaded(customer), 'the customer page was not reloaded');
    assert.ok(await notReloaded(agent), 'the console was not reloaded');
    // Every agent is 客服 to the customer: no staff name.
    assert.match(await got.locator('.who').textContent(), /^\s*客服\s*$/);
    // The customer has seen it: the agent sees 已读 under the greeting.
    await agent.locator('[data-test="chat-message"]', { hasText: greeting }).locator('[data-test="chat-read"]').waitFor({ timeout: LIVE_MS });
    await shot(customer, 'chat-customer-greeted');
    await shot(agent, 'chat-console-assigned');
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  it('the customer sends a photo: the agent sees the image, the customer sees it sent', async () => {
    const before = await customer.locator('[data-test="chat-message"][data-kind="photo"]').count();
    await customer.locator('[data-test="chat-photo-input"]').setInputFiles(photoPath);
    const sent = customer.locator('[data-test="chat-message"][data-kind="photo"][data-sender="customer"]');
    await sent.nth(before).waitFor({ timeout: 10000 });
    assert.equal(await customer.locator('[data-test="chat-upload"]').count(), 0, 'no upload left pending');
    assert.match(await sent.nth(before).locator('.state').textContent(), /已送达|已读/);
    assert.equal(await imageWidth(customer, '[data-test="chat-message"][data-kind="photo"] [data-test="chat-photo"]'), PHOTO_SIZE);

    const onConsole = agent.locator('[data-test="chat-message"][data-kind="photo"]');
    await onConsole.first().waitFor({ timeout: LIVE_MS });
    assert.equal(await imageWidth(agent, '[data-test="chat-message"][data-kind="photo"] [data-test="chat-photo"]'), PHOTO_SIZE);
    assert.match(await onConsole.first().locator('.kf-chat-meta').textContent(), /王女士/);
    // The agent read it: the customer sees 已读 under the photo.
    await sent.nth(before).locator('[data-test="chat-read"]').waitFor({ timeout: LIVE_MS });
    await shot(customer, 'chat-customer-photo');
    await shot(agent, 'chat-console-photo');
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  it("the agent's whisper is shown in the console and never on the customer page", async () => {
    await agent.click('[data-test="chat-whisper"]');
    await agent.locator('.kf-chat-composer.whisper').waitFor();
    assert.equal((await agent.textContent('[data-test="chat-send"]')).trim(), '发送备注');
    await field(agent, 'chat-composer').fill(whisper);
    await agent.click('[data-test="chat-send"]');
    const note = agent.locator('[data-test="chat-message"][data-kind="whisper"]', { hasText: whisper });
    await note.waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="chat-message"][data-kind="whisper"][data-state="sent"]').waitFor({ timeout: LIVE_MS });
    assert.match(await note.textContent(), /内部备注/);
    const whisperSeq = Number(await note.getAttribute('data-seq'));
    assert.ok(whisperSeq > 0, 'the whisper is numbered in the conversation');

    // Back to the customer: a message after the whisper reaches the customer, so anything the
    // whisper could have brought has arrived by then.
    await agent.click('[data-test="chat-whisper"]');
    await agent.locator('.kf-chat-composer.whisper').waitFor({ state: 'detached' });
    const next = '请问您的会员卡号或手机号是多少？';
    await field(agent, 'chat-composer').fill(next);
    await agent.click('[data-test="chat-send"]');
    await customer.locator('[data-test="chat-message"][data-sender="agent"]', { hasText: next }).waitFor({ timeout: LIVE_MS });

    assert.equal(await customer.getByText(whisper).count(), 0);
    assert.doesNotMatch(await customer.locator('body').innerText(), /内部备注|该顾客上周投诉过/);
    assert.equal(await customer.locator(`[data-test="chat-message"][data-seq="${whisperSeq}"]`).count(), 0, 'no line for it at all');
    const bodies = [...received, ...(await Promise.all(answers))];
    assert.ok(received.length > 0, 'the customer page is on the socket');
    for (const b of bodies) assert.ok(!b.includes('该顾客上周投诉过'), `the whisper reached the customer: ${b.slice(0, 300)}`);
    await shot(agent, 'chat-console-whisper');
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  it('the customer reloads: the conversation and its history are there, and new messages still arrive live', async () => {
    const seqs = async () =>
      customer.locator('[data-test="chat-message"]').evaluateAll((els) => els.map((e) => Number(e.dataset.seq)));
    const shownBefore = await seqs();
    await customer.reload();
    await customer.locator('[data-test="chat-agent-joined"]').waitFor();
    await customer.locator('[data-test="chat-message"][data-sender="agent"]', { hasText: greeting }).waitFor();
    await customer.locator('[data-test="chat-message"][data-sender="customer"]', { hasText: question }).waitFor();
    assert.equal(await imageWidth(customer, '[data-test="chat-message"][data-kind="photo"] [data-test="chat-photo"]'), PHOTO_SIZE);
    assert.deepEqual(await seqs(), shownBefore, 'the same history, in the same order, each message once');
    assert.equal(await customer.locator('[data-test="chat-start"]').count(), 0, 'not asked to start again');
    assert.equal(await customer.getByText(whisper).count(), 0);
    await markNoReload(customer);

    await field(agent, 'chat-composer').fill(afterReload);
    await agent.click('[data-test="chat-send"]');
    const live = customer.locator('[data-test="chat-message"][data-sender="agent"]', { hasText: afterReload });
    await live.waitFor({ timeout: LIVE_MS });
    assert.ok(await notReloaded(customer), 'arrived without another reload');
    const order = await seqs();
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in order');
    await shot(customer, 'chat-customer-reloaded');
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  it('the agent ends the chat: the customer rates 5 and sees the thanks', async () => {
    await agent.click('[data-test="chat-end"]');
    await agent.locator('.el-message-box').waitFor();
    await agent.click('.el-message-box .el-button--primary');
    await agent.locator(`[data-test="chat-open"][data-id="${convId}"][data-status="ended"]`).waitFor({ timeout: LIVE_MS });
    await agent.locator('[data-test="chat-message"][data-kind="event"]', { hasText: /结束/ }).waitFor({ timeout: LIVE_MS });
    assert.ok(await agent.locator('[data-test="chat-end"]').isDisabled(), 'nothing left to end');
    assert.equal(await agent.locator(`[data-test="chat-conversation-${convId}"]`).count(), 0, 'no longer in 我的会话');

    const rating = customer.locator('[data-test="chat-rating"]');
    await rating.waitFor({ timeout: LIVE_MS });
    assert.match(await rating.textContent(), /本次咨询已结束/);
    await customer.locator('[data-test="chat-message"][data-kind="event"]', { hasText: '客服已结束咨询' }).waitFor();
    assert.equal(await customer.locator('[data-test="chat-input"]').count(), 0, 'no composer after the end');
    assert.ok(await notReloaded(customer));
    await customer.click('[data-test="chat-rating-5"]');
    assert.equal(await customer.locator('[data-test="chat-rating-5"]').getAttribute('aria-checked'), 'true');
    await customer.click('[data-test="chat-rating-submit"]');
    const thanks = customer.locator('[data-test="chat-thanks"]');
    await thanks.waitFor({ timeout: LIVE_MS });
    assert.equal((await thanks.textContent()).trim(), '感谢您的评价');
    await shot(customer, 'chat-customer-rated');
    await shot(agent, 'chat-console-ended');

    // The desk has the rating.
    const r = await admin.get(`/api/v1/chat/conversations/${convId}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.conversation.status, 'ended');
    assert.equal(r.json.conversation.end_reason, 'agent');
    assert.equal(r.json.conversation.rating, 5);
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(agent.errors, []);
  });
});

// Feedback intake from the customer's side (docs/feedback.md "Intake"): a place's poster
// carries a QR code that opens the form with the store and place filled in; the form (with
// a photo that loses its GPS) becomes an item staff see at that place; bad input and floods
// are refused with their codes and store nothing; and what kefu itself produces — a
// complaint ticket, a CSAT comment, a chat — becomes one item each, never two.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KefuServer, directory, newTicket } from './lib/server.mjs';
import { multipart } from './lib/form.mjs';

const execFileP = promisify(execFile);

// A 2×2 grey baseline JPEG (cjpeg), and the same with an APP1 Exif block holding a GPS IFD
// (latitude N), as a phone writes it after APP0.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxl' +
    'Z2P/wAALCAACAAIBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAABv/EABsQAQEAAQUAAAAAAAAAAAAAAAEEAwACQ1Fx/9oACAEBAAA/AGc0EZNiCTABsOM6' +
    '81//2Q==',
  'base64',
);
function withGps(jpeg) {
  const ifd = (entries) => {
    const b = Buffer.alloc(2 + entries.length * 12 + 4);
    b.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      b.writeUInt16LE(tag, 2 + i * 12);
      b.writeUInt16LE(type, 4 + i * 12);
      b.writeUInt32LE(count, 6 + i * 12);
      if (Buffer.isBuffer(value)) value.copy(b, 10 + i * 12);
      else b.writeUInt32LE(value, 10 + i * 12);
    });
    return b;
  };
  const head = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  const ifd0 = ifd([[0x8825, 4, 1, 8 + 18]]); // the GPS IFD right after IFD0
  const gps = ifd([[0x0001, 2, 2, Buffer.from('N\0\0\0', 'latin1')]]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), head, ifd0, gps]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 20), app1, jpeg.subarray(20)]);
}
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

// What a phone's scanner reads from the poster (zbarimg, zbar-tools); null without it.
async function scan(png) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kefu-poster-'));
  try {
    const file = path.join(dir, 'poster.png');
    await writeFile(file, png);
    const { stdout } = await execFileP('zbarimg', ['--raw', '-q', file]);
    return stdout.trim();
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('feedback intake', () => {
  let server, admin, supervisor, agent, otherAgent, anonymous, SH01, place;
  let started; // after the demo loaded: its own form items are older
  const submit = (fields, photos = [], extra = {}) =>
    anonymous.request('POST', '/api/v1/public/feedback', { ...multipart(fields, photos), ...extra });
  const items = async (query) => (await admin.get(`/api/v1/feedback/items?${query}&limit=200`)).json;

  before(async () => {
    server = await KefuServer.start({ tickets: 20, members: 10 });
    started = Date.now();
    admin = await server.login('admin');
    supervisor = await server.login('chenjing');
    agent = await server.login('zhangmin');
    otherAgent = await server.login('maxiaoyu');
    anonymous = server.client();
    SH01 = (await directory(admin)).storeByCode.SH01;
    const r = await supervisor.post('/api/v1/feedback/places', { store_id: SH01.id, name: 'B2 停车场', touchpoint: 'parking' });
    assert.equal(r.status, 201, r.text);
    place = r.json;
  });
  after(async () => {
    await server?.dispose();
  });

  it("the poster's QR code opens the form at its place: the store's and place's names only", async () => {
    const png = await agent.get(`/api/v1/feedback/places/${place.id}/poster.png?base=https://kefu.example.com`);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.match(png.headers.get('content-disposition'), /attachment; filename="feedback-poster-.+\.png"/);
    const url = (await scan(png.buf)) ?? `https://kefu.example.com/m/feedback/${place.code}`;
    assert.equal(url, `https://kefu.example.com/m/feedback/${place.code}`);
    const pdf = await agent.get(`/api/v1/feedback/places/${place.id}/poster.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.buf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal((await otherAgent.get(`/api/v1/feedback/places/${place.id}/poster.pdf`)).status, 404, "another store's place");

    const code = url.split('/').pop();
    const r = await anonymous.get(`/api/v1/public/feedback/places/${code}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { code, store_name: SH01.name, place_name: 'B2 停车场' });
  });

  it('the form with a photo is an item at that place; the photo has lost its GPS', async () => {
    const before = (await items('source=form')).total;
    const r = await submit({ place_code: place.code, text: '车位太窄，停进去开不了门', rating: 2 }, [
      { name: 'IMG_0412.jpg', type: 'image/jpeg', data: withGps(JPEG) },
    ]);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.photos, 1);
    const list = await agent.get(`/api/v1/feedback/items?source=form&place_id=${place.id}`);
    assert.equal(list.json.total, 1);
    assert.equal((await items('source=form')).total, before + 1);
    const item = list.json.items[0];
    assert.equal(item.text, '车位太窄，停进去开不了门');
    assert.equal(item.store_id, SH01.id);
    assert.equal(item.place_id, place.id);
    assert.equal(item.touchpoint, 'parking');
    assert.equal(item.rating, 2);
    assert.equal(item.contact_phone, null, 'anonymous');
    assert.equal(item.member_id, null);

    const photos = await agent.get(`/api/v1/feedback/items/${item.id}/photos`);
    assert.deepEqual(photos.json.items.map((p) => [p.n, p.filename, p.content_type]), [[1, 'IMG_0412.jpg', 'image/jpeg']]);
    const photo = await agent.get(`/api/v1/feedback/items/${item.id}/photos/1`);
    assert.equal(photo.status, 200);
    assert.ok(photo.buf.equals(JPEG), 'the Exif block (and its GPS) is gone');
    assert.equal((await otherAgent.get(`/api/v1/feedback/items/${item.id}/photos/1`)).status, 404);
    assert.equal((await anonymous.get(`/api/v1/feedback/items/${item.id}/photos/1`)).status, 401);
  });

  it('kefu blobs gc keeps the photos of feedback items, however old', async () => {
    const files = [];
    for (const e of await readdir(server.attachmentsDir, { withFileTypes: true, recursive: true }))
      if (e.isFile() && e.name !== '.lock') files.push(path.join(e.parentPath ?? e.path, e.name));
    assert.ok(files.length > 0);
    const longAgo = new Date(Date.now() - 3 * 3600 * 1000);
    for (const f of files) await utimes(f, longAgo, longAgo);
    const { stdout } = await execFileP(server.bin, ['--db', server.dbUrl, 'blobs', 'gc', '--grace-minutes', '60'], {
      cwd: server.dir,
      env: { ...process.env, KEFU_STORAGE_ATTACHMENTS_DIR: server.attachmentsDir, KEFU_LOG_ACCESS_LOG: '0' },
    });
    assert.match(stdout, /removed 0 file/);
    const item = (await agent.get(`/api/v1/feedback/items?source=form&place_id=${place.id}`)).json.items[0];
    assert.equal((await agent.get(`/api/v1/feedback/items/${item.id}/photos/1`)).status, 200);
  });

  it("a store's general link, a left phone, and a retry with the form's id stores one item", async () => {
    const body = { store_code: 'SH01', text: '导购小姐姐很专业，推荐的鞋很合脚', phone: '139 0000 7777', client_id: 'e2e-retry-0001' };
    const first = await anonymous.post('/api/v1/public/feedback', body);
    assert.equal(first.status, 201, first.text);
    const again = await anonymous.post('/api/v1/public/feedback', body);
    assert.equal(again.status, 201, again.text);
    assert.equal(again.json.created_at, first.json.created_at, 'the first receipt again');
    const found = (await items('source=form&q=导购小姐姐')).items;
    assert.equal(found.length, 1);
    assert.equal(found[0].place_id, null);
    assert.equal(found[0].contact_phone, '13900007777', 'admins see the phone');
    const seen = (await agent.get(`/api/v1/feedback/items/${found[0].id}`)).json;
    assert.match(seen.contact_phone, /\*/, 'agents see it masked');
  });

  it('bad input is refused with its code and field, and stores nothing', async () => {
    const before = (await items('source=form')).total;
    const expect = async (r, status, code, field) => {
      assert.equal(r.status, status, r.text);
      assert.equal(r.json.error.code, code, r.text);
      if (field) assert.equal(r.json.error.field, field, r.text);
    };
    await expect(await submit({ place_code: place.code, text: '  ' }), 400, 'required', 'text');
    await expect(await submit({ place_code: place.code, text: '好', rating: 9 }), 400, 'invalid_field', 'rating');
    await expect(await submit({ place_code: place.code, text: '好', rating: 'many' }), 400, 'invalid_type', 'rating');
    await expect(await submit({ place_code: place.code, text: '好', phone: 'abc' }), 400, 'invalid_phone', 'phone');
    await expect(await submit({ place_code: 'no-such-code', text: '好' }), 400, 'unknown_reference', 'place_code');
    await expect(await submit({ store_code: 'XX99', text: '好' }), 400, 'unknown_reference', 'store');
    await expect(await submit({ text: '好' }), 400, 'required', 'store');
    await expect(await submit({ place_code: place.code, text: '字'.repeat(2001) }), 400, 'too_long', 'text');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', data: PNG }));
    await expect(await submit({ place_code: place.code, text: '四张' }, four), 400, 'invalid_field', 'photos');
    await expect(await submit({ place_code: place.code, text: '好' }, [{ name: 'a.jpg', type: 'image/jpeg', data: PNG }]), 415, 'content_mismatch');
    await expect(await submit({ place_code: place.code, text: '好' }, [{ name: 'a.txt', type: 'text/plain', data: Buffer.from('hi') }]), 415, 'unsupported_media_type');
    await expect(
      await anonymous.request('POST', '/api/v1/public/feedback', { body: 'text=hi', headers: { 'content-type': 'text/plain' } }),
      415,
      'json_required',
    );
    await expect(
      await anonymous.request('POST', '/api/v1/public/feedback', {
        body: '--x\r\nno end',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      }),
      400,
      'invalid_field',
      'body',
    );
    // A retired place's code opens nothing and takes nothing.
    const retired = (await supervisor.post('/api/v1/feedback/places', { store_id: SH01.id, name: '旧意见箱', touchpoint: 'other' })).json;
    assert.equal((await supervisor.patch(`/api/v1/feedback/places/${retired.id}`, { name: '旧意见箱', touchpoint: 'other', active: false })).status, 200);
    assert.equal((await anonymous.get(`/api/v1/public/feedback/places/${retired.code}`)).status, 404);
    await expect(await submit({ place_code: retired.code, text: '好' }), 400, 'unknown_reference', 'place_code');
    assert.equal((await items('source=form')).total, before, 'nothing stored');
  });

  it('a complaint ticket and a CSAT comment each become one item, never two', async () => {
    const created = await agent.post(
      '/api/v1/tickets',
      newTicket(SH01.id, { type: 'complaint', channel: 'hotline', subject: '出口缴费排队', description: '周六出口只开一个缴费口，排了半小时', location: 'B2 停车场 出口' }),
      { headers: { 'idempotency-key': 'e2e-intake-complaint-1' } },
    );
    assert.equal(created.status, 201, created.text);
    const t = created.json;
    const retry = await agent.post(
      '/api/v1/tickets',
      newTicket(SH01.id, { type: 'complaint', channel: 'hotline', subject: '出口缴费排队', description: '周六出口只开一个缴费口，排了半小时', location: 'B2 停车场 出口' }),
      { headers: { 'idempotency-key': 'e2e-intake-complaint-1' } },
    );
    assert.equal(retry.json.id, t.id, 'the same ticket');
    const inquiry = await agent.post('/api/v1/tickets', newTicket(SH01.id, { type: 'inquiry', subject: '几点关门' }));
    assert.equal(inquiry.status, 201);

    const fromTicket = (await items('source=ticket')).items.filter((i) => i.ticket_id === t.id);
    assert.equal(fromTicket.length, 1);
    assert.equal(fromTicket[0].text, '周六出口只开一个缴费口，排了半小时');
    assert.equal(fromTicket[0].touchpoint, 'parking', 'the location says more than the hotline');
    assert.equal((await items('source=ticket')).items.filter((i) => i.ticket_id === inquiry.json.id).length, 0);

    await agent.post(`/api/v1/tickets/${t.id}/claim`);
    let r = await agent.post(`/api/v1/tickets/${t.id}/status`, { status: 'resolved', note: '已加开缴费口' });
    assert.equal(r.status, 200, r.text);
    r = await agent.post(`/api/v1/tickets/${t.id}/csat-link`, {});
    assert.equal(r.status, 201, r.text);
    const token = r.json.token;
    r = await anonymous.post(`/api/v1/public/csat/${token}`, { rating: 3, comment: '处理还行，就是太慢' });
    assert.equal(r.status, 201, r.text);
    r = await anonymous.post(`/api/v1/public/csat/${token}`, { rating: 3, comment: '处理还行，就是太慢' });
    assert.equal(r.status, 409);
    const fromCsat = (await items('source=csat')).items.filter((i) => i.ticket_id === t.id);
    assert.equal(fromCsat.length, 1);
    assert.equal(fromCsat[0].rating, 3);
    assert.equal(fromCsat[0].text, '处理还行，就是太慢');
    assert.equal((await items('source=ticket')).items.filter((i) => i.ticket_id === t.id).length, 1, 'still one');
  });

  it("an ended chat gives the customer's lines as one item", async () => {
    let r = await anonymous.post('/api/v1/public/chats', { store_id: SH01.id, name: '访客' });
    assert.equal(r.status, 201, r.text);
    const token = r.json.token;
    for (const [id, body] of [['m1', '儿童游乐区的滑梯有一块板松了'], ['m2', '请尽快修一下']]) {
      r = await anonymous.post(`/api/v1/public/chats/${token}/messages`, { client_msg_id: id, body });
      assert.ok(r.status < 300, r.text);
    }
    r = await anonymous.post(`/api/v1/public/chats/${token}/end`, {});
    assert.equal(r.status, 200, r.text);
    const chat = (await items('source=chat')).items.filter((i) => i.text.includes('滑梯'));
    assert.equal(chat.length, 1);
    assert.equal(chat[0].text, '儿童游乐区的滑梯有一块板松了\n请尽快修一下');
    assert.equal(chat[0].touchpoint, 'online');
    assert.ok(chat[0].conversation_id);
    await anonymous.post(`/api/v1/public/chats/${token}/end`, {});
    assert.equal((await items('source=chat')).items.filter((i) => i.text.includes('滑梯')).length, 1);
  });

  // Last: it uses up this address's hour.
  it('floods are refused: 5 an hour per phone, 30 per address, with Retry-After', async () => {
    let r;
    for (let i = 0; i < 5; i++) {
      r = await submit({ place_code: place.code, text: `同一个手机第${i}条`, phone: '13800009999' });
      assert.equal(r.status, 201, r.text);
    }
    r = await submit({ place_code: place.code, text: '第六条', phone: '13800009999' });
    assert.equal(r.status, 429, r.text);
    assert.equal(r.json.error.code, 'rate_limited');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    let accepted = 0;
    for (; accepted < 40; accepted++) {
      r = await submit({ place_code: place.code, text: `匿名第${accepted}条` });
      if (r.status !== 201) break;
    }
    assert.equal(r.status, 429, r.text);
    assert.ok(accepted > 0 && accepted < 30, `${accepted} more from this address`);
    assert.equal((await items(`source=form&from=${started}`)).total, 30, 'every form item this address sent this hour');
  });
});

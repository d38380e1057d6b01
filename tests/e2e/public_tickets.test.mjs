// The customer's mobile page API: submit without login, track by number + phone, read
// only the customer-visible timeline, reply, add photos; bad input stores nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { KefuServer, directory, errorCode, allTickets } from './lib/server.mjs';

// Announces a body of `length` bytes but sends only its first 64 KiB: the server must
// refuse it from Content-Length alone (a client writing 20 MiB into a closed socket gets
// EPIPE, whatever the server answered). Resolves to { status, json }.
function hugePost(port, path, contentType, length) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      let json;
      try {
        json = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
      } catch {
        json = undefined;
      }
      resolve({ status: m ? Number(m[1]) : 0, json, text });
    };
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e) => (chunks.length ? done() : reject(e)));
    socket.on('end', done);
    socket.setTimeout(10000, () => {
      socket.destroy();
      chunks.length ? done() : reject(new Error('no answer'));
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: kefu\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(64 * 1024, 0x78));
  });
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('customer tickets (public API)', () => {
  let server, admin, agent, anonymous, dir, SH01;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01;
    agent = await server.login('zhangmin');
    anonymous = server.client();
  });
  after(async () => {
    await server?.dispose();
  });

  const submission = (fields = {}) => ({
    store_code: 'SH01',
    type: 'complaint',
    subject: '停车场缴费排队太久',
    description: '周六下午出口只开了一个缴费口，排了四十分钟。',
    name: '刘女士',
    phone: '139 1234 5678',
    ...fields,
  });
  const submit = async (fields) => {
    const r = await anonymous.post('/api/v1/public/tickets', submission(fields));
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const appTickets = async () => (await allTickets(admin, 'channel=app')).length;

  it('lists the stores for the picker without login (id, code, name only)', async () => {
    const r = await anonymous.get('/api/v1/public/stores');
    assert.equal(r.status, 200, r.text);
    const sh = r.json.items.find((s) => s.code === 'SH01');
    assert.deepEqual(Object.keys(sh).sort(), ['code', 'id', 'name']);
    assert.equal(sh.name, SH01.name);
  });

  it('a submission becomes an unclaimed app ticket the store sees', async () => {
    const s = await submit();
    assert.match(s.number, /^KF/);
    assert.ok(s.access_token);
    assert.equal(s.path, `/m/t/${s.access_token}`);
    const found = (await allTickets(agent, 'channel=app')).find((t) => t.number === s.number);
    assert.ok(found, 'the desk agent of SH01 sees it');
    assert.equal(found.store_id, SH01.id);
    assert.equal(found.owner_id, null);
    assert.equal(found.status, 'new');
    assert.equal(found.type, 'complaint');
  });

  it('tracks by number + phone + tracking code; a wrong phone and a wrong number are the same 404', async () => {
    const s = await submit({ phone: '13711112222' });
    const code = s.tracking_code;
    let r = await anonymous.post('/api/v1/public/track', { number: s.number, phone: '+86 137-1111-2222', code });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.number, s.number);
    const v = await anonymous.get(`/api/v1/public/tickets/${r.json.access_token}`);
    assert.equal(v.status, 200, v.text);
    assert.equal(v.json.subject, '停车场缴费排队太久');

    const wrongPhone = await anonymous.post('/api/v1/public/track', { number: s.number, phone: '13711112223', code });
    const wrongNumber = await anonymous.post('/api/v1/public/track', { number: 'KF000000000000', phone: '13711112222', code });
    assert.equal(wrongPhone.status, 404);
    assert.equal(wrongNumber.status, 404);
    assert.equal(errorCode(wrongPhone), 'not_found');
    assert.deepEqual(wrongPhone.json, wrongNumber.json, 'never says which was wrong');
  });

  it('the customer sees replies as 客服, never internal notes or staff names; replies reach staff', async () => {
    const s = await submit({ phone: '13655556666' });
    const id = (await allTickets(agent, 'channel=app')).find((t) => t.number === s.number).id;
    let r = await agent.post(`/api/v1/tickets/${id}/claim`);
    assert.equal(r.status, 200, r.text);
    r = await agent.post(`/api/v1/tickets/${id}/notes`, { body: '内部：该顾客为VIP，注意措辞' });
    assert.equal(r.status, 201, r.text);
    r = await agent.post(`/api/v1/tickets/${id}/replies`, { body: '您好，周末已加开两个缴费口。' });
    assert.equal(r.status, 201, r.text);

    const v = await anonymous.get(`/api/v1/public/tickets/${s.access_token}`);
    assert.equal(v.status, 200, v.text);
    assert.ok(!v.text.includes('内部'), 'no internal note');
    assert.ok(!v.text.includes(agent.me.display_name), 'no staff name');
    assert.ok(!v.text.includes('13655556666'), 'no phone echoed');
    assert.equal(v.json.status, 'in_progress');
    assert.equal(v.json.status_zh, '处理中');
    assert.deepEqual(
      v.json.events.map((e) => [e.kind, e.from, e.author]),
      [['reply', 'service', '客服']],
    );

    r = await anonymous.post(`/api/v1/public/tickets/${s.access_token}/replies`, { body: '谢谢，下周再看看' });
    assert.equal(r.status, 201, r.text);
    const tl = await agent.get(`/api/v1/tickets/${id}/timeline`);
    const mine = tl.json.events.filter((e) => e.kind === 'customer_reply');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].body, '谢谢，下周再看看');
    assert.equal(mine[0].customer_visible, true);
    const notes = await agent.get('/api/v1/notifications');
    assert.ok(notes.json.items.some((n) => n.kind === 'customer_reply' && n.ticket_id === id), 'the owner is told');

    r = await anonymous.post(`/api/v1/public/tickets/${s.access_token}/attachments?filename=receipt.png`, PNG, {
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(r.status, 201, r.text);
    const photo = await anonymous.get(`/api/v1/public/tickets/${s.access_token}/attachments/${r.json.id}`, {
      raw: true,
    });
    assert.equal(photo.status, 200);
    assert.deepEqual(photo.buf, PNG);
    const after = await anonymous.get(`/api/v1/public/tickets/${s.access_token}`);
    assert.equal(after.json.photos.length, 1);
    assert.equal(after.json.events.at(-1).kind, 'customer_reply');
  });

  it('a token opens one ticket only; a CSAT link is not an access token', async () => {
    const a = await submit({ phone: '13500001111' });
    const b = await submit({ phone: '13500002222' });
    const forged = `${b.access_token.split('.')[0]}.${a.access_token.split('.').slice(1).join('.')}`;
    let r = await anonymous.get(`/api/v1/public/tickets/${forged}`);
    assert.equal(r.status, 403);
    assert.equal(errorCode(r), 'invalid_link');
    r = await anonymous.get(`/api/v1/public/csat/${a.access_token}`);
    assert.equal(r.status, 403, 'an access token is not a survey link');
    r = await anonymous.post(`/api/v1/public/tickets/${a.access_token}/replies`, { body: '' });
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'required');
  });

  it('bad input is a 4xx with a code and zh/en message, and stores nothing', async () => {
    const before = await appTickets();
    const expect = async (r, status, code) => {
      assert.equal(r.status, status, r.text);
      assert.equal(errorCode(r), code);
    };
    const { phone, ...noPhone } = submission();
    await expect(await anonymous.post('/api/v1/public/tickets', noPhone), 400, 'required');
    await expect(await anonymous.post('/api/v1/public/tickets', submission({ type: 'return' })), 400, 'invalid_enum');
    await expect(await anonymous.post('/api/v1/public/tickets', submission({ phone: '12' })), 400, 'invalid_phone');
    await expect(await anonymous.post('/api/v1/public/tickets', submission({ store_code: 'NOPE' })), 400, 'unknown_reference');
    const en = await anonymous.post('/api/v1/public/tickets', submission({ type: 'return' }), {
      headers: { 'accept-language': 'en-US' },
    });
    assert.match(en.json.error.message, /[a-z]/);
    assert.ok(!/[\u4e00-\u9fff]/.test(en.json.error.message), 'English message');

    const MiB20 = 20 * 1024 * 1024;
    await expect(await hugePost(server.port, '/api/v1/public/tickets', 'application/json', MiB20), 413, 'body_too_large');
    const s = await submit({ phone: '13400004444' });
    await expect(
      await hugePost(server.port, `/api/v1/public/tickets/${s.access_token}/attachments`, 'image/png', MiB20),
      413,
      'body_too_large',
    );
    await expect(
      await anonymous.post(`/api/v1/public/tickets/${s.access_token}/attachments`, Buffer.from('not a png'), {
        headers: { 'content-type': 'image/png' },
      }),
      415,
      'content_mismatch',
    );
    const v = await anonymous.get(`/api/v1/public/tickets/${s.access_token}`);
    assert.equal(v.json.photos.length, 0);
    assert.equal(await appTickets(), before + 1, 'only the one good submission was stored');
  });
});

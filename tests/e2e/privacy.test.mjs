// Personal-data rights (个人信息请求) over HTTP, on SQLite and PostgreSQL: a member who wrote
// in by phone and at the desk, with a photo; a supervisor exports them (the ZIP opened here:
// README, JSON per kind, the photo's bytes; the link works once); the two-person erasure
// (a supervisor requests, a manager confirms); afterwards the ticket counts are unchanged,
// the tickets keep their statistics and lose the person, searches find nothing, the photo's
// file is gone, and the audit names the person without their phone.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { KefuServer, directory, newTicket, errorCode, allTickets } from './lib/server.mjs';

const ERASED = '（已按个人信息保护要求删除）';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// The entries of a ZIP by name (its central directory; stored or deflated).
function unzip(buf) {
  const files = new Map();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'an end of central directory record');
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const data = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const packed = buf.subarray(data, data + size);
    files.set(name, method === 8 ? inflateRawSync(packed) : Buffer.from(packed));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

describe('personal-data rights: export and erasure', () => {
  let server, admin, agent, supervisor, manager, anonymous, SH01;
  const phone = `139${String(Date.now()).slice(-8)}`;
  const name = '赵思齐';
  const made = {};

  before(async () => {
    server = await KefuServer.start({ tickets: 30, members: 10 });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    manager = await server.login('wangli');
    anonymous = server.client();
    SH01 = (await directory(admin)).storeByCode.SH01.id;

    let r = await agent.post('/api/v1/members', { name, phone, tier: 'gold', home_store_id: SH01 });
    assert.equal(r.status, 201, r.text);
    made.member = r.json.id;
    // At the desk: a complaint naming them, a note quoting their phone, a photo.
    r = await agent.post('/api/v1/tickets', newTicket(SH01, {
      type: 'complaint', subject: `${name}投诉鞋子开胶`, description: `${name}说鞋子穿了三天就开胶`, member_id: made.member,
    }));
    assert.equal(r.status, 201, r.text);
    made.ticket = r.json;
    r = await agent.post(`/api/v1/tickets/${made.ticket.id}/notes`, { body: `已回电 ${phone}，顾客同意送修` });
    assert.equal(r.status, 201, r.text);
    r = await agent.request('POST', `/api/v1/tickets/${made.ticket.id}/attachments?filename=shoe.png`, {
      body: PNG, headers: { 'content-type': 'image/png' },
    });
    assert.equal(r.status, 201, r.text);
    made.attachment = r.json.id;
    made.photo = (await agent.request('GET', `/api/v1/attachments/${made.attachment}`, { raw: true })).buf;  // as stored
    // A purchase at the POS (the store's accounts keep it after an erasure, unlinked).
    r = await supervisor.post('/api/v1/purchases', {
      store_id: SH01, receipt_no: `PRIV-${phone}`, sold_at: Date.now() - 3600000, member_id: made.member,
      lines: [{ name: '运动鞋', category: 'shoes', quantity: 1, unit_price_fen: 59900 }],
    });
    assert.equal(r.status, 201, r.text);
    made.order = r.json.id;
    // On the mobile page, by phone.
    r = await anonymous.post('/api/v1/public/tickets', {
      store_code: 'SH01', type: 'suggestion', subject: '希望增加母婴室', description: `我是${name}，三楼没有母婴室`, name, phone,
    });
    assert.equal(r.status, 201, r.text);
    made.publicNumber = r.json.number;
  });
  after(async () => {
    await server?.dispose();
  });

  it('finding them is for supervisors, by member or phone', async () => {
    assert.equal((await agent.post('/api/v1/privacy/people/search', { phone })).status, 403);
    let r = await supervisor.post('/api/v1/privacy/people/search', {});
    assert.equal(errorCode(r), 'privacy_subject_required');
    r = await supervisor.post('/api/v1/privacy/people/search', { phone });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.found, true);
    assert.equal(r.json.counts.tickets, 2);
    assert.equal(r.json.counts.members, 1);
    assert.equal(r.json.counts.attachments, 1);
    assert.equal(r.json.counts.purchase_orders, 1);
    assert.ok(!r.text.includes(phone), 'the phone is never answered');
    const byMember = await supervisor.post('/api/v1/privacy/people/search', { member_id: made.member });
    assert.deepEqual(byMember.json.counts, r.json.counts);
  });

  it('an export is a ZIP of JSON per kind and the photos, through a link that works once', async () => {
    let r = await supervisor.post('/api/v1/privacy/exports', { phone });
    assert.equal(r.status, 201, r.text);
    const { token } = r.json;
    assert.ok(r.json.expires_at <= Date.now() + 10 * 60 * 1000 + 5000);
    r = await supervisor.request('GET', `/api/v1/privacy/exports/${token}`, { raw: true });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/zip');
    const files = unzip(r.buf);
    assert.ok(files.get('README.txt').toString().includes('个人信息导出 / Personal data export'));
    const tickets = JSON.parse(files.get('tickets.json'));
    assert.deepEqual(tickets.map((t) => t.number).sort(), [made.ticket.number, made.publicNumber].sort());
    assert.equal(JSON.parse(files.get('members.json'))[0].phone, phone);
    assert.equal(JSON.parse(files.get('ticket_contacts.json'))[0].name, name);
    assert.deepEqual(files.get(`photos/attachments-${made.attachment}.png`), made.photo);
    assert.equal(JSON.parse(files.get('purchase_lines.json'))[0].paid_fen, 59900);

    r = await supervisor.get(`/api/v1/privacy/exports/${token}`);
    assert.equal(r.status, 410);
    assert.equal(errorCode(r), 'privacy_export_gone');
  });

  it('two people erase them: the tickets keep their statistics and the person is gone', async () => {
    const before = await allTickets(admin);
    const sha = createHash('sha256').update(made.photo).digest('hex');
    const blob = path.join(server.attachmentsDir, sha.slice(0, 2), sha);
    assert.ok(existsSync(blob), 'the photo is on disk');

    let r = await supervisor.post('/api/v1/privacy/requests', { phone, reason: '顾客来电要求删除个人信息' });
    assert.equal(r.status, 201, r.text);
    const request = r.json;
    assert.equal(request.state, 'requested');
    assert.ok(!r.text.includes(phone));
    assert.equal((await supervisor.post(`/api/v1/privacy/requests/${request.id}/confirm`, {})).status, 403);
    r = await manager.post(`/api/v1/privacy/requests/${request.id}/confirm`, { note: '已核实身份证' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'done');
    assert.equal(r.json.counts.tickets, 2);
    assert.equal(r.json.counts.members, 1);
    r = await manager.post(`/api/v1/privacy/requests/${request.id}/confirm`, {});
    assert.equal(errorCode(r), 'privacy_request_move');

    // Ticket counts and statistics unchanged; the person gone.
    const afterwards = await allTickets(admin);
    assert.equal(afterwards.length, before.length);
    r = await agent.get(`/api/v1/tickets/${made.ticket.id}`);
    assert.equal(r.json.type, 'complaint');
    assert.equal(r.json.status, made.ticket.status);
    assert.equal(r.json.store_id, SH01);
    assert.equal(r.json.created_at, made.ticket.created_at);
    assert.equal(r.json.description, ERASED);
    assert.equal(r.json.member_id, null);
    r = await agent.get(`/api/v1/tickets/${made.ticket.id}/timeline`);
    assert.ok(!r.text.includes(phone) && !r.text.includes(name), r.text.slice(0, 400));
    assert.equal((await agent.get(`/api/v1/attachments/${made.attachment}`)).status, 404);
    r = await agent.get(`/api/v1/purchases/${made.order}`);
    assert.equal(r.status, 200, 'the order stays in the store’s accounts');
    assert.equal(r.json.member_id, null);
    r = await agent.get(`/api/v1/tickets?q=${encodeURIComponent(name)}`);
    assert.equal(r.json.items.length, 0, 'the search index lost them');
    r = await agent.post('/api/v1/members/lookup', { phone });
    assert.equal(r.json.items.length, 0);
    r = await supervisor.post('/api/v1/privacy/people/search', { phone });
    assert.equal(r.json.total, 0);
    r = await anonymous.post('/api/v1/public/track', { number: made.publicNumber, phone, code: 'ABCDEF' });
    assert.equal(r.status, 404);
    for (let i = 0; i < 50 && existsSync(blob); i++) await sleep(100);
    assert.ok(!existsSync(blob), 'the photo is deleted from the blobs');

    // Audited, the person named without their phone.
    r = await admin.get('/api/v1/privacy/audit');
    assert.equal(r.status, 200, r.text);
    const actions = r.json.items.map((e) => e.action);
    for (const a of ['privacy.export', 'privacy.export_download', 'privacy.erasure_requested', 'privacy.erasure_done'])
      assert.ok(actions.includes(a), a);
    assert.ok(!r.text.includes(phone));
    assert.equal((await manager.get('/api/v1/privacy/audit')).status, 403);
  });

  it('retention rules are the admins’; a run is audited with its counts', async () => {
    let r = await admin.get('/api/v1/privacy/retention');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.items.filter((x) => x.enabled).map((x) => x.kind), ['export_links']);
    r = await admin.request('PUT', '/api/v1/privacy/retention/bot_questions', { body: { enabled: true, days: 400 } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.updated_by, admin.me?.id ?? r.json.updated_by);
    r = await admin.request('PUT', '/api/v1/privacy/retention/bot_questions', { body: { enabled: true, days: 0 } });
    assert.equal(r.status, 400);
    r = await admin.post('/api/v1/privacy/retention/run', {});
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json.counts).sort(), ['bot_questions', 'export_links']);
    r = await admin.get('/api/v1/privacy/audit?limit=1');
    assert.equal(r.json.items[0].action, 'privacy.retention_run');
    assert.equal((await manager.get('/api/v1/privacy/retention')).status, 403);
  });
});

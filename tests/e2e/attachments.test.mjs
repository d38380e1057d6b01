// Photo attachments: a real PNG goes up and comes back byte for byte; anything that
// is not what it claims to be is refused; store scope applies.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

// CRC-32 (ISO-HDLC), as PNG chunks need.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
// A valid width×height RGB PNG filled with one colour.
function png(width, height, [r, g, b]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('attachments', () => {
  let server, agentA, agentB, ticketA, ticketB;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    const dir = await directory(admin);
    agentA = await server.login('zhangmin');
    agentB = await server.login('maxiaoyu');
    let r = await agentA.post('/api/v1/tickets', newTicket(dir.storeByCode.SH01.id, {
      type: 'return',
      subject: '鞋子开胶，顾客拍了照片',
    }));
    assert.equal(r.status, 201);
    ticketA = r.json;
    r = await agentB.post('/api/v1/tickets', newTicket(dir.storeByCode.CD01.id, { subject: '成都店工单' }));
    assert.equal(r.status, 201);
    ticketB = r.json;
  });
  after(async () => {
    await server?.dispose();
  });

  const upload = (client, ticketId, bytes, type, filename = 'photo.png') =>
    client.post(`/api/v1/tickets/${ticketId}/attachments?filename=${encodeURIComponent(filename)}`, bytes, {
      headers: { 'content-type': type },
    });

  it('a tiny real PNG uploads (201 with its sha256) and downloads byte for byte as image/png', async () => {
    const bytes = png(2, 2, [220, 20, 60]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const up = await upload(agentA, ticketA.id, bytes, 'image/png', '开胶照片.png');
    assert.equal(up.status, 201, up.text);
    assert.equal(up.json.sha256, sha);
    assert.equal(up.json.size, bytes.length);
    assert.equal(up.json.content_type, 'image/png');
    assert.equal(up.json.filename, '开胶照片.png');
    assert.equal(up.json.ticket_id, ticketA.id);
    assert.equal(up.json.url, `/api/v1/attachments/${up.json.id}`);

    const down = await agentA.request('GET', up.json.url, { raw: true });
    assert.equal(down.status, 200);
    assert.equal(down.headers.get('content-type'), 'image/png');
    assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(down.buf.equals(bytes), 'same bytes');
    assert.equal(createHash('sha256').update(down.buf).digest('hex'), sha);

    const tl = await agentA.get(`/api/v1/tickets/${ticketA.id}/timeline`);
    assert.ok(tl.json.attachments.some((a) => a.id === up.json.id && a.sha256 === sha));
    assert.ok(tl.json.events.some((e) => e.kind === 'attachment' && e.data.attachment_id === up.json.id));
  });

  it('a path in the file name is dropped', async () => {
    const up = await upload(agentA, ticketA.id, png(1, 1, [0, 0, 0]), 'image/png', '../../etc/passwd.png');
    assert.equal(up.status, 201, up.text);
    assert.equal(up.json.filename, 'passwd.png');
  });

  it('a text file claiming to be image/png is 415', async () => {
    const r = await upload(agentA, ticketA.id, Buffer.from('这不是图片，只是文字。\n'), 'image/png', 'fake.png');
    assert.equal(r.status, 415);
    assert.equal(errorCode(r), 'content_mismatch');
    // A PNG declared as JPEG is not accepted either.
    const swapped = await upload(agentA, ticketA.id, png(1, 1, [1, 2, 3]), 'image/jpeg', 'x.jpg');
    assert.equal(swapped.status, 415);
    // Nor a type that is not an image.
    const text = await upload(agentA, ticketA.id, Buffer.from('hello'), 'text/plain', 'a.txt');
    assert.equal(text.status, 415);
    assert.equal(errorCode(text), 'unsupported_media_type');
    const tl = await agentA.get(`/api/v1/tickets/${ticketA.id}/timeline`);
    assert.ok(!tl.json.attachments.some((a) => a.filename === 'fake.png' || a.filename === 'x.jpg'));
  });

  it('uploading to a ticket of another store is 404, and so is downloading its attachments', async () => {
    const r = await upload(agentA, ticketB.id, png(1, 1, [9, 9, 9]), 'image/png');
    assert.equal(r.status, 404);
    assert.equal(errorCode(r), 'not_found');

    const own = await upload(agentB, ticketB.id, png(3, 1, [0, 128, 0]), 'image/png', 'cd.png');
    assert.equal(own.status, 201, own.text);
    const foreign = await agentA.get(own.json.url);
    assert.equal(foreign.status, 404);
    assert.equal(errorCode(foreign), 'not_found');
    const missing = await agentA.get('/api/v1/attachments/999999');
    assert.equal(missing.status, 404);
  });

  // BUG: upload() (src/tickets/api/routes_attachments.cpp) clears request->body before calling
  // write(), and write() fingerprints the request from its body, so every upload's
  // fingerprint is that of an empty body. A second upload with the same Idempotency-Key
  // but different image bytes answers 201 with the first attachment (Idempotent-Replayed:
  // true, the first sha256) instead of 409 idempotency_key_reused — the new photo is lost.
  it('Idempotency-Key: a retried upload is replayed, different bytes with the same key are 409', async () => {
    const first = png(4, 4, [10, 20, 30]);
    const other = png(4, 4, [200, 100, 50]);
    const key = `upload-${Date.now()}`;
    const send = (bytes) =>
      agentA.post(`/api/v1/tickets/${ticketA.id}/attachments?filename=retry.png`, bytes, {
        headers: { 'content-type': 'image/png', 'idempotency-key': key },
      });
    const a = await send(first);
    assert.equal(a.status, 201, a.text);
    const again = await send(first);
    assert.equal(again.status, 201);
    assert.equal(again.json.id, a.json.id, 'the retry is the same attachment');
    const different = await send(other);
    assert.equal(different.status, 409, different.text);
    assert.equal(errorCode(different), 'idempotency_key_reused');
  });

  it('an empty upload is 400', async () => {
    const r = await upload(agentA, ticketA.id, Buffer.alloc(0), 'image/png');
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'required');
  });
});

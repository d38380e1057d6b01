// Uploads (security issue, hole 7): a refused upload leaves no file in the attachments
// folder; `kefu blobs gc` deletes files no attachment references; a customer's photo loses
// its Exif/XMP metadata (GPS above all) on the staff route and the public one alike.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readdir, writeFile, mkdir, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

const execFileP = promisify(execFile);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// A 2×2 grey baseline JPEG made by cjpeg: SOI, APP0 (JFIF), DQT, SOF0, DHT, SOS … EOI.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxl' +
    'Z2P/wAALCAACAAIBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAABv/EABsQAQEAAQUAAAAAAAAAAAAAAAEEAwACQ1Fx/9oACAEBAAA/AGc0EZNiCTABsOM6' +
    '81//2Q==',
  'base64',
);
const AFTER_APP0 = 20;

// An APP1 Exif block as a phone writes it (little-endian TIFF): Orientation, Make and a GPS
// IFD with latitude N 31°14′.
function exifApp1(orientation) {
  const le16 = (v) => Buffer.from([v & 0xff, (v >> 8) & 0xff]);
  const le32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return b;
  };
  const gpsIfd = 8 + 2 + 3 * 12 + 4;
  const make = gpsIfd + 2 + 2 * 12 + 4;
  const lat = make + 10;
  const tiff = Buffer.concat([
    Buffer.from('II'), le16(42), le32(8),
    le16(3),
    le16(0x0112), le16(3), le32(1), le16(orientation), le16(0),
    le16(0x010f), le16(2), le32(10), le32(make),
    le16(0x8825), le16(4), le32(1), le32(gpsIfd),
    le32(0),
    le16(2),
    le16(0x0001), le16(2), le32(2), Buffer.from('N\0\0\0', 'latin1'),
    le16(0x0002), le16(5), le32(3), le32(lat),
    le32(0),
    Buffer.from('KefuPhone\0', 'latin1'),
    le32(31), le32(1), le32(14), le32(1), le32(0), le32(1),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
const withSegments = (...segments) => Buffer.concat([JPEG.subarray(0, AFTER_APP0), ...segments, JPEG.subarray(AFTER_APP0)]);
// What the server keeps of a rotated photo's Exif: Orientation alone (big-endian TIFF).
const ORIENTATION_6 = Buffer.from([
  0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8,
  0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
]);

// Every file under the attachments folder but the lock the uploads share with the collector.
async function blobFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name !== '.lock') out.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return out.sort();
}

describe('uploads', () => {
  let server, admin, agent, dir, ownTicket, otherStoreTicket, readOnly, anonymous;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    dir = await directory(admin);
    agent = await server.login('zhangmin');
    const cd = await server.login('maxiaoyu');
    let r = await agent.post('/api/v1/tickets', newTicket(dir.storeByCode.SH01.id, { subject: '顾客拍了照片' }));
    assert.equal(r.status, 201, r.text);
    ownTicket = r.json;
    r = await cd.post('/api/v1/tickets', newTicket(dir.storeByCode.CD01.id, { subject: '成都店工单' }));
    assert.equal(r.status, 201, r.text);
    otherStoreTicket = r.json;
    r = await admin.post('/api/v1/api-tokens', {
      name: '只读',
      staff_id: dir.staffByName.zhangmin.id,
      scopes: ['tickets:read'],
    });
    assert.equal(r.status, 201, r.text);
    readOnly = server.client(r.json.token);
    anonymous = server.client();
  });
  after(async () => {
    await server?.dispose();
  });

  const upload = (client, ticketId, bytes, type = 'image/jpeg') =>
    client.post(`/api/v1/tickets/${ticketId}/attachments?filename=p.jpg`, bytes, { headers: { 'content-type': type } });
  const submit = async () => {
    const r = await anonymous.post('/api/v1/public/tickets', {
      store_code: 'SH01',
      type: 'complaint',
      subject: '鞋子开胶',
      description: '买了两周就开胶了',
      phone: '139 1234 5678',
    });
    assert.equal(r.status, 201, r.text);
    return r.json.access_token;
  };
  const customerUpload = (token, bytes, type = 'image/jpeg') =>
    anonymous.post(`/api/v1/public/tickets/${token}/attachments?filename=p.jpg`, bytes, {
      headers: { 'content-type': type },
    });
  // A JPEG no other upload has sent.
  let n = 0;
  const uniqueJpeg = () => withSegments(Buffer.from([0xff, 0xfe, 0, 8, ...Buffer.from(`n${String(++n).padStart(5, '0')}`)]));

  const refused = async (what, send, status, code) => {
    const before = await blobFiles(server.attachmentsDir);
    const r = await send();
    assert.equal(r.status, status, `${what}: ${r.text}`);
    assert.equal(errorCode(r), code, what);
    assert.deepEqual(await blobFiles(server.attachmentsDir), before, `${what} left a file behind`);
  };

  it('a refused staff upload leaves no file in the attachments folder', async () => {
    await refused('text as a JPEG', () => upload(agent, ownTicket.id, Buffer.from('不是图片')), 415, 'content_mismatch');
    await refused('another store’s ticket', () => upload(agent, otherStoreTicket.id, uniqueJpeg()), 404, 'not_found');
    await refused('a token without tickets:write', () => upload(readOnly, ownTicket.id, uniqueJpeg()), 403, 'forbidden');
    await refused(
      'a JPEG whose segments are broken',
      () => upload(agent, ownTicket.id, Buffer.concat([JPEG.subarray(0, 30), Buffer.from('cut short')])),
      415,
      'content_mismatch',
    );
  });

  it('a refused customer upload leaves no file in the attachments folder', async () => {
    const token = await submit();
    const other = await submit();
    const forged = `${other.split('.')[0]}.${token.split('.').slice(1).join('.')}`;
    await refused('a forged customer token', () => customerUpload(forged, uniqueJpeg()), 403, 'invalid_link');
    await refused('text as a PNG', () => customerUpload(token, Buffer.from('x'), 'image/png'), 415, 'content_mismatch');
    for (let i = 0; i < 9; i++) assert.equal((await customerUpload(token, uniqueJpeg())).status, 201);
    await refused('a tenth customer photo', () => customerUpload(token, uniqueJpeg()), 409, 'too_many_photos');
  });

  it('a JPEG with GPS comes back without its Exif block, upright, on the staff and the customer route', async () => {
    const photo = withSegments(exifApp1(6));
    const expected = withSegments(ORIENTATION_6);
    const up = await upload(agent, ownTicket.id, photo);
    assert.equal(up.status, 201, up.text);
    assert.equal(up.json.sha256, sha256(expected));
    assert.equal(up.json.size, expected.length);
    const down = await agent.request('GET', up.json.url, { raw: true });
    assert.equal(down.status, 200);
    assert.ok(down.buf.equals(expected), 'only the orientation is left of the Exif block');
    assert.equal(down.buf.indexOf('KefuPhone'), -1);

    const token = await submit();
    const mine = await customerUpload(token, withSegments(exifApp1(1)));
    assert.equal(mine.status, 201, mine.text);
    const back = await anonymous.request('GET', `/api/v1/public/tickets/${token}/attachments/${mine.json.id}`, {
      raw: true,
    });
    assert.equal(back.status, 200);
    assert.ok(back.buf.equals(JPEG), 'an upright photo keeps no Exif at all');
  });

  it('kefu blobs gc deletes old files no attachment references and keeps the rest', async () => {
    const kept = await upload(agent, ownTicket.id, uniqueJpeg());
    assert.equal(kept.status, 201, kept.text);
    const keptPath = path.join(server.attachmentsDir, kept.json.sha256.slice(0, 2), kept.json.sha256);
    const orphanBytes = Buffer.from('an upload whose row never committed');
    const orphan = path.join(server.attachmentsDir, sha256(orphanBytes).slice(0, 2), sha256(orphanBytes));
    const young = Buffer.from('an upload still in flight');
    const youngPath = path.join(server.attachmentsDir, sha256(young).slice(0, 2), sha256(young));
    const leftover = `${orphan}.tmp-1-1`;
    for (const [p, bytes] of [[orphan, orphanBytes], [youngPath, young], [leftover, orphanBytes]]) {
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, bytes);
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    for (const p of [orphan, leftover, keptPath]) await utimes(p, twoHoursAgo, twoHoursAgo);

    const gc = (...args) =>
      execFileP(server.bin, ['--db', server.dbUrl, 'blobs', 'gc', '--grace-minutes', '60', ...args], {
        cwd: server.dir,
        env: { ...process.env, KEFU_STORAGE_ATTACHMENTS_DIR: server.attachmentsDir, KEFU_LOG_ACCESS_LOG: '0' },
      });
    const dry = await gc('--dry-run');
    assert.match(dry.stdout, /would remove 2 file/);
    assert.ok(existsSync(orphan), 'a dry run deletes nothing');
    const run = await gc();
    assert.match(run.stdout, /removed 2 file/);
    assert.ok(!existsSync(orphan), 'the unreferenced blob is gone');
    assert.ok(!existsSync(leftover), 'the temporary file left by a crash is gone');
    assert.ok(existsSync(youngPath), 'a file younger than the grace period stays');
    assert.ok(existsSync(keptPath), 'a referenced blob stays, however old');
    const down = await agent.request('GET', kept.json.url, { raw: true });
    assert.equal(down.status, 200);
  });
});

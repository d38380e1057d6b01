// Bad input: every malformed request gets a 4xx with the JSON error shape and a code,
// the server keeps answering, and no ticket is created by any of them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { KefuServer, directory, allTickets, newTicket, errorCode } from './lib/server.mjs';

// Sends raw bytes on a fresh connection; resolves to { status, text } of the answer.
function raw(port, bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e) => (chunks.length ? resolve(parse()) : reject(e)));
    socket.on('end', () => resolve(parse()));
    socket.setTimeout(10000, () => {
      socket.destroy();
      reject(new Error('raw request timed out'));
    });
    socket.write(bytes);
    function parse() {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      return { status: m ? Number(m[1]) : 0, text, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
    }
  });
}

describe('bad input', () => {
  let server, admin, agent, SH01, before_count;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    before_count = (await allTickets(admin)).length;
  });
  after(async () => {
    await server?.dispose();
  });

  // Each case: the answer is the expected 4xx with {"error":{"code","message"}} and
  // the given code, and /healthz still answers afterwards.
  async function expectError(res, status, code, field) {
    assert.equal(res.status, status, res.text);
    assert.match(res.headers.get('content-type') || '', /application\/json/);
    assert.equal(errorCode(res), code);
    if (field) assert.equal(res.json.error.field, field);
    const health = await fetch(`${server.base}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
  }
  const post = (body, headers) => agent.post('/api/v1/tickets', body, { headers });

  it('malformed JSON → 400 invalid_json', async () => {
    await expectError(await post('{"store_id": 1, "subject": "没写完'), 400, 'invalid_json', 'body');
    await expectError(await post(''), 400, 'invalid_json');
    await expectError(await post('{"store_id":1,}'), 400, 'invalid_json');
  });

  it('a JSON array (or string, or number) body → 400 invalid_json', async () => {
    await expectError(await post(JSON.stringify([newTicket(SH01)])), 400, 'invalid_json');
    await expectError(await post('"subject"'), 400, 'invalid_json');
    await expectError(await post('42'), 400, 'invalid_json');
    await expectError(await post('null'), 400, 'invalid_json');
  });

  it('wrong types → 400 invalid_type naming the field', async () => {
    await expectError(await post({ ...newTicket(SH01), store_id: 'abc' }), 400, 'invalid_type', 'store_id');
    await expectError(await post({ ...newTicket(SH01), store_id: 1.5 }), 400, 'invalid_type', 'store_id');
    await expectError(await post({ ...newTicket(SH01), subject: 123 }), 400, 'invalid_type', 'subject');
    await expectError(await post({ ...newTicket(SH01), member_id: '7' }), 400, 'invalid_type', 'member_id');
    await expectError(await post({ ...newTicket(SH01), subject: ['a'] }), 400, 'invalid_type', 'subject');
  });

  it('missing subject (or store, type, channel) → 400 required', async () => {
    const { subject, ...noSubject } = newTicket(SH01);
    await expectError(await post(noSubject), 400, 'required', 'subject');
    await expectError(await post({ ...newTicket(SH01), subject: null }), 400, 'required', 'subject');
    await expectError(await post({ ...newTicket(SH01), subject: '   ' }), 400, 'required', 'subject');
    const { store_id, ...noStore } = newTicket(SH01);
    await expectError(await post(noStore), 400, 'required', 'store_id');
    const { channel, ...noChannel } = newTicket(SH01);
    await expectError(await post(noChannel), 400, 'required', 'channel');
  });

  it('unknown enum values → 400 invalid_enum', async () => {
    await expectError(await post({ ...newTicket(SH01), type: 'refund' }), 400, 'invalid_enum', 'type');
    await expectError(await post({ ...newTicket(SH01), channel: 'fax' }), 400, 'invalid_enum', 'channel');
    await expectError(await post({ ...newTicket(SH01), priority: 'P0' }), 400, 'invalid_enum', 'priority');
  });

  it('references that do not exist → 400 unknown_reference', async () => {
    await expectError(await post({ ...newTicket(SH01), store_id: 999 }), 400, 'unknown_reference', 'store_id');
    await expectError(await post({ ...newTicket(SH01), member_id: 99999999 }), 400, 'unknown_reference', 'member_id');
    await expectError(await post({ ...newTicket(SH01), department_id: 99999 }), 400, 'unknown_reference', 'department_id');
  });

  it('subject over 200 characters → 400 too_long (characters, not bytes)', async () => {
    await expectError(await post({ ...newTicket(SH01), subject: '贵'.repeat(201) }), 400, 'too_long', 'subject');
    await expectError(await post({ ...newTicket(SH01), subject: 'a'.repeat(5000) }), 400, 'too_long', 'subject');
  });

  it('invalid UTF-8 bytes in the body → 400 invalid_utf8', async () => {
    const head = Buffer.from(`{"store_id":${SH01},"type":"inquiry","channel":"service_desk","subject":"`);
    const tail = Buffer.from('"}');
    for (const bad of [[0xff, 0xfe], [0xc3], [0xe5, 0x81], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const body = Buffer.concat([head, Buffer.from(bad), tail]);
      await expectError(await post(body), 400, 'invalid_utf8');
    }
  });

  it('a body over 1 MiB → 413 body_too_large', async () => {
    const big = JSON.stringify({ ...newTicket(SH01), description: 'x'.repeat(1024 * 1024 + 100) });
    await expectError(await post(big), 413, 'body_too_large');
  });

  it('a chunked body over 1 MiB → 413 too (no Content-Length to check up front)', async () => {
    const piece = 'x'.repeat(64 * 1024);
    let chunks = '';
    for (let i = 0; i < 17; i++) chunks += `${piece.length.toString(16)}\r\n${piece}\r\n`;
    chunks += '0\r\n\r\n';
    const r = await raw(
      server.port,
      `POST /api/v1/tickets HTTP/1.1\r\nHost: kefu\r\nAuthorization: Bearer ${agent.token}\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}`,
    );
    assert.equal(r.status, 413, r.text.slice(0, 300));
    assert.equal(JSON.parse(r.body).error.code, 'body_too_large');
    assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
  });

  it('an enormous header → 431 headers_too_large', async () => {
    const r = await agent.get('/api/v1/tickets', { headers: { 'x-padding': 'a'.repeat(64 * 1024) } });
    await expectError(r, 431, 'headers_too_large');
  });

  it('an unknown route → 404 route_not_found; a wrong method → 405 with Allow', async () => {
    await expectError(await agent.get('/api/v1/no-such-thing'), 404, 'route_not_found');
    await expectError(await agent.get('/api/v2/tickets'), 404, 'route_not_found');
    const wrong = await agent.request('DELETE', '/api/v1/tickets');
    await expectError(wrong, 405, 'method_not_allowed');
    const allow = (wrong.headers.get('allow') || '').split(/,\s*/).sort();
    assert.deepEqual(allow, ['GET', 'POST']);
    const put = await agent.request('PUT', '/api/v1/tickets/1', { body: {} });
    await expectError(put, 405, 'method_not_allowed');
    await expectError(await agent.post('/healthz', {}), 405, 'method_not_allowed');
  });

  it('a path id that is not a positive integer → 404', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999999']) {
      await expectError(await agent.get(`/api/v1/tickets/${id}`), 404, 'not_found');
    }
  });

  it('a very long URL → 431; pipelined requests are answered in order', async () => {
    const long = await agent.get(`/api/v1/tickets?q=${'a'.repeat(20000)}`);
    await expectError(long, 431, 'headers_too_large');
    const r = await raw(
      server.port,
      'GET /healthz HTTP/1.1\r\nHost: kefu\r\n\r\nGET /nope HTTP/1.1\r\nHost: kefu\r\nConnection: close\r\n\r\n',
    );
    assert.equal(r.status, 200);
    assert.match(r.text, /HTTP\/1\.1 404[\s\S]*route_not_found/);
  });

  it('garbage on the wire → 400, and the server carries on', async () => {
    const r = await raw(server.port, 'THIS IS NOT HTTP\r\n\r\n');
    assert.equal(r.status, 400, r.text);
    assert.equal(JSON.parse(r.body).error.code, 'bad_request');
    const nul = await raw(server.port, 'GET /api/v1/tickets%00 HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(nul.status, 400, nul.text);
    const health = await fetch(`${server.base}/healthz`);
    assert.equal(health.status, 200);
  });

  it('deeply nested JSON is refused without harm', async () => {
    await expectError(await post('['.repeat(200000)), 400, 'invalid_json');
    await expectError(await post('['.repeat(100000) + ']'.repeat(100000)), 400, 'invalid_json');
    const deep = `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`;
    const body = `{"store_id":${SH01},"type":"inquiry","channel":"service_desk","subject":${deep}}`;
    await expectError(await post(body), 400, 'invalid_type', 'subject');
  });

  it('English error messages on request', async () => {
    const r = await post({ ...newTicket(SH01), type: 'refund' }, { 'accept-language': 'en' });
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /unknown value for type/);
    const zh = await post({ ...newTicket(SH01), type: 'refund' });
    assert.match(zh.json.error.message, /type 的取值无效/);
  });

  it('none of the above created a ticket', async () => {
    assert.equal((await allTickets(admin)).length, before_count);
  });

  it('the boundaries themselves are accepted: a 200-character subject, a body just under 1 MiB', async () => {
    const r = await post({ ...newTicket(SH01), subject: '贵'.repeat(200), description: '详'.repeat(5000) });
    assert.equal(r.status, 201, r.text);
    assert.equal([...r.json.subject].length, 200);
    const base = JSON.stringify({ ...newTicket(SH01), subject: '差一点就超限', x_padding: '' });
    const padded = base.replace('"x_padding":""', `"x_padding":"${'p'.repeat(1024 * 1024 - Buffer.byteLength(base))}"`);
    assert.equal(Buffer.byteLength(padded), 1024 * 1024);
    const full = await post(padded);
    assert.equal(full.status, 201, full.text.slice(0, 200));
    assert.equal((await allTickets(admin)).length, before_count + 2);
  });
});

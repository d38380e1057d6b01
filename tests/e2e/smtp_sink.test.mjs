// The SMTP sink (lib/smtp_sink.mjs) spoken to with a raw node:net client. Needs no
// kefu binary.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startSmtpSink, decodeHeader } from './lib/smtp_sink.mjs';

// A line-at-a-time SMTP client: send(line) resolves with the reply { code, lines }.
async function connect(port) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buf = '';
  let lines = [];
  const pending = [];
  socket.on('data', (chunk) => {
    buf += chunk;
    let eol;
    while ((eol = buf.indexOf('\r\n')) >= 0) {
      const line = buf.slice(0, eol);
      buf = buf.slice(eol + 2);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        pending.shift()?.({ code: Number(line.slice(0, 3)), lines });
        lines = [];
      }
    }
  });
  const next = () => new Promise((resolve) => pending.push(resolve));
  const greeting = next();
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return {
    greeting,
    send(text) {
      const reply = next();
      socket.write(text + '\r\n');
      return reply;
    },
    close: () => socket.destroy(),
  };
}

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const SUBJECT = '【超时】工单 KF261122000123 已超时';
const BODY = '工单 KF261122000123 已超过首次响应时限。\r\n请尽快处理。\r\n';

// A message the way the kefu mailer writes one: encoded-word subject split in two
// words on a folded line, base64 body in 76-character lines.
function kefuStyleMessage(to) {
  const bytes = Buffer.from(SUBJECT, 'utf8');
  const words = [bytes.subarray(0, 12), bytes.subarray(12)].map((b) => `=?UTF-8?B?${b.toString('base64')}?=`);
  const body = b64(BODY).match(/.{1,76}/g).join('\r\n');
  return [
    'Date: Sun, 22 Nov 2026 08:05:09 +0000',
    `From: =?UTF-8?B?${b64('kefu 客服')}?= <kefu@store.example>`,
    `To: ${to}`,
    `Subject: ${words[0]}\r\n ${words[1]}`,
    'Message-ID: <abc@store.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

async function sendMail(client, from, rcpts, data) {
  assert.equal((await client.send(`MAIL FROM:<${from}>`)).code, 250);
  for (const r of rcpts) assert.equal((await client.send(`RCPT TO:<${r}>`)).code, 250);
  assert.equal((await client.send('DATA')).code, 354);
  return client.send(data + '\r\n.');
}

describe('smtp sink', () => {
  let sink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink?.close();
  });

  it('takes a message and decodes subject and base64 body', async () => {
    const c = await connect(sink.port);
    assert.equal((await c.greeting).code, 220);
    const ehlo = await c.send('EHLO client.test');
    assert.equal(ehlo.code, 250);
    const continued = ehlo.lines.slice(0, -1);
    assert.ok(continued.length > 0 && continued.every((l) => l.startsWith('250-')), ehlo.lines.join('|'));
    const arrived = sink.waitFor((m) => m.to.includes('chenjing@store.example'));
    const done = await sendMail(c, 'kefu@store.example', ['chenjing@store.example', 'gaoyan@store.example'],
      kefuStyleMessage('chenjing@store.example'));
    assert.equal(done.code, 250);
    assert.equal((await c.send('QUIT')).code, 221);
    c.close();

    const m = await arrived;
    assert.equal(m.from, 'kefu@store.example');
    assert.deepEqual(m.to, ['chenjing@store.example', 'gaoyan@store.example']);
    assert.equal(m.subject, SUBJECT);
    assert.equal(m.body, BODY);
    assert.equal(decodeHeader(m.headers.from), 'kefu 客服 <kefu@store.example>');
    assert.equal(m.headers['message-id'], '<abc@store.example>');
    assert.ok(m.data.endsWith('\r\n') && !m.data.endsWith('\r\n.\r\n'));
  });

  it('dot-unstuffs and keeps an 8-bit body as it came', async () => {
    const c = await connect(sink.port);
    await c.greeting;
    await c.send('HELO client.test');
    const data = 'Subject: plain\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n..leading dot\r\n中文\r\n...';
    assert.equal((await sendMail(c, 'a@b.example', ['dots@store.example'], data)).code, 250);
    c.close();
    const m = await sink.waitFor((m) => m.to.includes('dots@store.example'));
    assert.equal(m.subject, 'plain');
    assert.equal(m.body, '.leading dot\r\n中文\r\n..\r\n');
  });

  it('answers commands out of order, RSET and NOOP', async () => {
    const c = await connect(sink.port);
    await c.greeting;
    assert.equal((await c.send('EHLO x')).code, 250);
    assert.equal((await c.send('RCPT TO:<a@b.example>')).code, 503);
    assert.equal((await c.send('DATA')).code, 503);
    assert.equal((await c.send('MAIL FROM:no-brackets')).code, 501);
    assert.equal((await c.send('NOOP')).code, 250);
    assert.equal((await c.send('VRFY someone')).code, 502);
    assert.equal((await c.send('MAIL FROM:<a@b.example>')).code, 250);
    assert.equal((await c.send('RCPT TO:<reset@store.example>')).code, 250);
    assert.equal((await c.send('RSET')).code, 250);
    assert.equal((await c.send('DATA')).code, 503); // the envelope is gone
    assert.equal((await c.send('QUIT')).code, 221);
    c.close();
    assert.ok(!sink.messages.some((m) => m.to.includes('reset@store.example')));
  });

  it('serves several connections at once', async () => {
    const [a, b] = await Promise.all([connect(sink.port), connect(sink.port)]);
    await Promise.all([a.greeting, b.greeting]);
    await Promise.all([a.send('EHLO a'), b.send('EHLO b')]);
    assert.equal((await a.send('MAIL FROM:<a@client.test>')).code, 250);
    assert.equal((await b.send('MAIL FROM:<b@client.test>')).code, 250);
    assert.equal((await a.send('RCPT TO:<to-a@store.example>')).code, 250);
    assert.equal((await b.send('RCPT TO:<to-b@store.example>')).code, 250);
    assert.equal((await a.send('DATA')).code, 354);
    assert.equal((await b.send('DATA')).code, 354);
    assert.equal((await b.send('Subject: from b\r\n\r\nbody b\r\n.')).code, 250);
    assert.equal((await a.send('Subject: from a\r\n\r\nbody a\r\n.')).code, 250);
    a.close();
    b.close();
    const [ma, mb] = await Promise.all([
      sink.waitFor((m) => m.from === 'a@client.test'),
      sink.waitFor((m) => m.from === 'b@client.test'),
    ]);
    assert.deepEqual([ma.to, ma.subject, ma.body], [['to-a@store.example'], 'from a', 'body a\r\n']);
    assert.deepEqual([mb.to, mb.subject, mb.body], [['to-b@store.example'], 'from b', 'body b\r\n']);
  });

  it('waitFor rejects when nothing matches in time', async () => {
    await assert.rejects(sink.waitFor((m) => m.to.includes('nobody@store.example'), 50), /no matching message/);
  });

  it('decodes RFC 2047 B and Q words mixed with plain text', () => {
    assert.equal(decodeHeader('plain'), 'plain');
    assert.equal(decodeHeader(`=?utf-8?b?${b64('工单')}?= KF1`), '工单 KF1');
    assert.equal(decodeHeader('=?UTF-8?Q?caf=C3=A9_au_lait?='), 'café au lait');
    // A character split across two words is joined before decoding.
    const bytes = Buffer.from('超时', 'utf8');
    const [w1, w2] = [bytes.subarray(0, 2), bytes.subarray(2)].map((b) => `=?UTF-8?B?${b.toString('base64')}?=`);
    assert.equal(decodeHeader(`${w1} ${w2}`), '超时');
  });
});

// The bot in a conversation, over HTTP against the real binary with the demo knowledge base:
// small talk (寒暄), the store's hours from its business calendar, a ticket's status with the
// tracking page's checks, per-store thresholds, and generative answers from a stub
// OpenAI-compatible server on loopback (the API key kept, masked, never returned).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KefuServer, directory } from './lib/server.mjs';
import { startChat, customerSocket, eventually } from './lib/chat.mjs';

// A self-signed certificate for 127.0.0.1 (openssl, from scripts/deps.sh): { key, cert, file }.
function certificate(dir, name) {
  const key = path.join(dir, `${name}.key`), file = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', file], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(file), file };
}

// A stub of POST /v1/chat/completions (over TLS when given a key and certificate): answers from the first numbered entry it was given,
// citing it; remembers what it received.
function stubModel(tls) {
  const received = [];
  const server = (tls ? https : http).createServer(tls || {}, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ url: req.url, authorization: req.headers.authorization, body: JSON.parse(body) });
      const user = JSON.parse(body).messages.find((m) => m.role === 'user').content;
      const answer = (user.match(/\[1\] 问：.*\n答：(.*)\n/) || [])[1] || '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: `根据商场规定：${answer.slice(0, 40)} [1]` } }] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received, port: server.address().port })));
}

describe('the bot in the conversation', () => {
  let server, sup, SH01, model, settings, trusted, untrusted;

  const post = async (path, body) => {
    const r = await fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : undefined, text };
  };
  const botSaid = async (token) =>
    (await (await fetch(`${server.base}/api/v1/public/chats/${token}`)).json()).messages.filter((m) => m.sender === 'bot').map((m) => JSON.parse(m.body));
  // A new bot chat once the knowledge is built (the first message may get the wait).
  const ask = async (text) => {
    const chat = await startChat(server.base, SH01, { queue: 'parking' });
    const r = await post(`/api/v1/public/chats/${chat.token}/messages`, { client_msg_id: 'm1', body: text });
    assert.equal(r.status, 201, r.text);
    return { chat, said: (await botSaid(chat.token)).at(-1) };
  };
  const askReady = (text) => eventually(async () => {
    const got = await ask(text);
    return got.said && got.said.act !== 'wait' && got;
  }, 15000, `an answer to ${text}`, 200);
  const putSettings = async (change) => {
    const r = await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, { body: { ...settings, ...change } });
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  before(async () => {
    model = await stubModel();
    // Two model servers over https: one whose certificate the installation trusts (its CA
    // file, KEFU_BOT_CA_FILE), one it does not.
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-tls-'));
    const good = certificate(dir, 'trusted');
    trusted = await stubModel(good);
    untrusted = await stubModel(certificate(dir, 'untrusted'));
    server = await KefuServer.start({ tickets: 5, members: 5, env: { KEFU_BOT_CA_FILE: good.file } });
    SH01 = (await directory(await server.login('admin'))).storeByCode.SH01.id;
    sup = await server.login('chenjing');
    settings = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    delete settings.generative;
    settings = await putSettings({ bot_queues: ['parking'] });
    delete settings.generative;
  });
  after(async () => {
    await server?.dispose();
    model?.server.close();
    trusted?.server.close();
    untrusted?.server.close();
  });

  it('reaches a model over https, and only one whose certificate verifies', async () => {
    await putSettings({ generative: { enabled: true, base_url: `https://127.0.0.1:${trusted.port}`, model: 'tls-1', timeout_ms: 3000 } });
    const { said } = await askReady('停车场怎么收费');
    assert.equal(said.act, 'answer');
    assert.match(said.generated, /\[1\]$/, 'phrased by the model behind TLS');
    assert.equal(trusted.received.at(-1).body.model, 'tls-1');
    await putSettings({ generative: { enabled: true, base_url: `https://127.0.0.1:${untrusted.port}`, model: 'tls-2', timeout_ms: 3000 } });
    const plain = await ask('停车场怎么收费');
    assert.equal(plain.said.act, 'answer');
    assert.equal(plain.said.generated, undefined, 'a certificate nobody vouches for: the plain answer');
    assert.equal(untrusted.received.length, 0, 'nothing was sent to it');
    await putSettings({ generative: { enabled: false } });
  });

  it('answers small talk from the knowledge base, which is no failure', async () => {
    const { chat, said } = await askReady('你好！');
    assert.equal(said.act, 'smalltalk');
    assert.match(said.text, /智能客服/);
    await post(`/api/v1/public/chats/${chat.token}/messages`, { client_msg_id: 'm2', body: '谢谢' });
    const all = await botSaid(chat.token);
    assert.equal(all.at(-1).act, 'smalltalk');
    const v = await (await fetch(`${server.base}/api/v1/public/chats/${chat.token}`)).json();
    assert.equal(v.conversation.status, 'bot', 'still the bot’s');
  });

  it('tells today’s hours from the store’s business calendar, in the store’s zone', async () => {
    const { said } = await askReady('请问今天几点关门？');
    assert.equal(said.act, 'hours', JSON.stringify(said));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    assert.equal(said.today.date, today);
    assert.match(said.text, /^今天（\d+月\d+日 周.）/);
    if (!said.open_now) assert.ok(said.next_open, 'closed now: when it opens');
    const supermarket = await ask('地下超市营业到几点？');
    assert.equal(supermarket.said.act, 'answer', 'the supermarket’s own entry, not the store’s calendar');
    assert.match(supermarket.said.question, /超市/);
  });

  it('gives a ticket’s status by number, phone and code, with the tracking page’s checks', async () => {
    const r = await post('/api/v1/public/tickets', {
      store_code: 'SH01', type: 'complaint', subject: '电梯停运没有提示', description: '三号电梯停了很久没人告知。', phone: '139 1234 5678',
    });
    assert.equal(r.status, 201, r.text);
    const { number, tracking_code: code } = r.json;
    let got = await askReady(`我的工单 ${number} 处理得怎么样了`);
    assert.equal(got.said.act, 'ticket_status');
    assert.equal(got.said.found, false);
    assert.match(got.said.text, /手机号和查询码/);
    got = await ask(`${number} 13912345678 ${code}`);
    assert.equal(got.said.found, true, JSON.stringify(got.said));
    assert.equal(got.said.subject, '电梯停运没有提示');
    assert.equal(got.said.status, 'new');
    got = await ask(`${number} 13800000000 ${code}`);
    assert.equal(got.said.found, false, 'another phone: not found');
    assert.doesNotMatch(JSON.stringify(got.said), /电梯/, 'nothing of the ticket');
  });

  it('uses the store’s thresholds', async () => {
    const baseline = await askReady('停车场怎么收费');
    assert.equal(baseline.said.act, 'answer', JSON.stringify(baseline.said));
    await putSettings({ bot_answer: 0.999, bot_suggest: 0.05 });
    const strict = await ask('停车场怎么收费');
    assert.equal(strict.said.act, 'suggest', 'below the store’s answer threshold: guesses');
    let bad = await sup.request('PUT', `/api/v1/stores/${SH01}/chat-settings`, { body: { ...settings, bot_answer: 0.2, bot_suggest: 0.5 } });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.error.field, 'bot_suggest');
    await putSettings({ bot_answer: 0.6, bot_suggest: 0.3 });
  });

  it('phrases answers with the store’s model, citing the entries, and keeps the key to itself', async () => {
    const base_url = `http://127.0.0.1:${model.port}/gateway`;
    let saved = await putSettings({ generative: { enabled: true, base_url, model: 'stub-1', api_key: 'sk-e2e-secret-key-123456', timeout_ms: 3000 } });
    assert.equal(saved.generative.api_key_set, true);
    assert.equal(saved.generative.api_key_masked, '••••3456');
    assert.doesNotMatch(JSON.stringify(saved), /sk-e2e-secret/);
    const got = (await sup.get(`/api/v1/stores/${SH01}/chat-settings`)).json;
    assert.doesNotMatch(JSON.stringify(got), /sk-e2e-secret/, 'never in a GET');
    // The console sends the form without the key: it stays.
    saved = await putSettings({ generative: { enabled: true, base_url, model: 'stub-2', timeout_ms: 3000 } });
    assert.equal(saved.generative.api_key_set, true);

    const { said } = await askReady('停车场怎么收费');
    assert.equal(said.act, 'answer');
    assert.match(said.generated, /^根据商场规定：.*\[1\]$/);
    assert.deepEqual(said.cites, [said.faq_id]);
    assert.equal(said.sources[0].question, said.question);
    const call = model.received.at(-1);
    assert.equal(call.url, '/gateway/v1/chat/completions');
    assert.equal(call.authorization, 'Bearer sk-e2e-secret-key-123456');
    assert.equal(call.body.model, 'stub-2');
    assert.match(call.body.messages[0].content, /只能根据/);
    assert.match(call.body.messages[1].content, /顾客的问题：停车场怎么收费/);

    // Over the socket too: the ack comes once the phrased answer is committed.
    const chat = await startChat(server.base, SH01, { queue: 'parking' });
    const socket = await customerSocket(server.base, chat.token);
    try {
      socket.send({ type: 'send', client_msg_id: 'w1', body: '停车场怎么收费' });
      await socket.next('ack', (f) => f.client_msg_id === 'w1');
      const overSocket = (await botSaid(chat.token)).at(-1);
      assert.equal(overSocket.act, 'answer');
      assert.match(overSocket.generated, /\[1\]$/);
      const before = model.received.length;
      socket.send({ type: 'send', client_msg_id: 'w2', body: '谢谢' });
      await socket.next('ack', (f) => f.client_msg_id === 'w2');
      assert.equal((await botSaid(chat.token)).at(-1).act, 'smalltalk');
      assert.equal(model.received.length, before, 'small talk is not sent to the model');
    } finally {
      await socket.close();
    }
    const calls = model.received.length;

    // The model is gone: the plain answer, at once after the timeout.
    await putSettings({ generative: { enabled: true, base_url: 'http://127.0.0.1:1', model: 'stub-2', timeout_ms: 1000 } });
    const plain = await ask('停车场怎么收费');
    assert.equal(plain.said.act, 'answer');
    assert.equal(plain.said.generated, undefined);
    assert.equal(model.received.length, calls, 'nothing reached the stub');
    await putSettings({ generative: { enabled: false } });
  });
});

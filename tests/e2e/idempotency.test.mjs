// Idempotent creation: a retried submit (same Idempotency-Key, same body) gets the
// first answer again and never makes a second ticket.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { KefuServer, directory, allTickets, newTicket, errorCode } from './lib/server.mjs';

describe('idempotency', () => {
  let server, admin, agent, other, SH01;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    other = await server.login('liuyang');
  });
  after(async () => {
    await server?.dispose();
  });

  const count = async () => (await allTickets(admin)).length;
  const withSubject = async (subject) => (await allTickets(admin)).filter((t) => t.subject === subject);

  it('the same POST /tickets twice with one key creates one ticket and answers the same body', async () => {
    const key = randomUUID();
    const body = newTicket(SH01, { type: 'lost_found', subject: `顾客遗失黑色钱包 ${key}`, location: '3F 女装区' });
    const before = await count();

    const first = await agent.post('/api/v1/tickets', body, { headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const second = await agent.post('/api/v1/tickets', body, { headers: { 'idempotency-key': key } });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.json, first.json);
    assert.equal(second.text, first.text);

    assert.equal(await count(), before + 1);
    assert.equal((await withSubject(body.subject)).length, 1);
  });

  it('10 concurrent submits with one key create exactly one ticket, all with the same answer', async () => {
    const key = randomUUID();
    const body = newTicket(SH01, { subject: `并发提交 ${key}` });
    const before = await count();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => agent.post('/api/v1/tickets', body, { headers: { 'idempotency-key': key } })),
    );
    for (const a of answers) {
      assert.equal(a.status, 201, a.text);
      assert.equal(a.text, answers[0].text);
    }
    assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 9);
    assert.equal(await count(), before + 1);
    const found = await withSubject(body.subject);
    assert.equal(found.length, 1);
    assert.equal(found[0].id, answers[0].json.id);
  });

  it('the same key with another body is 409 idempotency_key_reused and creates nothing', async () => {
    const key = randomUUID();
    const first = await agent.post('/api/v1/tickets', newTicket(SH01, { subject: `第一次 ${key}` }), {
      headers: { 'idempotency-key': key },
    });
    assert.equal(first.status, 201);
    const before = await count();
    const reused = await agent.post('/api/v1/tickets', newTicket(SH01, { subject: `第二次 ${key}` }), {
      headers: { 'idempotency-key': key },
    });
    assert.equal(reused.status, 409);
    assert.equal(errorCode(reused), 'idempotency_key_reused');
    assert.equal(await count(), before);
    assert.equal((await withSubject(`第二次 ${key}`)).length, 0);
  });

  it('keys belong to the caller: another agent with the same key gets their own ticket', async () => {
    const key = randomUUID();
    const body = newTicket(SH01, { subject: `同一个键 ${key}` });
    const a = await agent.post('/api/v1/tickets', body, { headers: { 'idempotency-key': key } });
    const b = await other.post('/api/v1/tickets', body, { headers: { 'idempotency-key': key } });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.json.id, b.json.id);
    assert.equal(b.json.owner_id, other.me.id);
  });

  it('without a key, two submits are two tickets; a failed request does not burn the key', async () => {
    const body = newTicket(SH01, { subject: `无键 ${randomUUID()}` });
    const a = await agent.post('/api/v1/tickets', body);
    const b = await agent.post('/api/v1/tickets', body);
    assert.notEqual(a.json.id, b.json.id);

    const key = randomUUID();
    const bad = await agent.post('/api/v1/tickets', { ...body, type: 'refund' }, { headers: { 'idempotency-key': key } });
    assert.equal(bad.status, 400);
    const good = await agent.post('/api/v1/tickets', { ...body, subject: `修正后 ${key}` }, {
      headers: { 'idempotency-key': key },
    });
    assert.equal(good.status, 201, good.text);
  });

  it('an Idempotency-Key over 200 characters is refused', async () => {
    const r = await agent.post('/api/v1/tickets', newTicket(SH01), { headers: { 'idempotency-key': 'k'.repeat(201) } });
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'too_long');
  });
});

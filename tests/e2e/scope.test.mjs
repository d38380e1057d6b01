// Store scope: staff see only the stores they serve (anything else is "not found"),
// admins see all; member phone numbers are masked below supervisor.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, allTickets, newTicket, errorCode } from './lib/server.mjs';

describe('store scope', () => {
  let server, admin, agentA, agentB, supervisorA, dir, SH01, CD01;
  let ticketB;

  before(async () => {
    server = await KefuServer.start();
    admin = await server.login('admin');
    agentA = await server.login('zhangmin'); // agent, SH01
    agentB = await server.login('maxiaoyu'); // agent, CD01
    supervisorA = await server.login('chenjing'); // supervisor, SH01
    dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    const r = await agentB.post('/api/v1/tickets', newTicket(CD01, { subject: '成都店：儿童推车预约' }));
    assert.equal(r.status, 201, r.text);
    ticketB = r.json;
  });
  after(async () => {
    await server?.dispose();
  });

  it("an agent of store A gets 404 for a ticket of store B, on every ticket route", async () => {
    const own = await agentB.get(`/api/v1/tickets/${ticketB.id}`);
    assert.equal(own.status, 200);

    const get = await agentA.get(`/api/v1/tickets/${ticketB.id}`);
    assert.equal(get.status, 404);
    assert.equal(errorCode(get), 'not_found');
    // Same answer as a ticket that does not exist at all: nothing leaks.
    const missing = await agentA.get('/api/v1/tickets/99999999');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, get.json.error.code);
    assert.equal(missing.json.error.message, get.json.error.message);

    for (const [method, p, body] of [
      ['GET', `/api/v1/tickets/${ticketB.id}/timeline`],
      ['PATCH', `/api/v1/tickets/${ticketB.id}`, { subject: '改', version: ticketB.version }],
      ['POST', `/api/v1/tickets/${ticketB.id}/status`, { status: 'in_progress' }],
      ['POST', `/api/v1/tickets/${ticketB.id}/notes`, { body: '看看' }],
      ['POST', `/api/v1/tickets/${ticketB.id}/replies`, { body: '您好' }],
      ['POST', `/api/v1/tickets/${ticketB.id}/claim`],
    ]) {
      const r = await agentA.request(method, p, { body });
      assert.equal(r.status, 404, `${method} ${p}: ${r.text}`);
      assert.equal(errorCode(r), 'not_found');
    }
    // And nothing happened to it.
    const after = await agentB.get(`/api/v1/tickets/${ticketB.id}`);
    assert.deepEqual(after.json, own.json);
  });

  it("store B's tickets never show up in store A's lists or searches", async () => {
    const seenByA = await allTickets(agentA);
    assert.ok(seenByA.length > 0);
    assert.ok(seenByA.every((t) => t.store_id === SH01), 'only SH01 tickets');
    assert.ok(!seenByA.some((t) => t.id === ticketB.id));

    // Asking for store B explicitly does not widen the scope.
    const forced = await agentA.get(`/api/v1/tickets?store_id=${CD01}`);
    assert.equal(forced.status, 200);
    assert.deepEqual(forced.json.items, []);

    const search = await agentA.get(`/api/v1/tickets?q=${encodeURIComponent('儿童推车')}`);
    assert.equal(search.status, 200);
    assert.ok(!search.json.items.some((t) => t.id === ticketB.id));
  });

  it('an agent cannot create a ticket in a store they do not serve', async () => {
    const r = await agentA.post('/api/v1/tickets', newTicket(CD01));
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'unknown_reference');
    assert.equal(r.json.error.field, 'store_id');
  });

  it('admin sees the tickets of both stores', async () => {
    const all = await allTickets(admin);
    const stores = new Set(all.map((t) => t.store_id));
    assert.ok(stores.has(SH01) && stores.has(CD01));
    assert.ok(all.some((t) => t.id === ticketB.id));
    const seenByA = await allTickets(agentA);
    const seenByB = await allTickets(agentB);
    assert.equal(all.length, seenByA.length + seenByB.length);
    const get = await admin.get(`/api/v1/tickets/${ticketB.id}`);
    assert.equal(get.status, 200);
  });

  it('stores, departments and staff lists are scoped too', async () => {
    const stores = await agentA.get('/api/v1/stores');
    assert.deepEqual(
      stores.json.items.map((s) => s.code),
      ['SH01'],
    );
    const deps = await agentA.get('/api/v1/departments');
    assert.ok(deps.json.items.length > 0);
    assert.ok(deps.json.items.every((d) => d.store_id === SH01));
    const staff = await agentA.get('/api/v1/staff');
    assert.ok(!staff.json.items.some((s) => s.username === 'maxiaoyu'));
    assert.ok(staff.json.items.some((s) => s.username === 'chenjing'));
    const allStores = await admin.get('/api/v1/stores');
    assert.equal(allStores.json.items.length, 2);
  });

  it('agents see member phones masked (138****5678), supervisors in full', async () => {
    const created = await admin.post('/api/v1/members', { name: '李娜', phone: '138 1234 5678', tier: 'gold', home_store_id: SH01 });
    assert.equal(created.status, 201, created.text);
    const id = created.json.id;
    assert.equal(created.json.phone, '13812345678');

    const asAgent = await agentA.get(`/api/v1/members/${id}`);
    assert.equal(asAgent.status, 200);
    assert.equal(asAgent.json.phone, '138****5678');
    assert.equal(asAgent.json.phone_masked, true);
    assert.equal(asAgent.json.name, '李娜');

    const asSupervisor = await supervisorA.get(`/api/v1/members/${id}`);
    assert.equal(asSupervisor.status, 200);
    assert.equal(asSupervisor.json.phone, '13812345678');
    assert.equal(asSupervisor.json.phone_masked, false);

    // Looking up by phone works for an agent, and still answers masked.
    const found = await agentA.post('/api/v1/members/lookup', { phone: '13812345678' });
    assert.equal(found.status, 200);
    assert.equal(found.json.items.length, 1);
    assert.equal(found.json.items[0].id, id);
    assert.equal(found.json.items[0].phone, '138****5678');

    // Demo members too (one with a ticket in the agent's store): never a full 11-digit number.
    const demoId = (await allTickets(agentA)).find((t) => t.member_id).member_id;
    const demo = await agentA.get(`/api/v1/members/${demoId}`);
    assert.equal(demo.status, 200);
    assert.match(demo.json.phone, /^1\d{2}\*{4}\d{4}$/);
    const strings = Object.values(demo.json).filter((v) => typeof v === 'string');
    assert.ok(!strings.some((v) => /\d{11}/.test(v)), 'no full phone number in any text field');
    const demoFull = await supervisorA.get(`/api/v1/members/${demoId}`);
    assert.match(demoFull.json.phone, /^1\d{10}$/);
    assert.equal(demoFull.json.phone.slice(0, 3) + '****' + demoFull.json.phone.slice(7), demo.json.phone);
  });
});

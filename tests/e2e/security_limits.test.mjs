// Hole 6 of issue 11 (and the member-lookup throttle of hole 5): rate
// limits that an attacker cannot turn against the real user. The server trusts 127.0.0.1
// as a proxy, so X-Forwarded-For stands for different client addresses.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode, PASSWORD } from './lib/server.mjs';

const from = (address) => ({ headers: { 'X-Forwarded-For': address } });

describe('security: rate limits (hole 6, hole 5 lookup)', () => {
  let server, admin, anonymous, SH01;

  before(async () => {
    server = await KefuServer.start({ tickets: 20, members: 10, env: { KEFU_SERVER_TRUSTED_PROXIES: '127.0.0.1' } });
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    anonymous = server.client();
  });
  after(async () => {
    await server?.dispose();
  });

  const login = (username, password, address) =>
    anonymous.request('POST', '/api/v1/auth/login', { body: { username, password }, ...from(address) });

  it("an attacker's failures elsewhere do not lock the real user out of their own address", async () => {
    for (let i = 0; i < 8; i++) {
      const r = await login('zhoutingting', `wrong-${i}`, '203.0.113.7');
      assert.ok([401, 429].includes(r.status), r.text);
    }
    const attacker = await login('zhoutingting', PASSWORD, '203.0.113.7');
    assert.equal(attacker.status, 429, 'the attacking address is locked for this account');
    assert.equal(errorCode(attacker), 'login_locked');
    assert.ok(Number(attacker.headers.get('retry-after')) > 0, 'Retry-After');
    const real = await login('zhoutingting', PASSWORD, '198.51.100.20');
    assert.equal(real.status, 200, real.text);
  });

  it('an address failing on many accounts is refused before any password is checked', async () => {
    let refused;
    for (let i = 0; i < 25 && !refused; i++) {
      const r = await login(`nobody${i}`, 'x', '203.0.113.8');
      if (r.status === 429) refused = r;
    }
    assert.ok(refused, 'never refused');
    assert.equal(errorCode(refused), 'login_locked');
    const real = await login('admin', PASSWORD, '203.0.113.9');
    assert.equal(real.status, 200);
  });

  it('public submit is limited per address and per phone (429 rate_limited, Retry-After)', async () => {
    const body = (phone) => ({ store_id: SH01, type: 'suggestion', subject: '建议', description: '多设座椅', phone });
    let refused;
    for (let i = 0; i < 8 && !refused; i++) {
      const r = await anonymous.request('POST', '/api/v1/public/tickets', { body: body('13766660000'), ...from(`10.60.0.${i}`) });
      if (r.status === 429) refused = r;
      else assert.equal(r.status, 201, r.text);
    }
    assert.ok(refused, 'one phone submitting from many addresses was never limited');
    assert.equal(errorCode(refused), 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    refused = undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const r = await anonymous.request('POST', '/api/v1/public/tickets', { body: body(`1377000${1000 + i}`), ...from('10.61.0.1') });
      if (r.status === 429) refused = r;
    }
    assert.ok(refused, 'one address was never limited');
    const other = await anonymous.request('POST', '/api/v1/public/tickets', { body: body('13788889999'), ...from('10.61.0.2') });
    assert.equal(other.status, 201);
  });

  it('customer replies are limited per ticket', async () => {
    const s = await anonymous.request('POST', '/api/v1/public/tickets', {
      body: { store_id: SH01, type: 'complaint', subject: '催单', description: '很久没人理', phone: '13799990000' },
      ...from('10.62.0.1'),
    });
    let refused;
    for (let i = 0; i < 35 && !refused; i++) {
      const r = await anonymous.request('POST', `/api/v1/public/tickets/${s.json.access_token}/replies`, {
        body: { body: `第${i}次` }, ...from(`10.62.1.${i}`),
      });
      if (r.status === 429) refused = r;
      else assert.equal(r.status, 201, r.text);
    }
    assert.ok(refused, 'never limited');
    assert.equal(errorCode(refused), 'rate_limited');
  });

  it("the desk's member lookup is throttled per staff member (a masked phone is not recoverable)", async () => {
    const agent = await server.login('zhangmin');
    let refused, n = 0;
    for (let i = 0; i < 30 && !refused; i++, n++) {
      const r = await agent.request('POST', '/api/v1/members/lookup', { body: { phone: `1390000${String(i).padStart(4, '0')}` }, ...from(`10.70.0.${i}`) });
      if (r.status === 429) refused = r;
      else assert.equal(r.status, 200, r.text);
    }
    assert.ok(refused, '30 misses were never throttled');
    assert.ok(n <= 21, `throttled only after ${n} lookups`);
    assert.equal(errorCode(refused), 'rate_limited');
    // Another staff member is not affected.
    const other = await admin.post('/api/v1/members/lookup', { phone: '13900009999' });
    assert.equal(other.status, 200);
  });
});

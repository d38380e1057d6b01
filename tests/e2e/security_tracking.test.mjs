// Hole 2 of issue 11: the customer's tracking cannot be used to take over someone's tickets.
// Tracking needs the ticket's tracking code (查询码) as well as the number and phone;
// failures are throttled per number, per phone and per client address; access is a
// revocable record that ends; a desk ticket is not revealed by a member's phone alone; the
// customer routes run as a customer with no reach. The server trusts 127.0.0.1 as a proxy,
// so X-Forwarded-For stands for different client addresses.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';

const from = (address) => ({ headers: { 'X-Forwarded-For': address } });

describe('security: tracking a ticket (hole 2)', () => {
  let server, admin, agent, anonymous, SH01;

  before(async () => {
    server = await KefuServer.start({ tickets: 20, members: 10, env: { KEFU_SERVER_TRUSTED_PROXIES: '127.0.0.1' } });
    admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    anonymous = server.client();
  });
  after(async () => {
    await server?.dispose();
  });

  async function submit(phone, address = '10.20.0.1') {
    const r = await anonymous.request('POST', '/api/v1/public/tickets', {
      body: { store_id: SH01, type: 'complaint', subject: '停车收费不对', description: '多收了十元', phone },
      ...from(address),
    });
    assert.equal(r.status, 201, r.text);
    return r.json;
  }
  const track = (body, address) => anonymous.request('POST', '/api/v1/public/track', { body, ...from(address) });

  it('the confirmation carries a tracking code; number + phone alone no longer open the ticket', async () => {
    const s = await submit('13711113333');
    assert.match(s.tracking_code, /^[2-9A-HJKMNP-Z]{6}$/);
    const without = await track({ number: s.number, phone: '13711113333' }, '10.20.0.2');
    assert.equal(without.status, 400);
    assert.equal(errorCode(without), 'required');
    const wrong = await track({ number: s.number, phone: '13711113333', code: s.tracking_code === '222222' ? '333333' : '222222' }, '10.20.0.2');
    assert.equal(wrong.status, 404);
    const right = await track({ number: s.number, phone: '137 1111 3333', code: s.tracking_code.toLowerCase() }, '10.20.0.2');
    assert.equal(right.status, 200, right.text);
    const view = await anonymous.get(`/api/v1/public/tickets/${right.json.access_token}`);
    assert.equal(view.status, 200);
    assert.equal(view.json.tracking_code, s.tracking_code);
    assert.ok(view.json.expires_at - Date.now() <= 7 * 24 * 3600 * 1000 + 60000, 'access lasts a week, not 30 days');
  });

  it('one phone tried against every number is throttled, from any address', async () => {
    // The attack of the issue: sequential numbers, one known phone, rotating addresses.
    const s = await submit('13722224444');
    const base = Number(s.number.slice(-6));
    let refused;
    for (let i = 1; i <= 12; i++) {
      const number = s.number.slice(0, -6) + String(base - i).padStart(6, '0');
      const r = await track({ number, phone: '13722224444', code: 'ABCDEF' }, `10.30.0.${i}`);
      if (r.status === 429) {
        refused = r;
        break;
      }
      assert.equal(r.status, 404);
    }
    assert.ok(refused, 'never throttled');
    assert.equal(errorCode(refused), 'too_many_attempts');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    // The phone stays throttled for the right guess too, until the block is over.
    const right = await track({ number: s.number, phone: '13722224444', code: s.tracking_code }, '10.30.1.1');
    assert.equal(right.status, 429);
  });

  it('one address trying many numbers and phones is throttled', async () => {
    let refused;
    for (let i = 0; i < 25 && !refused; i++) {
      const r = await track({ number: `KF2601010${String(i).padStart(5, '0')}`, phone: `1360000${String(1000 + i)}`, code: 'ABCDEF' }, '10.40.0.1');
      if (r.status === 429) refused = r;
    }
    assert.ok(refused, 'never throttled');
    assert.equal(errorCode(refused), 'too_many_attempts');
    // Another customer elsewhere still tracks.
    const s = await submit('13733335555', '10.40.0.9');
    const ok = await track({ number: s.number, phone: '13733335555', code: s.tracking_code }, '10.40.0.2');
    assert.equal(ok.status, 200);
  });

  it("a member's phone does not reveal a desk ticket without the code the desk gives", async () => {
    const m = await admin.post('/api/v1/members', { name: '跟踪会员', phone: '13744446666', home_store_id: SH01 });
    assert.equal(m.status, 201, m.text);
    const t = await agent.post('/api/v1/tickets', {
      store_id: SH01, type: 'inquiry', channel: 'service_desk', subject: '发票', description: '内部说明', member_id: m.json.id,
    });
    assert.equal(t.status, 201, t.text);
    const guess = await track({ number: t.json.number, phone: '13744446666', code: 'ABCDEF' }, '10.50.0.1');
    assert.equal(guess.status, 404);
    const slip = await agent.post(`/api/v1/tickets/${t.json.id}/tracking-slip`, {});
    assert.equal(slip.status, 200, slip.text);
    assert.ok(slip.json.text_zh.includes(slip.json.tracking_code) && slip.json.text_zh.includes(t.json.number));
    const ok = await track({ number: t.json.number, phone: '13744446666', code: slip.json.tracking_code }, '10.50.0.1');
    assert.equal(ok.status, 200, ok.text);
  });

  it('staff revoke the access; the customer page then answers 410 link_expired', async () => {
    const s = await submit('13755557777');
    assert.equal((await anonymous.get(`/api/v1/public/tickets/${s.access_token}`)).status, 200);
    const tickets = await admin.get(`/api/v1/tickets?q=${encodeURIComponent(s.number)}`);
    const id = (tickets.json.items || tickets.json).find((x) => x.number === s.number)?.id;
    assert.ok(id, 'ticket found');
    const r = await admin.post(`/api/v1/tickets/${id}/customer-access/revoke`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.revoked, 1);
    const after = await anonymous.get(`/api/v1/public/tickets/${s.access_token}`);
    assert.equal(after.status, 410);
    assert.equal(errorCode(after), 'link_expired');
  });
});

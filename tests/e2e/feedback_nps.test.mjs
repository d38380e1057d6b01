// NPS (净推荐值) over HTTP, as a store uses it: a manager starts a campaign for resolved
// tickets; agents resolve members' tickets and each member is invited once (the 90-day cap
// holds for a second ticket); staff issue links; customers answer on the public route;
// the report's score and interval are the ones computed here by hand from the answers; a
// detractor's reason becomes a feedback item whose topic the report groups by, and a
// detractor opens a service-recovery ticket. Another store sees none of it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, Client, directory, newTicket, errorCode } from './lib/server.mjs';

// The adjusted-Wald interval of feedback/domain/nps.hpp, by hand: 3 pseudo-answers
// (¾ promoter, 1½ passive, ¾ detractor), z = 1.959964.
function byHand(scores) {
  const n = scores.length;
  const P = scores.filter((s) => s >= 9).length;
  const D = scores.filter((s) => s <= 6).length;
  const n1 = n + 3;
  const p = (P + 0.75) / n1;
  const q = (D + 0.75) / n1;
  const half = 1.959964 * Math.sqrt((p + q - (p - q) ** 2) / n1) * 100;
  const centre = (p - q) * 100;
  return { nps: ((P - D) / n) * 100, low: Math.max(-100, centre - half), high: Math.min(100, centre + half), P, D };
}

describe('NPS campaigns', () => {
  let server, admin, manager, agent, otherSupervisor, SH01, CD01, campaign;
  const members = [];
  const anon = () => new Client(server.base);

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    manager = await server.login('wangli');
    agent = await server.login('zhangmin');
    otherSupervisor = await server.login('gaoyan');
    for (let i = 0; i < 8; i++) {
      const phone = `1365555${String(1000 + i)}`;
      const r = await admin.post('/api/v1/members', { name: `调查顾客${i}`, phone, home_store_id: SH01 });
      assert.equal(r.status, 201, r.text);
      members.push(r.json.id);
    }
  });
  after(async () => {
    await server?.dispose();
  });

  // A member's ticket, created and resolved by the agent: its id.
  const resolvedFor = async (memberId) => {
    let r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject: '结账排队太久', member_id: memberId }));
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    r = await agent.post(`/api/v1/tickets/${id}/status`, { status: 'resolved', note: '已致歉' });
    assert.equal(r.status, 200, r.text);
    return id;
  };
  const invitations = async (query = '') => {
    const r = await manager.get(`/api/v1/feedback/nps/invitations?campaign_id=${campaign.id}${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };

  it('only a manager of every store named starts a campaign; purchase waits for purchase data', async () => {
    const body = { name: '办结回访 NPS', store_ids: [SH01], trigger: 'resolved_ticket', sample_rate: 1, cap_days: 90 };
    assert.equal((await agent.post('/api/v1/feedback/nps/campaigns', body)).status, 403);
    assert.equal((await manager.post('/api/v1/feedback/nps/campaigns', { ...body, store_ids: [SH01, CD01] })).status, 404);
    assert.equal(errorCode(await manager.post('/api/v1/feedback/nps/campaigns', { ...body, trigger: 'purchase' })), 'invalid_field');
    const r = await manager.post('/api/v1/feedback/nps/campaigns', body);
    assert.equal(r.status, 201, r.text);
    campaign = r.json;
    assert.equal(campaign.question, '您有多大可能向朋友推荐{store}？');
    assert.equal(campaign.sample_rate, 1);
    assert.equal((await otherSupervisor.get(`/api/v1/feedback/nps/campaigns/${campaign.id}`)).status, 404);
    assert.deepEqual((await otherSupervisor.get('/api/v1/feedback/nps/campaigns')).json.items, []);
  });

  it('resolving a member’s ticket invites them once; the cap holds for their next ticket', async () => {
    const tickets = [];
    for (const m of members) tickets.push(await resolvedFor(m));
    let got = await invitations();
    assert.equal(got.length, members.length);
    assert.deepEqual(new Set(got.map((v) => v.ticket_id)), new Set(tickets));
    assert.ok(got.every((v) => v.link_expires_at === null && v.answered_at === null));
    const timeline = (await agent.get(`/api/v1/tickets/${tickets[0]}/timeline`)).json;
    assert.ok(JSON.stringify(timeline).includes('nps_invited'), 'the ticket says its customer was invited');
    await resolvedFor(members[0]);
    got = await invitations();
    assert.equal(got.length, members.length, 'asked today: no second invitation within 90 days');
  });

  it('customers answer through their links once; the report is the score and interval computed by hand', async () => {
    const scores = [10, 9, 9, 10, 8, 7, 3, 5]; // 4 promoters, 2 passives, 2 detractors
    const reasons = { 3: '结账排队等了二十分钟', 5: '停车场找不到车位' };
    const all = (await invitations()).sort((a, b) => a.id - b.id);
    const links = [];
    for (const v of all) {
      const r = await agent.post(`/api/v1/feedback/nps/invitations/${v.id}/link`, {});
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.path, `/m/nps/${r.json.token}`);
      links.push(r.json.token);
    }
    // The last one stays unanswered: 8 sent, 7 answered.
    const answered = scores.slice(0, 7);
    for (let i = 0; i < answered.length; i++) {
      const c = anon();
      let r = await c.get(`/api/v1/public/nps/${links[i]}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.question, `您有多大可能向朋友推荐${r.json.store_name}？`);
      assert.ok(r.json.store_name.length > 0);
      assert.equal(r.json.answered, false);
      r = await c.post(`/api/v1/public/nps/${links[i]}`, { score: answered[i], reason: reasons[answered[i]] ?? '' });
      assert.equal(r.status, 201, r.text);
    }
    let r = await anon().post(`/api/v1/public/nps/${links[0]}`, { score: 0 });
    assert.equal(errorCode(r), 'nps_answered');
    assert.equal((await anon().get(`/api/v1/public/nps/${links[0]}`)).json.answered, true);
    assert.equal(errorCode(await anon().post(`/api/v1/public/nps/${links[7]}`, { score: 11 })), 'invalid_field');
    assert.equal((await anon().get(`/api/v1/public/nps/${'x'.repeat(43)}`)).status, 403);
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/nps/invitations/${all[0].id}/link`, {})), 'nps_answered');

    const now = Date.now();
    r = await manager.get(`/api/v1/feedback/nps?store_id=${SH01}&from=${now - 86400000}&to=${now + 60000}&campaign_id=${campaign.id}`);
    assert.equal(r.status, 200, r.text);
    const hand = byHand(answered);
    const o = r.json.overall;
    assert.equal(o.promoters, 4);
    assert.equal(o.passives, 2);
    assert.equal(o.detractors, 1);
    assert.equal(o.invited, 8);
    assert.equal(o.sent, 8, 'every invitation got its link');
    assert.equal(o.answered, 7);
    assert.ok(Math.abs(o.response_rate - 7 / 8) < 1e-9);
    assert.ok(Math.abs(o.nps - hand.nps) < 1e-9, `${o.nps} vs ${hand.nps}`);
    assert.ok(Math.abs(o.low - hand.low) < 1e-3, `${o.low} vs ${hand.low}`);
    assert.ok(Math.abs(o.high - hand.high) < 1e-3, `${o.high} vs ${hand.high}`);
    assert.equal(o.trusted, false, '7 answers are far from ±10 points');
    assert.ok(o.minimum_sample > 7);
    assert.equal(r.json.by_store.length, 1);
    assert.equal(r.json.by_store[0].store_id, SH01);
    assert.equal(r.json.by_period.length, 1);
    // Another store's manager: not found; a tier nobody has: nothing.
    assert.equal((await otherSupervisor.get(`/api/v1/feedback/nps?store_id=${SH01}&from=${now - 86400000}&to=${now}`)).status, 404);
    r = await manager.get(`/api/v1/feedback/nps?store_id=${SH01}&from=${now - 86400000}&to=${now + 60000}&tier=diamond`);
    assert.equal(r.json.overall.sent, 0);
  });

  it('a detractor’s reason is a feedback item grouped by its topic, and opens one recovery ticket', async () => {
    const detractors = await invitations('&category=detractor&answered=true');
    assert.equal(detractors.length, 1);
    const d = detractors[0];
    assert.equal(d.score, 3);
    assert.ok(d.feedback_item_id);
    let r = await manager.get(`/api/v1/feedback/items/${d.feedback_item_id}`);
    assert.equal(r.json.source, 'nps');
    assert.equal(r.json.text, '结账排队等了二十分钟');
    assert.equal(r.json.rating, null);
    r = await manager.post(`/api/v1/feedback/items/${d.feedback_item_id}/labels`, { topic: 'queueing', sentiment: 'negative' });
    assert.equal(r.status, 200, r.text);
    const now = Date.now();
    r = await manager.get(`/api/v1/feedback/nps?store_id=${SH01}&from=${now - 86400000}&to=${now + 60000}`);
    assert.deepEqual(r.json.reasons.find((t) => t.topic === 'queueing'), { topic: 'queueing', promoters: 0, detractors: 1 });

    r = await agent.post(`/api/v1/feedback/nps/invitations/${d.id}/recovery`, {});
    assert.equal(r.status, 201, r.text);
    const ticketId = r.json.ticket_id;
    const t = (await agent.get(`/api/v1/tickets/${ticketId}`)).json;
    assert.equal(t.type, 'complaint');
    assert.equal(t.member_id, d.member_id);
    assert.match(t.description, /结账排队等了二十分钟/);
    r = await agent.post(`/api/v1/feedback/nps/invitations/${d.id}/recovery`, {});
    assert.equal(r.json.ticket_id, ticketId, 'the same ticket again');
    assert.equal((await invitations('&category=detractor'))[0].recovery_ticket_id, ticketId);
    const promoter = (await invitations('&category=promoter'))[0];
    assert.equal(errorCode(await agent.post(`/api/v1/feedback/nps/invitations/${promoter.id}/recovery`, {})), 'not_detractor');
    assert.equal((await otherSupervisor.post(`/api/v1/feedback/nps/invitations/${d.id}/recovery`, {})).status, 404);
  });
});

// Real answers against docs/openapi.yaml: one server with the demo data, plus what the
// GET routes need to show something (tickets with a reply, a note, a task, a photo,
// resolutions pending, approved and rejected, notifications, a CSAT rating, a callback,
// a customer's ticket with replies and a photo). Every documented GET route is called and
// its JSON body validated against the schema the document declares for that route and
// status (refs resolved by swagger-parser, OpenAPI 3.0 `nullable` honoured: see
// lib/openapi.mjs for why ajv); non-JSON answers must have a documented content type. The
// writes that set the data up, a few error answers and the live stream's notification
// events are checked the same way. A mismatch is a bug in the server or in the document.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket } from './lib/server.mjs';
import { openStream } from './lib/sse.mjs';
import { ResponseChecker, dereferencedDocument } from './lib/openapi.mjs';
import { eventually } from './lib/chat.mjs';
import { multipart } from './lib/form.mjs';

// A 1×1 red PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4IScHAAK2AQU0pnWqAAAAAElFTkSuQmCC',
  'base64',
);
const HOUR = 3600 * 1000;

// '/api/v1/tickets/{id}' + { id: 7 } → '/api/v1/tickets/7'
function fill(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (_, k) => {
    if (params[k] === undefined) throw new Error(`${template}: no value for {${k}}`);
    return encodeURIComponent(String(params[k]));
  });
}

describe('real responses match docs/openapi.yaml', () => {
  let server, checker, doc;
  let admin, agent, supervisor, manager, anonymous;
  const data = {}; // what the setup made, for the GET cases
  const writeProblems = []; // "POST /x 201: …" for every non-conforming setup answer

  // Calls a route, checks the answer against the document, and returns it. `expect` is
  // the status the call must have (setup only goes on with what it expects).
  async function call(client, method, template, { params, query = '', body, headers, expect } = {}) {
    const res = await client.request(method, fill(template, params) + query, { body, headers });
    if (expect !== undefined && res.status !== expect) {
      throw new Error(`${method} ${template}${query}: ${res.status} (expected ${expect}) ${res.text.slice(0, 400)}`);
    }
    if (method !== 'GET') {
      for (const p of checker.problems(method, template, res)) writeProblems.push(`${method} ${template} ${res.status}: ${p}`);
    }
    return res;
  }

  before(async () => {
    doc = await dereferencedDocument();
    checker = new ResponseChecker(doc);
    server = await KefuServer.start({ tickets: 60, members: 20 });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    manager = await server.login('wangli');
    anonymous = server.client();
    const dir = await directory(admin);
    const SH01 = dir.storeByCode.SH01.id;
    data.SH01 = SH01;
    const security = dir.dept('SH01', 'security');
    const ticket = async (fields) =>
      (await call(agent, 'POST', '/api/v1/tickets', { body: newTicket(SH01, fields), expect: 201 })).json;

    // A member (found by phone afterwards).
    const phone = '13900001234';
    data.member = (
      await call(agent, 'POST', '/api/v1/members', {
        body: { name: '王芳', phone, tier: 'gold', care_flags: ['elderly'], birthday: '1958-03-02', home_store_id: SH01 },
        expect: 201,
      })
    ).json;
    data.memberPhone = phone;

    // The main ticket: a reply, a note, a task (then in progress), a photo, an edit.
    const t = await ticket({ type: 'complaint', subject: '停车场收费与告示不符', member_id: data.member.id, location: 'B2 停车场' });
    data.ticket = t;
    await call(agent, 'POST', '/api/v1/tickets/{id}/replies', { params: { id: t.id }, body: { body: '您好，我们已核实收费记录。' }, expect: 201 });
    await call(agent, 'POST', '/api/v1/tickets/{id}/notes', { params: { id: t.id }, body: { body: '需保安部调取监控' }, expect: 201 });
    const task = await call(agent, 'POST', '/api/v1/tickets/{id}/tasks', {
      params: { id: t.id },
      body: { department_id: security.id, description: '请调取 B2 停车场 15:00-16:00 监控', due_at: Date.now() + 4 * HOUR },
      expect: 201,
    });
    await call(agent, 'PATCH', '/api/v1/tasks/{id}', { params: { id: task.json.id }, body: { status: 'in_progress' }, expect: 200 });
    data.attachment = (
      await call(agent, 'POST', '/api/v1/tickets/{id}/attachments', {
        params: { id: t.id },
        query: '?filename=receipt.png',
        body: PNG,
        headers: { 'content-type': 'image/png' },
        expect: 201,
      })
    ).json;
    const current = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    await call(agent, 'PATCH', '/api/v1/tickets/{id}', {
      params: { id: t.id },
      body: { version: current.version, category: '停车收费' },
      expect: 200,
    });

    // An online ticket: unowned, then claimed and handed over.
    const online = await ticket({ channel: 'app', subject: 'APP 积分未到账' });
    await call(supervisor, 'POST', '/api/v1/tickets/{id}/claim', { params: { id: online.id }, expect: 200 });
    await call(supervisor, 'POST', '/api/v1/tickets/{id}/handover', {
      params: { id: online.id },
      body: { to_staff_id: agent.me.id, reason: '交班，转早班跟进' },
      expect: 200,
    });

    // Resolutions: one within the agent's limit (applied, ticket resolved), one left
    // pending, one approved and one rejected by the supervisor.
    const applied = await ticket({ type: 'complaint', subject: '导购态度生硬' });
    await call(agent, 'POST', '/api/v1/tickets/{id}/resolutions', {
      params: { id: applied.id },
      body: { kind: 'apology', description: '店长当面向顾客致歉' },
      expect: 201,
    });
    data.applied = applied;
    const pending = await ticket({ type: 'complaint', subject: '羽绒服洗后起球' });
    await call(agent, 'POST', '/api/v1/tickets/{id}/resolutions', {
      params: { id: pending.id },
      body: { kind: 'compensation', compensation: 'coupon', amount_cents: 50000, description: '赠送 500 元购物券' },
      expect: 202,
    });
    data.pending = pending;
    for (const [decision, body] of [
      ['approve', { reason: '同意' }],
      ['reject', { reason: '金额过高，请改为积分补偿' }],
    ]) {
      const x = await ticket({ type: 'complaint', subject: `退款申请（${decision}）` });
      const r = await call(agent, 'POST', '/api/v1/tickets/{id}/resolutions', {
        params: { id: x.id },
        body: { kind: 'refund', amount_cents: 30000, description: '退还货款' },
        expect: 202,
      });
      await call(supervisor, 'POST', `/api/v1/resolutions/{id}/${decision}`, {
        params: { id: r.json.resolution.id },
        body,
        expect: 200,
      });
      data[decision] = x;
    }

    // CSAT on the applied (resolved) ticket: the survey seen before and after rating.
    const link = await call(agent, 'POST', '/api/v1/tickets/{id}/csat-link', { params: { id: applied.id }, body: {}, expect: 201 });
    data.csatToken = link.json.token;
    const unrated = await anonymous.get(`/api/v1/public/csat/${link.json.token}`);
    data.csatUnrated = unrated;
    await call(anonymous, 'POST', '/api/v1/public/csat/{token}', { params: { token: link.json.token }, body: { rating: 2, comment: '等太久了' }, expect: 201 });

    // A resolved ticket whose callback could not be made: due and listed.
    const cb = await ticket({ subject: '寄存柜钥匙丢失' });
    await call(agent, 'POST', '/api/v1/tickets/{id}/status', { params: { id: cb.id }, body: { status: 'resolved' }, expect: 200 });
    await call(agent, 'POST', '/api/v1/tickets/{id}/callback', { params: { id: cb.id }, body: { outcome: 'unreachable', note: '无人接听' }, expect: 200 });

    // The customer's side: submit, track, reply, a photo; the desk answers.
    const submitted = await call(anonymous, 'POST', '/api/v1/public/tickets', {
      body: { store_code: 'SH01', type: 'suggestion', subject: '希望增加母婴室', description: '三楼没有母婴室', phone: '13711112222', name: '刘女士' },
      expect: 201,
    });
    const tracked = await call(anonymous, 'POST', '/api/v1/public/track', {
      body: { number: submitted.json.number, phone: '13711112222', code: submitted.json.tracking_code },
      expect: 200,
    });
    data.publicToken = tracked.json.access_token;
    data.publicNumber = submitted.json.number;
    data.publicCode = submitted.json.tracking_code;
    data.publicPhoto = (
      await call(anonymous, 'POST', '/api/v1/public/tickets/{token}/attachments', {
        params: { token: data.publicToken },
        query: '?filename=room.png',
        body: PNG,
        headers: { 'content-type': 'image/png' },
        expect: 201,
      })
    ).json;
    const staffView = (await agent.get(`/api/v1/tickets?q=${submitted.json.number}`)).json.items[0];
    data.publicTicketId = staffView.id;
    await call(supervisor, 'POST', '/api/v1/tickets/{id}/claim', { params: { id: staffView.id }, expect: 200 });
    await call(supervisor, 'POST', '/api/v1/tickets/{id}/replies', { params: { id: staffView.id }, body: { body: '感谢建议，已转物业评估。' }, expect: 201 });
    await call(anonymous, 'POST', '/api/v1/public/tickets/{token}/replies', { params: { token: data.publicToken }, body: { body: '谢谢' }, expect: 201 });

    // Notifications: mark one read so that both read_at shapes occur.
    const mine = (await agent.get('/api/v1/notifications')).json.items;
    if (mine.length) await call(agent, 'POST', '/api/v1/notifications/{id}/read', { params: { id: mine[mine.length - 1].id }, expect: 200 });
  });
  after(async () => {
    await server?.dispose();
  });

  // Asserts that a GET answers `status` and conforms; returns the answer.
  async function conforms(client, template, { params, query = '', status = 200 } = {}) {
    const res = await client.get(fill(template, params) + query);
    assert.equal(res.status, status, `GET ${template}${query}: ${res.text.slice(0, 400)}`);
    assert.deepEqual(checker.problems('GET', template, res), [], `GET ${fill(template, params)}${query} ${res.status}`);
    return res;
  }

  it('the writes that set the data up answer as documented', () => {
    assert.deepEqual(writeProblems, []);
  });

  describe('ops, meta and auth', () => {
    it('GET / (text/html), /healthz, /metrics (text/plain)', async () => {
      await conforms(anonymous, '/');
      await conforms(anonymous, '/healthz');
      await conforms(anonymous, '/metrics');
    });
    it('GET /api/v1/meta/vocabulary', async () => {
      const r = await conforms(agent, '/api/v1/meta/vocabulary');
      assert.ok(r.json.statuses.length > 0);
    });
    it('GET /api/v1/auth/me and /auth/session, signed in and not', async () => {
      await conforms(agent, '/api/v1/auth/me');
      const r = await conforms(agent, '/api/v1/auth/session');
      assert.equal(r.json.authenticated, true);
      const anon = await conforms(anonymous, '/api/v1/auth/session');
      assert.equal(anon.json.authenticated, false);
    });
    it('GET /api/v1/auth/sessions and /api/v1/api-tokens; a revocation answers the token', async () => {
      const mine = await conforms(agent, '/api/v1/auth/sessions');
      assert.ok(mine.json.items.some((s) => s.current));
      const me = (await admin.get('/api/v1/auth/me')).json.id;
      await call(admin, 'POST', '/api/v1/api-tokens', { body: { name: 'openapi', staff_id: me, scopes: ['tickets:read'] }, expect: 201 });
      const tokens = await conforms(admin, '/api/v1/api-tokens');
      const id = tokens.json.items.find((t) => t.name === 'openapi').id;
      await call(admin, 'POST', '/api/v1/api-tokens/{id}/revoke', { params: { id }, expect: 200 });
      assert.deepEqual(writeProblems, []);
    });
  });

  describe('org and members', () => {
    for (const p of ['/api/v1/stores', '/api/v1/departments', '/api/v1/staff']) {
      it(`GET ${p}`, async () => {
        const r = await conforms(admin, p);
        assert.ok(r.json.items.length > 0);
      });
    }
    it('POST /api/v1/members/lookup (agent: masked, no sensitive data) and /members/{id} (supervisor: full)', async () => {
      const r = await call(agent, 'POST', '/api/v1/members/lookup', { body: { phone: data.memberPhone }, expect: 200 });
      assert.deepEqual(writeProblems, []);
      assert.equal(r.json.items.length, 1);
      assert.equal(r.json.items[0].phone_masked, true);
      assert.equal(r.json.items[0].sensitive_hidden, true);
      const one = await conforms(supervisor, '/api/v1/members/{id}', { params: { id: data.member.id } });
      assert.equal(one.json.phone_masked, false);
      assert.deepEqual(one.json.care_flags, ['elderly']);
    });
    it('GET /api/v1/members/{id}/overview (agent: masked), /value and /reports/value-at-risk (supervisor)', async () => {
      const o = await conforms(agent, '/api/v1/members/{id}/overview', { params: { id: data.member.id } });
      assert.equal(o.json.member.phone_masked, true);
      assert.ok(o.json.tickets.some((t) => t.id === data.ticket.id));
      assert.equal(o.json.purchases.months.length, 12);
      const v = await conforms(agent, '/api/v1/members/{id}/value', { params: { id: data.member.id } });
      assert.ok(v.json.reasons.some((r) => r.code === 'open_complaint'));
      const r = await conforms(supervisor, '/api/v1/reports/value-at-risk');
      assert.ok(r.json.members.some((m) => m.member.id === data.member.id));
    });
    it('the member core: search, identities, merges and their preview, history, tiers, points, tags, consent', async () => {
      const id = data.member.id;
      await call(agent, 'POST', '/api/v1/members/{id}/identities', { params: { id }, body: { kind: 'card', value: 'C0012345' }, expect: 201 });
      await call(agent, 'PUT', '/api/v1/members/{id}/tags', { params: { id }, body: { tags: ['VIP'] }, expect: 200 });
      await call(agent, 'POST', '/api/v1/members/{id}/consents', { params: { id }, body: { channel: 'sms', granted: true, source: 'desk' }, expect: 201 });
      const other = (await call(agent, 'POST', '/api/v1/members', { body: { name: '王芳', phone: '13900004321', home_store_id: data.SH01 }, expect: 201 })).json;
      const found = await conforms(agent, '/api/v1/members', { query: '?name=%E7%8E%8B&limit=1' });
      assert.equal(found.json.items.length, 1);
      await conforms(agent, '/api/v1/members', { query: '?tag=VIP&tier=gold' });
      const ids = await conforms(agent, '/api/v1/members/{id}/identities', { params: { id } });
      assert.equal(ids.json.items[1].masked, true);
      await conforms(supervisor, '/api/v1/members/{id}/merge-preview', { params: { id }, query: `?other_id=${other.id}` });
      const merge = await call(supervisor, 'POST', '/api/v1/members/{id}/merge', { params: { id }, body: { other_id: other.id }, expect: 200 });
      const merged = await conforms(agent, '/api/v1/members/{id}', { params: { id: other.id } });
      assert.equal(merged.json.merged_from, other.id);
      await conforms(agent, '/api/v1/members/{id}/merges', { params: { id } });
      await call(supervisor, 'POST', '/api/v1/members/{id}/unmerge', { params: { id }, body: { merge_id: merge.json.id }, expect: 200 });
      await conforms(agent, '/api/v1/members/{id}/history', { params: { id } });
      await conforms(agent, '/api/v1/members/tier-rules');
      await conforms(agent, '/api/v1/members/{id}/points', { params: { id } });
      await conforms(agent, '/api/v1/members/points/rewards');
      await conforms(agent, '/api/v1/members/{id}/tags', { params: { id } });
      await conforms(agent, '/api/v1/members/{id}/consents', { params: { id } });
      assert.deepEqual(writeProblems, []);
    });
  });

  describe('tickets', () => {
    it('GET /api/v1/tickets: a page with a cursor, a search, the last page', async () => {
      const r = await conforms(agent, '/api/v1/tickets', { query: '?limit=3' });
      assert.equal(r.json.items.length, 3);
      assert.ok(r.json.next_cursor);
      await conforms(agent, '/api/v1/tickets', { query: `?limit=3&cursor=${encodeURIComponent(r.json.next_cursor)}` });
      await conforms(agent, '/api/v1/tickets', { query: `?q=${encodeURIComponent('停车')}&status=new,in_progress&owner_id=me` });
      const all = await conforms(admin, '/api/v1/tickets', { query: '?limit=200' });
      assert.equal(all.json.next_cursor, null);
    });
    it('GET /api/v1/tickets/{id} (owned, online, resolved, closed…)', async () => {
      for (const t of [data.ticket, data.applied, data.pending, data.approve, data.reject]) {
        await conforms(supervisor, '/api/v1/tickets/{id}', { params: { id: t.id } });
      }
    });
    it('GET /api/v1/tickets/{id}/timeline of the main ticket and of 40 demo tickets', async () => {
      const r = await conforms(agent, '/api/v1/tickets/{id}/timeline', { params: { id: data.ticket.id } });
      assert.ok(r.json.tasks.length >= 1 && r.json.attachments.length >= 1);
      const kinds = new Set(r.json.events.map((e) => e.kind));
      for (const k of ['created', 'reply', 'note', 'task_created', 'attachment', 'updated']) assert.ok(kinds.has(k), k);
      const demo = (await admin.get('/api/v1/tickets?limit=40&sort=created_at')).json.items;
      for (const t of [...demo, data.applied, data.approve, data.reject]) {
        await conforms(admin, '/api/v1/tickets/{id}/timeline', { params: { id: t.id } });
      }
    });
    it('GET /api/v1/tickets/{id}/audit', async () => {
      const r = await conforms(supervisor, '/api/v1/tickets/{id}/audit', { params: { id: data.ticket.id } });
      assert.ok(r.json.items.length >= 3);
    });
    it('GET /api/v1/attachments/{id} (the image bytes)', async () => {
      const r = await conforms(agent, '/api/v1/attachments/{id}', { params: { id: data.attachment.id } });
      assert.equal(r.headers.get('content-type'), 'image/png');
      assert.deepEqual(r.buf, PNG);
    });
  });

  describe('sla', () => {
    it('GET /api/v1/sla/policies (with the retired ones too)', async () => {
      const r = await conforms(agent, '/api/v1/sla/policies');
      assert.ok(r.json.items.length > 0);
      await conforms(agent, '/api/v1/sla/policies', { query: '?include_retired=true' });
    });
    it('GET /api/v1/tickets/{id}/sla (running, fulfilled and callback clocks)', async () => {
      for (const t of [data.ticket, data.applied]) {
        const r = await conforms(agent, '/api/v1/tickets/{id}/sla', { params: { id: t.id } });
        assert.ok(r.json.clocks.length > 0);
      }
    });
    it('GET /api/v1/stores/{id}/calendar and /calendar/deadline', async () => {
      await conforms(agent, '/api/v1/stores/{id}/calendar', { params: { id: data.SH01 } });
      await conforms(agent, '/api/v1/stores/{id}/calendar/deadline', { params: { id: data.SH01 }, query: '?minutes=90' });
    });
    it('GET /api/v1/reports/sla as JSON (two groupings) and as CSV', async () => {
      const range = `?from=${Date.now() - 30 * 24 * HOUR}&to=${Date.now() + HOUR}`;
      const r = await conforms(supervisor, '/api/v1/reports/sla', { query: range });
      assert.ok(r.json.rows.length > 0);
      await conforms(supervisor, '/api/v1/reports/sla', { query: `${range}&group_by=day&store_id=${data.SH01}` });
      const csv = await conforms(supervisor, '/api/v1/reports/sla', { query: `${range}&format=csv` });
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
    });
  });

  describe('remedies (resolutions)', () => {
    it('GET /api/v1/tickets/{id}/resolutions (applied, pending, approved, rejected)', async () => {
      for (const t of [data.applied, data.pending, data.approve, data.reject]) {
        const r = await conforms(agent, '/api/v1/tickets/{id}/resolutions', { params: { id: t.id } });
        assert.equal(r.json.items.length, 1);
      }
    });
    it('GET /api/v1/approvals (the supervisor has one waiting)', async () => {
      const r = await conforms(supervisor, '/api/v1/approvals');
      assert.ok(r.json.items.length >= 1);
    });
    it('GET /api/v1/authority-limits', async () => {
      await conforms(agent, '/api/v1/authority-limits');
    });
  });

  describe('notifications', () => {
    it('GET /api/v1/notifications (approval requests and decisions, read and unread)', async () => {
      const sup = await conforms(supervisor, '/api/v1/notifications');
      assert.ok(sup.json.items.length >= 1);
      const mine = await conforms(agent, '/api/v1/notifications', { query: '?limit=20' });
      assert.ok(mine.json.items.some((n) => n.read_at !== null), 'one read');
      await conforms(agent, '/api/v1/notifications', { query: '?unread=true' });
    });
    it('GET /api/v1/notifications/stream: text/event-stream, and its notification events are Notifications', async () => {
      const stream = await openStream(server.base, supervisor.token, { after: 0 });
      try {
        const res = { status: stream.status, headers: new Headers({ 'content-type': stream.contentType || '' }), text: '' };
        assert.equal(stream.status, 200);
        assert.deepEqual(checker.problems('GET', '/api/v1/notifications/stream', res), []);
        const ev = await stream.waitFor((e) => e.event === 'notification', 10000, 'a replayed notification');
        const validate = checker.validator(doc.components.schemas.Notification);
        assert.ok(validate(ev.data), JSON.stringify(validate.errors));
      } finally {
        stream.close();
      }
    });
  });

  describe('callbacks and CSAT', () => {
    it('GET /api/v1/callbacks (a due callback is listed)', async () => {
      const r = await conforms(agent, '/api/v1/callbacks');
      assert.ok(r.json.items.length >= 1);
      await conforms(agent, '/api/v1/callbacks', { query: `?due_before=${Date.now() + 30 * 24 * HOUR}&limit=5` });
    });
    it('GET /api/v1/public/csat/{token} before and after the rating', async () => {
      assert.equal(data.csatUnrated.status, 200);
      assert.deepEqual(checker.problems('GET', '/api/v1/public/csat/{token}', data.csatUnrated), []);
      assert.equal(data.csatUnrated.json.rating, null);
      const r = await conforms(anonymous, '/api/v1/public/csat/{token}', { params: { token: data.csatToken } });
      assert.equal(r.json.rated, true);
    });
  });

  describe('chat: canned replies and settings', () => {
    it('GET /api/v1/chat/canned and /api/v1/stores/{id}/chat-settings', async () => {
      const entry = { store_id: data.SH01, shortcut: '营业时间', title: '营业时间', body: '本店营业时间 10:00–22:00' };
      const made = (await call(supervisor, 'POST', '/api/v1/chat/canned', { body: entry, expect: 201 })).json;
      await call(supervisor, 'POST', '/api/v1/chat/canned', { body: entry, expect: 409 });
      await call(agent, 'POST', '/api/v1/chat/canned', { body: { shortcut: 'hello', title: '问候', body: '您好' }, expect: 201 });
      await call(supervisor, 'PUT', '/api/v1/chat/canned/{id}', {
        params: { id: made.id }, body: { ...entry, body: '本店营业时间 10:00–21:30' }, expect: 200,
      });
      const r = await conforms(agent, '/api/v1/chat/canned', { query: `?store_id=${data.SH01}` });
      const shortcuts = r.json.items.map((i) => i.shortcut);
      assert.ok(shortcuts.includes('hello') && shortcuts.includes('营业时间'), shortcuts.join());
      assert.ok(r.json.items.length > 2, 'with the demo store’s own set');
      await conforms(agent, '/api/v1/chat/canned', { query: `?q=${encodeURIComponent('21:30')}` });
      await call(supervisor, 'DELETE', '/api/v1/chat/canned/{id}', { params: { id: made.id }, expect: 200 });

      await conforms(agent, '/api/v1/stores/{id}/chat-settings', { params: { id: data.SH01 } });
      const settings = { idle_end_minutes: 20, first_reply_seconds: 45, reply_gap_seconds: 120, welcome: '您好，欢迎光临', offline_text: '' };
      await call(supervisor, 'PUT', '/api/v1/stores/{id}/chat-settings', { params: { id: data.SH01 }, body: settings, expect: 200 });
      const after = await conforms(agent, '/api/v1/stores/{id}/chat-settings', { params: { id: data.SH01 } });
      assert.equal(after.json.idle_end_minutes, 20);
    });
  });

  describe('knowledge base', () => {
    it('GET /api/v1/kb/entries, /entries/{id}, /versions, categories, synonyms, small talk and the export', async () => {
      const made = (
        await call(admin, 'POST', '/api/v1/kb/entries', {
          body: { external_id: 'oa-1', question: '羽绒服能干洗吗', similar: ['羽绒服怎么洗'], answer: '请按**洗标**处理', valid_to: Date.now() + 86400000 },
          expect: 201,
        })
      ).json;
      await call(admin, 'POST', '/api/v1/kb/entries', { body: { external_id: 'oa-1', question: 'x', answer: 'y' }, expect: 409 });
      await call(admin, 'POST', '/api/v1/kb/entries/{id}/publish', { params: { id: made.id }, expect: 200 });
      await call(admin, 'PUT', '/api/v1/kb/entries/{id}', { params: { id: made.id }, body: { question: '羽绒服能干洗吗', answer: '请手洗' }, expect: 200 });
      await call(supervisor, 'PUT', '/api/v1/kb/variants', { body: { entry_id: made.id, store_id: data.SH01, answer: '本店可代洗' }, expect: 200 });
      const one = await conforms(agent, '/api/v1/kb/entries/{id}', { params: { id: made.id } });
      assert.equal(one.json.draft.answer, '请手洗');
      const list = await conforms(agent, '/api/v1/kb/entries', { query: '?limit=5' });
      assert.equal(list.json.items.length, 5);
      await conforms(agent, '/api/v1/kb/entries', { query: `?q=${encodeURIComponent('走失')}&audience=internal` });
      await conforms(agent, '/api/v1/kb/entries/{id}/versions', { params: { id: made.id } });
      await conforms(agent, '/api/v1/kb/entries/{id}', { params: { id: 999999 }, status: 404 });
      await conforms(agent, '/api/v1/kb/categories');
      await conforms(agent, '/api/v1/kb/synonyms');
      await conforms(agent, '/api/v1/kb/small-talk');
      await conforms(agent, '/api/v1/kb/export', { query: '?format=csv' });
      await conforms(agent, '/api/v1/kb/export', { query: '?format=jsonl' });
      const report = await call(admin, 'POST', '/api/v1/kb/import', { body: { format: 'jsonl', text: '{"external_id":"oa-2"}' }, expect: 200 });
      assert.equal(report.json.rejected.length, 1);
    });

    it('POST /api/v1/kb/match, GET /api/v1/kb/signals, /paraphrases and /learning', async () => {
      const found = await call(agent, 'POST', '/api/v1/kb/match', { body: { question: '停车怎么收费', store_id: data.SH01 }, expect: 200 });
      assert.ok(found.json.items.length > 0, 'the demo knows parking');
      await call(agent, 'POST', '/api/v1/kb/match', { body: { question: '', top_k: 3 }, expect: 400 });
      await call(agent, 'POST', '/api/v1/kb/signals', {
        body: { query: '车停一天要多少钱', faq_id: found.json.items[0].faq_id, source: 'agent_pick' },
        expect: 201,
      });
      await call(admin, 'POST', '/api/v1/kb/paraphrases', {
        body: { format: 'csv', text: 'a,b,same\n停车费怎么算,停车怎么收钱,1\n发票怎么开,停车怎么收钱,0\n' },
        expect: 200,
      });
      const signals = await conforms(admin, '/api/v1/kb/signals', { query: '?limit=5' });
      assert.equal(signals.json.items[0].created_by.id > 0, true);
      await conforms(admin, '/api/v1/kb/signals', { query: '?source=clicked&revoked=false' });
      const pairs = await conforms(admin, '/api/v1/kb/paraphrases', { query: '?limit=1' });
      assert.equal(pairs.json.next_before, pairs.json.items[0].id);
      await conforms(admin, '/api/v1/kb/learning');
      await conforms(agent, '/api/v1/kb/learning', { status: 403 });
      await conforms(admin, '/api/v1/kb/duplicates');
      const ready = await eventually(async () => {
        const r = await conforms(admin, '/api/v1/kb/duplicates', { query: '?min_score=0.5' });
        return r.json.status === 'ready' ? r : undefined;
      }, 20000, 'the duplicate search', 200);
      assert.ok(ready.json.items.every((d) => d.score >= 0.5));
      await conforms(admin, '/api/v1/kb/duplicates', { query: '?min_score=2', status: 400 });
    });
  });

  describe('bot operations', () => {
    it('GET /api/v1/bot/report and /api/v1/bot/unanswered (after a chat the bot could not answer)', async () => {
      const settings = (await call(supervisor, 'GET', '/api/v1/stores/{id}/chat-settings', { params: { id: data.SH01 }, expect: 200 })).json;
      await call(supervisor, 'PUT', '/api/v1/stores/{id}/chat-settings', {
        params: { id: data.SH01 }, body: { ...settings, bot_queues: ['parking'] }, expect: 200,
      });
      const chat = (await call(anonymous, 'POST', '/api/v1/public/chats', { body: { store_id: data.SH01, queue: 'parking' }, expect: 201 })).json;
      await call(anonymous, 'POST', '/api/v1/public/chats/{token}/messages', {
        params: { token: chat.token }, body: { client_msg_id: 'oa1', body: '你们卖不卖天文望远镜' }, expect: 201,
      });
      const report = await conforms(supervisor, '/api/v1/bot/report', { query: `?store_id=${data.SH01}` });
      assert.equal(report.json.total.bot_conversations, 1);
      await conforms(admin, '/api/v1/bot/report', { query: `?from=${Date.now() - 24 * HOUR}&to=${Date.now() + HOUR}` });
      const list = await conforms(supervisor, '/api/v1/bot/unanswered');
      assert.equal(list.json.clusters[0].key, '你们卖不卖天文望远镜');
      await conforms(supervisor, '/api/v1/bot/report', { query: '?store_id=999999', status: 404 });
      await call(admin, 'POST', '/api/v1/bot/unanswered/dismiss', { body: { questions: ['你们卖不卖天文望远镜'] }, expect: 200 });
      await call(admin, 'POST', '/api/v1/bot/unanswered/resolve', {
        body: { questions: ['望远镜'], question: '卖望远镜吗', answer: '本店不售' }, expect: 200,
      });
    });
  });

  describe('feedback', () => {
    it('GET /api/v1/feedback/items, /items/{id}, /topics, /places, /places/{id}', async () => {
      const place = (await call(supervisor, 'POST', '/api/v1/feedback/places', {
        body: { store_id: data.SH01, name: 'B2 停车场', touchpoint: 'parking' }, expect: 201,
      })).json;
      await conforms(supervisor, '/api/v1/feedback/places');
      await conforms(supervisor, '/api/v1/feedback/places', { query: `?store_id=${data.SH01}` });
      await conforms(supervisor, '/api/v1/feedback/places/{id}', { params: { id: place.id } });
      await conforms(supervisor, '/api/v1/feedback/places/{id}', { params: { id: 999999 }, status: 404 });
      const item = (await call(agent, 'POST', '/api/v1/feedback/items', {
        body: { place_id: place.id, text: '停车场灯太暗，找不到车', rating: 2, contact_phone: '13800001111' }, expect: 201,
      })).json;
      const one = await conforms(agent, '/api/v1/feedback/items/{id}', { params: { id: item.id } });
      assert.equal(one.json.touchpoint, 'parking');
      assert.match(one.json.contact_phone, /\*/, 'agents see the phone masked');
      const list = await conforms(supervisor, '/api/v1/feedback/items', { query: `?store_id=${data.SH01}&limit=1` });
      assert.equal(list.json.items[0].contact_phone, '13800001111');
      await conforms(supervisor, '/api/v1/feedback/items', { query: '?sentiment=neutral', status: 400 });
      await conforms(agent, '/api/v1/feedback/topics');
    });
    it('intake: GET /public/feedback/places/{code}, /items/{id}/photos(/{n}), /places/{id}/poster.pdf|png', async () => {
      const place = (await call(supervisor, 'POST', '/api/v1/feedback/places', {
        body: { store_id: data.SH01, name: '一楼总服务台', touchpoint: 'service_desk' }, expect: 201,
      })).json;
      const r = await conforms(anonymous, '/api/v1/public/feedback/places/{code}', { params: { code: place.code } });
      assert.equal(r.json.place_name, '一楼总服务台');
      await conforms(anonymous, '/api/v1/public/feedback/places/{code}', { params: { code: 'no-such-code' }, status: 404 });
      const form = multipart({ place_code: place.code, text: '服务台的阿姨很耐心', rating: 5 }, [{ name: 'a.png', type: 'image/png', data: PNG }]);
      await call(anonymous, 'POST', '/api/v1/public/feedback', { ...form, expect: 201 });
      await call(anonymous, 'POST', '/api/v1/public/feedback', { body: { place_code: place.code, text: '' }, expect: 400 });
      const item = (await agent.get(`/api/v1/feedback/items?source=form&place_id=${place.id}`)).json.items[0];
      const photos = await conforms(agent, '/api/v1/feedback/items/{id}/photos', { params: { id: item.id } });
      assert.equal(photos.json.items.length, 1);
      await conforms(agent, '/api/v1/feedback/items/{id}/photos/{n}', { params: { id: item.id, n: 1 } });
      await conforms(agent, '/api/v1/feedback/items/{id}/photos/{n}', { params: { id: item.id, n: 2 }, status: 404 });
      await conforms(agent, '/api/v1/feedback/places/{id}/poster.pdf', { params: { id: place.id } });
      await conforms(agent, '/api/v1/feedback/places/{id}/poster.png', { params: { id: place.id }, query: '?base=https://kefu.example.com' });
      await conforms(agent, '/api/v1/feedback/places/{id}/poster.png', { params: { id: place.id }, query: '?base=ftp://x', status: 400 });
    });

    it('GET /api/v1/feedback/import-mappings', async () => {
      await call(supervisor, 'PUT', '/api/v1/feedback/import-mappings', {
        body: { source_name: '大众点评', text_column: '评价内容', time_column: '评价时间', store_id: data.SH01 }, expect: 200,
      });
      const r = await conforms(agent, '/api/v1/feedback/import-mappings');
      assert.ok(r.json.items.some((m) => m.source_name === '大众点评' && m.rating_column === ''));
    });

    it('GET /api/v1/feedback/models, /examples, /review (the classifier)', async () => {
      for (let i = 0; i < 100 && !(await call(supervisor, 'GET', '/api/v1/feedback/models')).json.in_use_id; i++)
        await new Promise((ok) => setTimeout(ok, 100));
      await call(supervisor, 'POST', '/api/v1/feedback/examples', {
        body: { format: 'jsonl', text: '{"text":"停车场出口太堵","topic":"parking","sentiment":"negative"}' }, expect: 200,
      });
      await call(supervisor, 'POST', '/api/v1/feedback/models', { expect: 201 });
      const models = await conforms(supervisor, '/api/v1/feedback/models');
      assert.ok(models.json.items[0].baseline, 'the second version was compared with the first');
      await conforms(supervisor, '/api/v1/feedback/examples', { query: '?origin=import' });
      await conforms(supervisor, '/api/v1/feedback/examples', { query: '?limit=2' });
      const queue = await conforms(agent, '/api/v1/feedback/review', { query: `?store_id=${data.SH01}` });
      assert.ok(queue.json.items.length > 0);
    });

    it('GET /api/v1/feedback/hot and /api/v1/feedback/journey', async () => {
      const board = await conforms(supervisor, '/api/v1/feedback/hot');
      assert.match(board.json.day, /^\d{4}-\d{2}-\d{2}$/);
      await conforms(admin, '/api/v1/feedback/hot', { query: `?store_id=${data.SH01}&day=2026-03-10` });
      await conforms(supervisor, '/api/v1/feedback/hot', { query: '?day=yesterday', status: 400 });
      await conforms(supervisor, '/api/v1/feedback/hot', { query: '?store_id=999999', status: 404 });
      const journey = await conforms(supervisor, '/api/v1/feedback/journey', { query: `?store_id=${data.SH01}` });
      assert.equal(journey.json.stages.length, 8);
      await conforms(supervisor, '/api/v1/feedback/journey', { query: `?from=${Date.now()}&to=${Date.now() - HOUR}`, status: 400 });
    });
  });

  describe('feedback: NPS', () => {
    it('GET /api/v1/feedback/nps, /nps/campaigns, /nps/campaigns/{id}, /nps/invitations, /public/nps/{token}', async () => {
      const campaign = (await call(manager, 'POST', '/api/v1/feedback/nps/campaigns', {
        body: { name: '办结回访', store_ids: [data.SH01], cap_days: 0 }, expect: 201,
      })).json;
      const members = (await call(admin, 'POST', '/api/v1/members', {
        body: { name: '调查顾客', phone: '13655550001', home_store_id: data.SH01 }, expect: 201,
      })).json;
      const t = (await call(agent, 'POST', '/api/v1/tickets', {
        body: { store_id: data.SH01, type: 'complaint', channel: 'service_desk', subject: '排队', member_id: members.id }, expect: 201,
      })).json;
      await call(agent, 'POST', '/api/v1/tickets/{id}/status', { params: { id: t.id }, body: { status: 'resolved' }, expect: 200 });
      await conforms(agent, '/api/v1/feedback/nps/campaigns');
      await conforms(agent, '/api/v1/feedback/nps/campaigns/{id}', { params: { id: campaign.id } });
      await conforms(agent, '/api/v1/feedback/nps/campaigns/{id}', { params: { id: 999999 }, status: 404 });
      const list = await conforms(supervisor, '/api/v1/feedback/nps/invitations', { query: `?campaign_id=${campaign.id}` });
      const inv = list.json.items[0];
      const link = (await call(agent, 'POST', '/api/v1/feedback/nps/invitations/{id}/link', { params: { id: inv.id }, expect: 201 })).json;
      await conforms(anonymous, '/api/v1/public/nps/{token}', { params: { token: link.token } });
      await conforms(anonymous, '/api/v1/public/nps/{token}', { params: { token: 'x'.repeat(43) }, status: 403 });
      await call(anonymous, 'POST', '/api/v1/public/nps/{token}', { params: { token: link.token }, body: { score: 4, reason: '排队太久' }, expect: 201 });
      await conforms(agent, '/api/v1/feedback/nps/invitations', { query: '?category=detractor&answered=true' });
      const from = Date.now() - 24 * HOUR;
      const report = await conforms(manager, '/api/v1/feedback/nps', { query: `?store_id=${data.SH01}&from=${from}&to=${Date.now() + HOUR}&period=week` });
      assert.equal(report.json.overall.detractors, 1);
      await conforms(manager, '/api/v1/feedback/nps', { query: `?from=${from}`, status: 400 });
    });
  });

  describe('feedback actions', () => {
    it('GET /api/v1/feedback/actions, /actions/board, /actions/{id}, /actions/{id}/photos/{photo}', async () => {
      const item = (await call(agent, 'POST', '/api/v1/feedback/items', {
        body: { store_id: data.SH01, text: '停车场出口排队太久', touchpoint: 'parking' }, expect: 201,
      })).json;
      const action = (await call(supervisor, 'POST', '/api/v1/feedback/actions', {
        body: { store_id: data.SH01, title: '出口加开一道闸', topic: 'parking', item_ids: [item.id], window_days: 14 }, expect: 201,
      })).json;
      const photo = (await call(supervisor, 'POST', '/api/v1/feedback/actions/{id}/photos', {
        params: { id: action.id }, query: '?filename=gate.png', body: PNG, headers: { 'content-type': 'image/png' }, expect: 201,
      })).json;
      await call(supervisor, 'POST', '/api/v1/feedback/actions/{id}/updates', {
        params: { id: action.id }, body: { note: '新道闸已安装', photo_ids: [photo.id] }, expect: 201,
      });
      await call(supervisor, 'POST', '/api/v1/feedback/actions/{id}/done', { params: { id: action.id }, body: {}, expect: 200 });
      await call(supervisor, 'POST', '/api/v1/feedback/actions/{id}/verify', { params: { id: action.id }, body: {}, expect: 200 });
      await call(manager, 'POST', '/api/v1/feedback/actions/{id}/tell', { params: { id: action.id }, body: {}, expect: 200 });
      const one = await conforms(agent, '/api/v1/feedback/actions/{id}', { params: { id: action.id } });
      assert.ok(one.json.verdict, 'verified once: a verdict with its figures');
      assert.equal(one.json.updates.find((u) => u.kind === 'note').photos[0].id, photo.id);
      await conforms(agent, '/api/v1/feedback/actions/{id}', { params: { id: 999999 }, status: 404 });
      await conforms(agent, '/api/v1/feedback/actions/{id}/photos/{photo}', { params: { id: action.id, photo: photo.id } });
      await conforms(agent, '/api/v1/feedback/actions', { query: `?store_id=${data.SH01}&state=done` });
      await conforms(agent, '/api/v1/feedback/actions', { query: '?overdue=true&limit=5' });
      await conforms(agent, '/api/v1/feedback/actions', { query: '?state=closed', status: 400 });
      await conforms(agent, '/api/v1/feedback/actions/board');
      await conforms(supervisor, '/api/v1/feedback/actions/board', { query: `?store_id=${data.SH01}` });
    });
  });

  describe('privacy', () => {
    it('GET /api/v1/privacy/exports/{token} (once), /requests, /requests/{id}, /retention, /audit', async () => {
      const link = (await call(supervisor, 'POST', '/api/v1/privacy/exports', { body: { member_id: data.member.id }, expect: 201 })).json;
      const zip = await conforms(supervisor, '/api/v1/privacy/exports/{token}', { params: { token: link.token } });
      assert.equal(zip.headers.get('content-type'), 'application/zip');
      await conforms(supervisor, '/api/v1/privacy/exports/{token}', { params: { token: link.token }, status: 410 });
      const req = (await call(supervisor, 'POST', '/api/v1/privacy/requests', {
        body: { member_id: data.member.id, reason: '顾客来电要求删除' }, expect: 201,
      })).json;
      const pending = await conforms(supervisor, '/api/v1/privacy/requests/{id}', { params: { id: req.id } });
      assert.ok(pending.json.pending.total > 0);
      await call(manager, 'POST', '/api/v1/privacy/requests/{id}/refuse', { params: { id: req.id }, body: { note: '身份未核实' }, expect: 200 });
      const refused = await conforms(supervisor, '/api/v1/privacy/requests/{id}', { params: { id: req.id } });
      assert.equal(refused.json.pending, null);
      await conforms(supervisor, '/api/v1/privacy/requests/{id}', { params: { id: 999999 }, status: 404 });
      await conforms(supervisor, '/api/v1/privacy/requests', { query: '?state=refused' });
      await conforms(admin, '/api/v1/privacy/retention');
      await conforms(admin, '/api/v1/privacy/audit', { query: '?limit=20' });
    });
  });

  describe('purchases', () => {
    it('GET /api/v1/purchases, /purchases/{id}', async () => {
      const receipt = `OA-${Date.now()}`;
      const sale = (await call(supervisor, 'POST', '/api/v1/purchases', {
        body: {
          store_id: data.SH01, receipt_no: receipt, sold_at: Date.now() - HOUR, order_discount_fen: 5000, promotion: '满300减50',
          lines: [
            { name: '羊毛大衣', brand: '江南布衣', category: 'clothing', quantity: 1, unit_price_fen: 20000 },
            { name: '围巾', category: 'clothing', quantity: 2, unit_price_fen: 5000 },
          ],
        },
        expect: 201,
      })).json;
      await call(supervisor, 'POST', '/api/v1/purchases', {
        body: {
          store_id: data.SH01, receipt_no: `${receipt}-RT`, sold_at: Date.now(),
          lines: [{ name: '围巾', category: 'clothing', quantity: -1, unit_price_fen: 5000, original_receipt_no: receipt, original_line_no: 2 }],
        },
        expect: 201,
      });
      const one = await conforms(agent, '/api/v1/purchases/{id}', { params: { id: sale.id } });
      assert.equal(one.json.lines[1].returned_units, 1);
      await conforms(agent, '/api/v1/purchases/{id}', { params: { id: 999999 }, status: 404 });
      const page = await conforms(agent, '/api/v1/purchases', { query: `?receipt_no=${receipt}` });
      assert.equal(page.json.items[0].paid_fen, 25000);
      await conforms(agent, '/api/v1/purchases', { query: `?store_id=${data.SH01}&limit=1` });
      await conforms(agent, '/api/v1/purchases', { query: '?cursor=nonsense', status: 400 });
    });

    it('GET /api/v1/purchases/import-mappings', async () => {
      await call(supervisor, 'PUT', '/api/v1/purchases/import-mappings', {
        body: {
          source_name: '海信收银', store_id: data.SH01,
          columns: { receipt_no: '小票号', sold_at: '销售时间', name: '品名', unit_price: '单价' },
          categories: { 女装: 'clothing' },
        },
        expect: 200,
      });
      const r = await conforms(supervisor, '/api/v1/purchases/import-mappings');
      assert.ok(r.json.items.some((m) => m.source_name === '海信收银' && m.categories['女装'] === 'clothing'));
      await conforms(agent, '/api/v1/purchases/import-mappings', { status: 403 });
    });
  });

  describe('reports', () => {
    it('GET /api/v1/reports/dashboard (the caller’s stores and one store)', async () => {
      await conforms(supervisor, '/api/v1/reports/dashboard');
      await conforms(admin, '/api/v1/reports/dashboard', { query: `?store_id=${data.SH01}&from=${Date.now() - 24 * HOUR}` });
    });
    it('GET /api/v1/reports/live (the caller’s stores, one store; agents are refused)', async () => {
      const r = await conforms(supervisor, '/api/v1/reports/live');
      assert.ok(r.json.contacts.total >= 0);
      await conforms(admin, '/api/v1/reports/live', { query: `?store_id=${data.SH01}` });
      await conforms(agent, '/api/v1/reports/live', { status: 403 });
    });
    it('GET /api/v1/reports/metrics (totals, by staff with drill-downs, by week) and /heatmap', async () => {
      await conforms(supervisor, '/api/v1/reports/metrics');
      await conforms(admin, '/api/v1/reports/metrics', { query: `?store_id=${data.SH01}&by=staff` });
      await conforms(admin, '/api/v1/reports/metrics', { query: '?by=week&from=2026-01-01&to=2026-03-31' });
      await conforms(supervisor, '/api/v1/reports/metrics', { query: '?by=colour', status: 400 });
      await conforms(agent, '/api/v1/reports/metrics', { status: 403 });
      const r = await conforms(supervisor, '/api/v1/reports/heatmap');
      assert.equal(r.json.cells.length, 168);
    });
  });

  describe('public tickets (the customer’s page)', () => {
    it('GET /api/v1/public/stores', async () => {
      const r = await conforms(anonymous, '/api/v1/public/stores');
      assert.ok(r.json.items.length > 0);
    });
    it('GET /api/v1/public/tickets/{token} (replies both ways and a photo)', async () => {
      const r = await conforms(anonymous, '/api/v1/public/tickets/{token}', { params: { token: data.publicToken } });
      assert.deepEqual(new Set(r.json.events.map((e) => e.from)), new Set(['service', 'customer']));
      assert.equal(r.json.photos.length, 1);
    });
    it('GET /api/v1/public/tickets/{token}/attachments/{id} (the photo bytes)', async () => {
      const r = await conforms(anonymous, '/api/v1/public/tickets/{token}/attachments/{id}', {
        params: { token: data.publicToken, id: data.publicPhoto.id },
      });
      assert.deepEqual(r.buf, PNG);
    });
  });

  describe('live chat', () => {
    const chat = {}; // what the chat cases need
    const chatWrites = []; // "POST /x 201: …" for the chat setup's writes

    before(async () => {
      const { staffHandshake, customerSocket } = await import('./lib/chat.mjs');
      chat.staffHandshake = staffHandshake;
      chat.customerSocket = customerSocket;
      const post = async (client, template, { method = 'POST', params, query = '', body, headers, expect }) => {
        const res = await client.request(method, fill(template, params) + query, { body, headers });
        if (res.status !== expect) throw new Error(`${method} ${template}: ${res.status} (expected ${expect}) ${res.text.slice(0, 400)}`);
        for (const p of checker.problems(method, template, res)) chatWrites.push(`${method} ${template} ${res.status}: ${p}`);
        return res.json;
      };
      const staffId = async (started) =>
        (await supervisor.get(`/api/v1/chat/conversations?store_id=${data.SH01}&limit=200`)).json.items
          .filter((c) => c.created_at === started.conversation.created_at)
          .sort((x, y) => y.id - x.id)[0].id;

      // One waiting (nobody online), then the agent online takes it: messages both ways,
      // a whisper, a photo from each side, a ticket; one more waits; one ended and rated.
      chat.waitingFirst = await post(anonymous, '/api/v1/public/chats', { body: { store_id: data.SH01, name: '陈女士' }, expect: 201 });
      await post(supervisor, '/api/v1/staff/{id}/chat', {
        method: 'PUT',
        params: { id: agent.me.id },
        body: { capacity: 1, queues: [] },
        expect: 200,
      });
      await post(agent, '/api/v1/chat/presence', { body: { presence: 'online' }, expect: 200 });
      const live = chat.waitingFirst;
      chat.token = live.token;
      chat.id = await staffId(live);
      await post(anonymous, '/api/v1/public/chats/{token}/messages', {
        params: { token: live.token },
        body: { client_msg_id: 'c-1', body: '请问会员积分怎么兑换？' },
        expect: 201,
      });
      await post(agent, '/api/v1/chat/conversations/{id}/messages', {
        params: { id: chat.id },
        body: { client_msg_id: 'a-1', body: '您好，可在服务台兑换。' },
        expect: 201,
      });
      await post(agent, '/api/v1/chat/conversations/{id}/messages', {
        params: { id: chat.id },
        body: { client_msg_id: 'w-1', body: '金卡会员', whisper: true },
        expect: 201,
      });
      const photo = { query: '?filename=card.png', body: PNG, headers: { 'content-type': 'image/png' }, expect: 201 };
      chat.customerPhoto = (await post(anonymous, '/api/v1/public/chats/{token}/photos', { params: { token: live.token }, ...photo })).message;
      chat.staffPhoto = (await post(agent, '/api/v1/chat/conversations/{id}/photos', { params: { id: chat.id }, ...photo })).message;
      await post(anonymous, '/api/v1/public/chats/{token}/read', { params: { token: live.token }, body: { seq: 2 }, expect: 200 });
      await post(agent, '/api/v1/chat/conversations/{id}/read', { params: { id: chat.id }, body: { seq: 3 }, expect: 200 });
      await post(agent, '/api/v1/chat/conversations/{id}/ticket', { params: { id: chat.id }, body: { type: 'inquiry' }, expect: 201 });
      chat.waiting = await post(anonymous, '/api/v1/public/chats', { body: { store_id: data.SH01, queue: 'members' }, expect: 201 });
      chat.waitingId = await staffId(chat.waiting);

      const done = await post(anonymous, '/api/v1/public/chats', { body: { store_id: data.SH01 }, expect: 201 });
      chat.doneId = await staffId(done);
      await post(supervisor, '/api/v1/chat/conversations/{id}/end', { params: { id: chat.doneId }, expect: 200 });
      await post(anonymous, '/api/v1/public/chats/{token}/rating', { params: { token: done.token }, body: { rating: 4, comment: '回复很快' }, expect: 200 });
      chat.done = done;
    });
    after(async () => {
      await agent.post('/api/v1/chat/presence', { presence: 'offline' });
    });

    it('the chat writes answer as documented', () => {
      assert.deepEqual(chatWrites, []);
    });
    it('GET /api/v1/public/chats/{token} (assigned with a photo and a hidden whisper, queued, ended and rated)', async () => {
      const r = await conforms(anonymous, '/api/v1/public/chats/{token}', { params: { token: chat.token } });
      assert.equal(r.json.conversation.status, 'assigned');
      assert.ok(r.json.messages.some((m) => m.kind === 'photo'));
      await conforms(anonymous, '/api/v1/public/chats/{token}', { params: { token: chat.token }, query: '?after=3' });
      const queued = await conforms(anonymous, '/api/v1/public/chats/{token}', { params: { token: chat.waiting.token } });
      assert.equal(queued.json.queue.position, 1);
      const rated = await conforms(anonymous, '/api/v1/public/chats/{token}', { params: { token: chat.done.token } });
      assert.equal(rated.json.conversation.rating, 4);
      await conforms(anonymous, '/api/v1/public/chats/{token}', { params: { token: 'kfc_forgedforgedforged' }, status: 403 });
    });
    it('GET /api/v1/public/chats/{token}/photos/{id} (the bytes)', async () => {
      for (const m of [chat.customerPhoto, chat.staffPhoto]) {
        const r = await conforms(anonymous, '/api/v1/public/chats/{token}/photos/{id}', {
          params: { token: chat.token, id: m.attachment_id },
        });
        assert.deepEqual(r.buf, PNG);
      }
    });
    it('GET /api/v1/chat/me (online with a chat; never set up)', async () => {
      const r = await conforms(agent, '/api/v1/chat/me');
      assert.equal(r.json.presence, 'online');
      assert.equal(r.json.active, 1);
      await conforms(manager, '/api/v1/chat/me');
    });
    it('GET /api/v1/chat/conversations (open, queued, ended, mine, a page before)', async () => {
      const r = await conforms(supervisor, '/api/v1/chat/conversations');
      assert.ok(r.json.items.length >= 3);
      await conforms(agent, '/api/v1/chat/conversations', { query: '?status=open&mine=1' });
      await conforms(agent, '/api/v1/chat/conversations', { query: `?store_id=${data.SH01}&status=queued` });
      await conforms(supervisor, '/api/v1/chat/conversations', { query: '?status=ended&limit=1' });
      await conforms(admin, '/api/v1/chat/conversations', { query: `?before=${Date.now()}&limit=5` });
    });
    it('GET /api/v1/chat/conversations/{id} (assigned with a ticket, queued, ended and rated)', async () => {
      const r = await conforms(agent, '/api/v1/chat/conversations/{id}', { params: { id: chat.id } });
      assert.ok(r.json.conversation.ticket_id);
      assert.ok(r.json.messages.some((m) => m.kind === 'whisper'));
      await conforms(agent, '/api/v1/chat/conversations/{id}', { params: { id: chat.waitingId }, query: '?after=1' });
      await conforms(supervisor, '/api/v1/chat/conversations/{id}', { params: { id: chat.doneId } });
      await conforms(agent, '/api/v1/chat/conversations/{id}', { params: { id: 999999999 }, status: 404 });
    });
    it('GET /api/v1/chat/conversations/{id}/photos/{photo} (the bytes)', async () => {
      const r = await conforms(agent, '/api/v1/chat/conversations/{id}/photos/{photo}', {
        params: { id: chat.id, photo: chat.customerPhoto.attachment_id },
      });
      assert.deepEqual(r.buf, PNG);
    });
    it('GET /api/v1/chat/monitor (a store with an agent online and a waiting chat; an agent is refused)', async () => {
      const r = await conforms(supervisor, '/api/v1/chat/monitor', { query: `?store_id=${data.SH01}` });
      assert.ok(r.json.agents.some((a) => a.staff_id === agent.me.id && a.presence === 'online'));
      assert.ok(r.json.queues.some((q) => q.queue === 'members' && q.waiting === 1));
      await conforms(agent, '/api/v1/chat/monitor', { query: `?store_id=${data.SH01}`, status: 403 });
    });
    it('GET /api/v1/chat/report (the period of the chats above: some served, replies timed)', async () => {
      const r = await conforms(supervisor, '/api/v1/chat/report', { query: `?store_id=${data.SH01}` });
      assert.ok(r.json.conversations >= 1);
      assert.ok(r.json.served >= 1, JSON.stringify(r.json));
      assert.equal(r.json.queues.length, 4);
      await conforms(agent, '/api/v1/chat/report', { query: `?store_id=${data.SH01}`, status: 403 });
    });
    it('GET the two sockets: 101 for a WebSocket handshake, 426 for a plain GET', async () => {
      const customer = await chat.customerSocket(server.base, chat.token);
      await customer.close();
      const opened = { status: 101, headers: new Headers(), text: '' };
      assert.deepEqual(checker.problems('GET', '/api/v1/public/chats/socket', opened), []);
      const staff = await chat.staffHandshake(server.base, { token: agent.token, origin: null });
      assert.ok(staff.socket, `opened: ${staff.status} ${staff.text}`);
      await staff.socket.close();
      assert.deepEqual(checker.problems('GET', '/api/v1/chat/socket', opened), []);
      await conforms(anonymous, '/api/v1/public/chats/socket', { status: 426 });
      await conforms(agent, '/api/v1/chat/socket', { status: 426 });
      const refused = await chat.staffHandshake(server.base, {});
      assert.equal(refused.status, 401);
      const asRes = { status: refused.status, headers: new Headers({ 'content-type': 'application/json' }), text: refused.text };
      assert.deepEqual(checker.problems('GET', '/api/v1/chat/socket', asRes), []);
    });
  });

  it('error answers have the documented shape and codes (400, 401, 403, 404, 409, 429)', async () => {
    await conforms(anonymous, '/api/v1/auth/me', { status: 401 });
    await conforms(anonymous, '/api/v1/tickets', { status: 401 });
    await conforms(agent, '/api/v1/tickets/{id}', { params: { id: 999999999 }, status: 404 });
    await call(agent, 'POST', '/api/v1/members/lookup', { body: {}, expect: 400 });
    await conforms(agent, '/api/v1/reports/sla', { query: `?from=${Date.now() - HOUR}&to=${Date.now()}`, status: 403 });
    await conforms(anonymous, '/api/v1/public/csat/{token}', { params: { token: '1.2.forged' }, status: 403 });
    await conforms(anonymous, '/api/v1/public/tickets/{token}', { params: { token: 'forged' }, status: 403 });
    const checked = async (client, method, template, { params, body, status, code }) => {
      const res = await client.request(method, fill(template, params), { body });
      assert.equal(res.status, status, `${method} ${template}: ${res.text}`);
      assert.equal(res.json?.error?.code, code);
      assert.deepEqual(checker.problems(method, template, res), [], `${method} ${template} ${status}`);
    };
    const track = { number: data.publicNumber, phone: '13700000000', code: data.publicCode };
    for (let i = 0; i < 10; i++) {
      await checked(anonymous, 'POST', '/api/v1/public/track', { body: track, status: 404, code: 'not_found' });
    }
    await checked(anonymous, 'POST', '/api/v1/public/track', { body: track, status: 429, code: 'too_many_attempts' });
    await checked(admin, 'POST', '/api/v1/stores', {
      body: { code: 'TZ01', name: '时区测试店', timezone: 'Mars/Olympus' },
      status: 400,
      code: 'invalid_time_zone',
    });
    // The customer's ticket closed: no more replies from the mobile page.
    for (const status of ['resolved', 'closed']) {
      await call(supervisor, 'POST', '/api/v1/tickets/{id}/status', { params: { id: data.publicTicketId }, body: { status }, expect: 200 });
    }
    await checked(anonymous, 'POST', '/api/v1/public/tickets/{token}/replies', {
      params: { token: data.publicToken },
      body: { body: '还在吗？' },
      status: 409,
      code: 'ticket_closed',
    });
    assert.deepEqual(writeProblems, []);
  });

  describe('automatic quality checks', () => {
    it('GET /api/v1/quality/auto-rules, /auto-hits, /auto-hits/counts answer as documented', async () => {
      const chain = await conforms(agent, '/api/v1/quality/auto-rules');
      assert.ok(chain.json.in_force.some((r) => r.id === null), 'the defaults in code');
      const saved = await call(supervisor, 'POST', '/api/v1/quality/auto-rules', {
        body: { code: 'no_slang', store_id: data.SH01, kind: 'forbidden_phrase', name: '网络用语', phrases: ['yyds'], severity: 'normal' },
        expect: 201,
      });
      const store = await conforms(agent, '/api/v1/quality/auto-rules', { query: `?store_id=${data.SH01}` });
      assert.ok(store.json.saved.some((r) => r.id === saved.json.id));
      await conforms(agent, '/api/v1/quality/auto-rules', { query: '?store_id=999999', status: 404 });
      await call(supervisor, 'PUT', '/api/v1/quality/auto-rules/{id}', {
        params: { id: saved.json.id }, body: { name: '网络用语', phrases: ['yyds', '绝绝子'], version: 1 }, expect: 200,
      });
      await call(supervisor, 'PUT', '/api/v1/quality/auto-rules/{id}', {
        params: { id: saved.json.id }, body: { name: '网络用语', phrases: ['yyds'], version: 1 }, expect: 409,
      });
      await call(supervisor, 'POST', '/api/v1/quality/auto-rules', {
        body: { code: 'x', store_id: data.SH01, kind: 'forbidden_phrase', name: '空', phrases: [] }, expect: 400,
      });
      await call(supervisor, 'POST', '/api/v1/quality/auto-rules/try', {
        body: { code: 't', kind: 'forbidden_phrase', name: '试', phrases: ['yyds'], text: '真的YYDS' }, expect: 200,
      });
      // The desk's first replies above greet nobody: hits with a link to their event.
      const hits = await conforms(supervisor, '/api/v1/quality/auto-hits', { query: `?store_id=${data.SH01}` });
      assert.ok(hits.json.items.length > 0, 'hits from the replies above');
      assert.match(hits.json.items[0].link, /^\/(tickets|chat)/);
      await conforms(agent, '/api/v1/quality/auto-hits', { query: '?severity=red_line&subject_kind=ticket' });
      await conforms(agent, '/api/v1/quality/auto-hits', { query: '?severity=loud', status: 400 });
      await conforms(supervisor, '/api/v1/quality/auto-hits/counts', {
        query: `?store_id=${data.SH01}&from=${Date.now() - 86400000}&to=${Date.now() + 60000}`,
      });
      await conforms(supervisor, '/api/v1/quality/auto-hits/counts', { query: `?store_id=${data.SH01}`, status: 400 });
      await conforms(agent, '/api/v1/quality/auto-hits/counts', { query: `?from=0&to=${Date.now()}`, status: 403 });
      await call(supervisor, 'DELETE', '/api/v1/quality/auto-rules/{id}', { params: { id: saved.json.id }, expect: 200 });
      assert.deepEqual(writeProblems, []);
    });
  });

  describe('returns', () => {
    it('GET /api/v1/returns/policy, /policy/history; POST /policy/check, /decide answer as documented', async () => {
      const defaults = await conforms(agent, '/api/v1/returns/policy', { query: `?store_id=${data.SH01}` });
      assert.equal(defaults.json.uses_defaults, true);
      await conforms(agent, '/api/v1/returns/policy');
      const rules = defaults.json.rules.filter((r) => r.id !== 'gold_15');
      await call(manager, 'PUT', '/api/v1/returns/policy', {
        body: { store_id: data.SH01, version: defaults.json.version, rules, note: '取消金卡延长' }, expect: 200,
      });
      const saved = await conforms(agent, '/api/v1/returns/policy', { query: `?store_id=${data.SH01}` });
      assert.equal(saved.json.saved.note, '取消金卡延长');
      await conforms(agent, '/api/v1/returns/policy/history', { query: `?store_id=${data.SH01}` });
      await conforms(agent, '/api/v1/returns/policy', { query: '?store_id=999999', status: 404 });
      await call(manager, 'PUT', '/api/v1/returns/policy', { body: { store_id: data.SH01, version: 0, defaults: true }, expect: 409 });
      await call(manager, 'PUT', '/api/v1/returns/policy', { body: { store_id: data.SH01, rules: [{ id: 'X' }] }, expect: 400 });
      const check = await call(agent, 'POST', '/api/v1/returns/policy/check', {
        body: {
          rules,
          cases: [{ category: 'clothing', condition: 'opened', days: 10, receipt: 'yes', quality_issue: false, tier: 'gold', paid_fen: 29900, decision: 'approve', rule: 'gold_15', refund_fen: 29900 }],
        },
        expect: 200,
      });
      assert.equal(check.json.failed, 1);
      const d = await call(agent, 'POST', '/api/v1/returns/decide', {
        body: {
          store_id: data.SH01, condition: 'unopened', receipt: true, quantity: 1,
          item: { category: 'clothing', quantity: 3, paid_fen: 10000, points_earned: 300, purchased_at: Date.now() - 2 * 86400000 },
          order: { coupons: [{ name: '满100减10', value_fen: 1000 }], gifts: [{ name: '帆布袋', value_fen: 3900, threshold_fen: 8000 }] },
        },
        expect: 200,
      });
      assert.equal(d.json.decision, 'approve');
      assert.equal(d.json.refund.amount_fen, 3333);
      assert.equal(d.json.refund.gifts_to_return.length, 1);
    });

    it('POST /api/v1/returns/lookup, /returns; GET /returns, /returns/{id}, /reports/returns answer as documented', async () => {
      const receipt = `OA-RT-${Date.now()}`;
      await call(supervisor, 'POST', '/api/v1/purchases', {
        body: {
          store_id: data.SH01, receipt_no: receipt, sold_at: Date.now() - HOUR,
          lines: [{ name: '针织衫', brand: '江南布衣', category: 'clothing', quantity: 2, unit_price_fen: 9900 }],
        },
        expect: 201,
      });
      const found = await call(agent, 'POST', '/api/v1/returns/lookup', { body: { receipt_no: receipt }, expect: 200 });
      const line = found.json.items[0].lines[0];
      const ask = { line_id: line.id, quantity: 1, reason: 'size_fit', condition: 'unopened', receipt: true };
      await call(agent, 'POST', '/api/v1/returns', { body: { ...ask, preview: true }, expect: 200 });
      const done = await call(agent, 'POST', '/api/v1/returns', { body: ask, expect: 201 });
      await call(agent, 'POST', '/api/v1/returns', { body: { ...ask, quantity: 5 }, expect: 400 });
      await call(agent, 'POST', '/api/v1/returns/lookup', { body: {}, expect: 400 });
      await conforms(agent, '/api/v1/returns/{id}', { params: { id: done.json.return.id } });
      await conforms(agent, '/api/v1/returns/{id}', { params: { id: 999999 }, status: 404 });
      await conforms(agent, '/api/v1/returns', { query: `?store_id=${data.SH01}&state=done` });
      await conforms(agent, '/api/v1/returns', { query: '?state=lost', status: 400 });
      const span = `from=${Date.now() - 86400000}&to=${Date.now() + 60000}`;
      await conforms(supervisor, '/api/v1/reports/returns', { query: `?${span}&by=brand` });
      await conforms(supervisor, '/api/v1/reports/returns', { query: `?store_id=${data.SH01}&${span}` });
      await conforms(supervisor, '/api/v1/reports/returns', { query: '?from=5&to=1', status: 400 });
      await conforms(agent, '/api/v1/reports/returns', { query: `?${span}`, status: 403 });
    });
  });

  describe('exports, the monthly report and scheduled reports', () => {
    it('GET /api/v1/tickets/export and /chat/conversations/export (XLSX and CSV)', async () => {
      const x = await conforms(agent, '/api/v1/tickets/export');
      assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const csv = await conforms(agent, '/api/v1/tickets/export', { query: '?format=csv&type=complaint' });
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      await conforms(agent, '/api/v1/tickets/export', { query: '?format=pdf', status: 400 });
      await conforms(agent, '/api/v1/chat/conversations/export');
      await conforms(agent, '/api/v1/chat/conversations/export', { query: '?format=csv' });
    });
    it('GET /api/v1/reports/monthly, /monthly/export and /sla/export', async () => {
      const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
      await conforms(supervisor, '/api/v1/reports/monthly', { query: `?store_id=${data.SH01}&month=${month}` });
      await conforms(supervisor, '/api/v1/reports/monthly', { query: `?store_id=${data.SH01}&month=2026-13`, status: 400 });
      await conforms(agent, '/api/v1/reports/monthly', { query: `?store_id=${data.SH01}&month=${month}`, status: 403 });
      await conforms(supervisor, '/api/v1/reports/monthly/export', { query: `?store_id=${data.SH01}&month=${month}` });
      const span = `from=${Date.now() - 30 * 24 * HOUR}&to=${Date.now() + HOUR}`;
      await conforms(supervisor, '/api/v1/reports/sla/export', { query: `?${span}&group_by=type` });
      await conforms(supervisor, '/api/v1/reports/sla/export', { query: `?${span}&format=csv&store_id=${data.SH01}` });
      await conforms(supervisor, '/api/v1/reports/metrics/export', { query: `?store_id=${data.SH01}&by=type` });
      await conforms(supervisor, '/api/v1/reports/metrics/export', { query: '?by=store&format=csv' });
    });
    it('GET /api/v1/reports/schedules and /schedules/{id}', async () => {
      const made = (await call(supervisor, 'POST', '/api/v1/reports/schedules', {
        body: { store_id: data.SH01, name: '服务日报', frequency: 'daily', hour: 8, recipients: ['boss@store.example'] },
        expect: 201,
      })).json;
      await call(supervisor, 'PUT', '/api/v1/reports/schedules/{id}', {
        params: { id: made.id },
        body: { store_id: data.SH01, name: '服务周报', report: 'sla', frequency: 'weekly', hour: 9, recipients: ['boss@store.example'] },
        expect: 200,
      });
      const list = await conforms(supervisor, '/api/v1/reports/schedules');
      assert.ok(list.json.items.some((s) => s.id === made.id));
      const one = await conforms(supervisor, '/api/v1/reports/schedules/{id}', { params: { id: made.id } });
      assert.equal(one.json.frequency, 'weekly');
      await conforms(supervisor, '/api/v1/reports/schedules/{id}', { params: { id: 999999 }, status: 404 });
      await call(supervisor, 'DELETE', '/api/v1/reports/schedules/{id}', { params: { id: made.id }, expect: 200 });
      });
    });

  describe('performance', () => {
    it('GET /api/v1/performance/kpi, /my-kpi, /rules answer as documented', async () => {
      const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
      const q = `?store_id=${data.SH01}&month=${month}`;
      const sheet = await conforms(supervisor, '/api/v1/performance/kpi', { query: q });
      assert.ok(sheet.json.rows.length > 0);
      const csv = await conforms(supervisor, '/api/v1/performance/kpi', { query: `${q}&format=csv` });
      assert.match(csv.text, /^\uFEFF排名,员工/);
      await conforms(agent, '/api/v1/performance/kpi', { query: q, status: 403 });
      await conforms(supervisor, '/api/v1/performance/kpi', { query: `?store_id=${data.SH01}&month=2026-13`, status: 400 });
      const mine = await conforms(agent, '/api/v1/performance/my-kpi', { query: q });
      assert.equal(mine.json.rows.length, 1);
      await conforms(agent, '/api/v1/performance/rules', { query: `?store_id=${data.SH01}` });
      await conforms(agent, '/api/v1/performance/rules');
      await call(manager, 'PUT', '/api/v1/performance/rules', {
        body: { store_id: data.SH01, kpi: [{ measure: 'csat', weight: 60, target: 4.5 }, { measure: 'contacts', weight: 40, target: 20 }], bonus: { mode: 'base', base_fen: 30000 } },
        expect: 200,
      });
      const saved = await conforms(agent, '/api/v1/performance/rules', { query: `?store_id=${data.SH01}` });
      assert.equal(saved.json.source, 'store');
      await call(manager, 'PUT', '/api/v1/performance/rules', { body: { store_id: data.SH01, kpi: [] }, expect: 400 });
    });

    it('complaints against staff and the case library answer as documented', async () => {
      const me = (await agent.get('/api/v1/auth/me')).json.id;
      const t = (await call(supervisor, 'POST', '/api/v1/tickets', { body: newTicket(data.SH01, { type: 'complaint', subject: '服务态度' }), expect: 201 })).json;
      const rec = await call(supervisor, 'POST', '/api/v1/tickets/{id}/staff-records', { params: { id: t.id }, body: { about_staff_id: me, summary: '语气生硬' }, expect: 201 });
      await call(supervisor, 'POST', '/api/v1/tickets/{id}/staff-records', { params: { id: t.id }, body: { about_staff_id: me }, expect: 409 });
      await call(supervisor, 'POST', '/api/v1/performance/staff-records/{id}/review', {
        params: { id: rec.json.id }, body: { outcome: 'upheld', responsibility: 'personal', action: 'coaching', notes: '录音属实' }, expect: 200,
      });
      await conforms(agent, '/api/v1/tickets/{id}/staff-records', { params: { id: t.id } });
      await conforms(agent, '/api/v1/performance/staff-records/{id}', { params: { id: rec.json.id } });
      await conforms(agent, '/api/v1/performance/staff-records/{id}', { params: { id: 999999 }, status: 404 });
      await conforms(supervisor, '/api/v1/performance/staff-records', { query: `?store_id=${data.SH01}&kind=complaint` });
      await conforms(supervisor, '/api/v1/performance/staff-records', { query: `?store_id=${data.SH01}&kind=x`, status: 400 });
      await conforms(supervisor, '/api/v1/performance/case-story', { query: `?ticket_id=${data.ticket.id}` });
      const c = await call(supervisor, 'POST', '/api/v1/performance/cases', {
        body: { ticket_id: data.ticket.id, kind: 'lesson', title: '停车收费告示', lesson: '告示与系统不一致时先核实再解释', tags: ['停车'] },
        expect: 201,
      });
      assert.ok(!c.json.story.includes('王芳') && !c.json.story.includes(data.memberPhone));
      await call(supervisor, 'PUT', '/api/v1/performance/cases/{id}', { params: { id: c.json.id }, body: { tags: ['停车', '告示'], version: 1 }, expect: 200 });
      await conforms(agent, '/api/v1/performance/cases', { query: `?tag=${encodeURIComponent('停车')}` });
      await conforms(agent, '/api/v1/performance/cases/{id}', { params: { id: c.json.id } });
      await conforms(agent, '/api/v1/performance/cases/{id}', { params: { id: 999999 }, status: 404 });
    });
  });

  describe('quality', () => {
    it('GET /api/v1/quality/scorecards, /settings, /inspections(/{id}), /coaching, /calibrations(/{id}), /report answer as documented', async () => {
      const card = await conforms(agent, '/api/v1/quality/scorecards', { query: `?store_id=${data.SH01}&channel=desk` });
      assert.equal(card.json.version, 0); // the store's own: none yet (the demo saved the chain's)
      await conforms(agent, '/api/v1/quality/scorecards', { query: '?store_id=999999', status: 404 });
      await call(manager, 'PUT', '/api/v1/quality/scorecards', {
        body: { store_id: data.SH01, channel: 'desk', items: card.json.items, version: 0, note: '沿用默认' }, expect: 200,
      });
      await conforms(agent, '/api/v1/quality/scorecards/history', { query: `?store_id=${data.SH01}&channel=desk` });
      await conforms(agent, '/api/v1/quality/settings', { query: `?store_id=${data.SH01}` });
      await call(manager, 'PUT', '/api/v1/quality/settings', { body: { store_id: data.SH01, appeal_days: 3, sampling: { per_agent: 2 } }, expect: 200 });
      await call(supervisor, 'POST', '/api/v1/quality/samples', { body: { store_id: data.SH01, week_start: Date.now() - 7 * 86400000 }, expect: 201 });
      // The agent's own ticket, resolved, inspected by the supervisor.
      const t = (await call(agent, 'POST', '/api/v1/tickets', { body: newTicket(data.SH01, { subject: '质检样例' }), expect: 201 })).json;
      await call(agent, 'POST', '/api/v1/tickets/{id}/status', { params: { id: t.id }, body: { status: 'resolved', note: '已处理' }, expect: 200 });
      const queued = (await call(supervisor, 'POST', '/api/v1/quality/inspections', { body: { subject_kind: 'ticket', subject_id: t.id }, expect: 201 })).json;
      await conforms(supervisor, '/api/v1/quality/inspections', { query: `?store_id=${data.SH01}&status=queued` });
      await conforms(supervisor, '/api/v1/quality/inspections/{id}', { params: { id: queued.id } });
      const marks = card.json.items.map((i) => ({ item: i.id, result: i.id === 'apology' ? 'fail' : 'pass' }));
      await call(supervisor, 'POST', '/api/v1/quality/inspections/{id}/submit', {
        params: { id: queued.id }, body: { marks, summary: '缺少致歉', comments: [{ anchor: '', item: 'apology', body: '应先致歉' }] }, expect: 200,
      });
      await call(supervisor, 'POST', '/api/v1/quality/inspections/{id}/comments', { params: { id: queued.id }, body: { body: '总体不错' }, expect: 201 });
      const mine = await conforms(agent, '/api/v1/quality/inspections', { query: '?mine=1' });
      assert.ok(mine.json.items.some((i) => i.id === queued.id));
      const view = await conforms(agent, '/api/v1/quality/inspections/{id}', { params: { id: queued.id } });
      assert.equal(view.json.score, 90);
      await conforms(agent, '/api/v1/quality/inspections/{id}', { params: { id: 999999 }, status: 404 });
      await call(supervisor, 'POST', '/api/v1/quality/inspections/{id}/coaching', {
        params: { id: queued.id }, body: { item: 'apology', material_kind: 'kb_article', material_id: 1, note: '学习致歉话术', due_at: Date.now() + 86400000 }, expect: 201,
      });
      const coaching = await conforms(agent, '/api/v1/quality/coaching', { query: '?mine=1' });
      await call(agent, 'POST', '/api/v1/quality/coaching/{id}/acknowledge', { params: { id: coaching.json.items[0].id }, expect: 200 });
      await call(agent, 'POST', '/api/v1/quality/inspections/{id}/appeal', { params: { id: queued.id }, body: { reason: '顾客并无不满' }, expect: 200 });
      await call(supervisor, 'POST', '/api/v1/quality/inspections/{id}/decision', {
        params: { id: queued.id }, body: { decision: 'uphold', note: '维持' }, expect: 403,
      });
      await call(admin, 'POST', '/api/v1/quality/inspections/{id}/decision', { params: { id: queued.id }, body: { decision: 'uphold', note: '维持原评分' }, expect: 200 });
      await call(agent, 'POST', '/api/v1/quality/inspections/{id}/acknowledge', { params: { id: queued.id }, expect: 409 });
      const session = (await call(supervisor, 'POST', '/api/v1/quality/calibrations', { body: { inspection_id: queued.id, title: '校准样例' }, expect: 201 })).json;
      await call(supervisor, 'PUT', '/api/v1/quality/calibrations/{id}/score', { params: { id: session.id }, body: { marks }, expect: 200 });
      await call(admin, 'PUT', '/api/v1/quality/calibrations/{id}/score', {
        params: { id: session.id }, body: { marks: marks.map((m) => ({ ...m, result: 'pass' })) }, expect: 200,
      });
      const spread = await conforms(supervisor, '/api/v1/quality/calibrations/{id}', { params: { id: session.id } });
      assert.equal(spread.json.spread.at(-1).range, 10);
      await call(supervisor, 'POST', '/api/v1/quality/calibrations/{id}/close', { params: { id: session.id }, body: { marks }, expect: 200 });
      await conforms(supervisor, '/api/v1/quality/calibrations', { query: `?store_id=${data.SH01}` });
      const span = `from=${Date.now() - 86400000}&to=${Date.now() + 60000}`;
      const report = await conforms(supervisor, '/api/v1/quality/report', { query: `?store_id=${data.SH01}&${span}` });
      assert.ok(report.json.by_staff.length >= 1);
      await conforms(agent, '/api/v1/quality/report', { query: `?store_id=${data.SH01}&${span}`, status: 403 });
      assert.deepEqual(writeProblems, []);
    });
  });

  // Last: every documented GET operation was called above (a new GET route needs a case).
  it('every documented GET route was checked against a real answer', () => {
    const documented = Object.entries(doc.paths)
      .filter(([, item]) => item.get)
      .map(([p]) => `GET ${p}`);
    // A WebSocket route's success is its 101 (checked after a real handshake above).
    const missing = documented.filter(
      (op) => ![...(checker.seen.get(op) || [])].some((s) => (s >= 200 && s < 300) || (s === 101 && doc.paths[op.slice(4)].get.responses['101'])),
    );
    assert.deepEqual(missing, []);
  });
});

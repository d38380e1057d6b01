// What the fuzzers (scripts/fuzz.sh, docs/security/fuzzing.md) found, one test each
// against the real binary: every one of these failed on the server before its fix.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('fuzzing findings stay fixed', () => {
  let server, admin, SH01, ticket, dept;

  before(async () => {
    server = await KefuServer.start({ tickets: 5, members: 5 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    dept = dir.departments.find((d) => d.store_id === SH01).id;
    const t = await admin.post('/api/v1/tickets', newTicket(SH01, { subject: '模糊测试发现' }));
    assert.equal(t.status, 201, t.text);
    ticket = t.json.id;
  });
  after(async () => {
    await server?.dispose();
  });

  it('a malformed time is refused with 400 invalid_time, not read as a nearby date', async () => {
    const bad = [
      '2026-01-01garbage', // a date followed by anything was read as that date
      '2026-01-01T00', // a cut-off time was read as the bare date
      '2026-01-01T10:00:00', // no offset
      '2026-02-30', // no such day
      '2026-13-01',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:00:00+08:00x',
      '2026-01-01T00\u00bb\u00bb', // the fuzzer's input (it also hit undefined behaviour in the parser)
    ];
    for (const t of bad) {
      const r = await admin.get(`/api/v1/tickets?created_from=${encodeURIComponent(t)}`);
      assert.equal(r.status, 400, `${t}: ${r.text}`);
      assert.equal(errorCode(r), 'invalid_time', t);
      const task = await admin.post(`/api/v1/tickets/${ticket}/tasks`, { department_id: dept, description: '协办', due_at: t });
      assert.equal(task.status, 400, `${t}: ${task.text}`);
      assert.equal(errorCode(task), 'invalid_time', t);
    }
    // What stays accepted: epoch ms, RFC 3339 with Z or an offset (fractions too), a bare date.
    const good = {
      1893456000000: 1893456000000,
      '2030-01-01T00:00:00Z': 1893456000000,
      '2030-01-01T08:00:00.000+08:00': 1893456000000,
      '2030-01-01T08:00:00.5+08:00': 1893456000500,
      '2030-01-01': Date.UTC(2029, 11, 31, 16),
    };
    for (const [t, ms] of Object.entries(good)) {
      const r = await admin.get(`/api/v1/tickets?created_from=${encodeURIComponent(t)}`);
      assert.equal(r.status, 200, `${t}: ${r.text}`);
      const task = await admin.post(`/api/v1/tickets/${ticket}/tasks`, { department_id: dept, description: '协办', due_at: t });
      assert.equal(task.status, 201, `${t}: ${task.text}`);
      assert.equal(task.json.due_at, ms, t);
    }
  });

  it('bytes that are not UTF-8 echoed in an error message give valid JSON (U+FFFD), not a 500', async () => {
    for (const q of ['status=%FF%FE', 'sort=%C0%AF', 'type=%ED%A0%80']) {
      const r = await admin.get(`/api/v1/tickets?${q}`);
      assert.equal(r.status, 400, `${q}: ${r.text}`);
      assert.ok(r.json, `${q}: not JSON: ${r.text}`);
      assert.match(r.json.error.message, /\uFFFD/, q);
    }
  });

  it('a JSON number too large for a double (1e999) is 400 invalid_json, not a 500', async () => {
    for (const body of ['{"store_id":1e999}', '{"subject":"x","n":[-1e400]}']) {
      const r = await admin.request('POST', '/api/v1/tickets', { body });
      assert.equal(r.status, 400, `${body}: ${r.text}`);
      assert.equal(errorCode(r), 'invalid_json', body);
    }
  });
});

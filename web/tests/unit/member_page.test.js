import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mount } from '@vue/test-utils';
import MemberCard from '../../src/console/features/members/components/MemberCard.vue';
import MemberView from '../../src/console/features/members/views/MemberView.vue';
import { filterPurchases, openTickets, reasonText, serviceTimeline, yuan } from '../../src/console/features/members/lib/value.js';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const reasons = [
  { code: 'open_complaint', zh: '有 1 个未办结的投诉', en: 'an open complaint' },
  { code: 'lapsing', zh: '已 95 天未到店，平时约每 14 天一次', en: 'no visit for 95 days; usually every 14 days' },
];
const order = (id, sold_at, lines) => ({ id, store_id: 1, receipt_no: `R${id}`, sold_at, paid_fen: lines.reduce((s, l) => s + l.paid_fen, 0), lines });
const line = (id, category, name, brand, quantity, paid_fen) => ({ id, line_no: 1, category, name, brand, quantity, paid_fen });

function overview(atRisk = true) {
  return {
    member: { id: 7, member_no: 'M00000007', name: '周敏', phone: '139****2222', phone_masked: true, tier: 'gold', needs_care: true, care_flags: [], sensitive_hidden: true },
    points: 500,
    value: {
      clv_fen: 8_320_000, clv_if_retained_fen: 9_000_000, word_of_mouth_fen: 180_000_000, people_told: 20, at_risk: atRisk,
      at_risk_fen: atRisk ? 9_000_000 : 0, reasons: atRisk ? reasons : [], visits: 10, median_gap_days: 7, p25_gap_days: 7, p75_gap_days: 7,
      own_spend_per_visit_fen: 46_000, spend_per_visit_fen: 42_308, visits_per_year: 22.03, p_alive: 1, expected_years: 4.85,
      prior: { source: 'default', visits_per_year: 12, spend_per_visit_fen: 30_000 },
      model: { horizon_years: 8, yearly_retention: 0.85, prior_years: 0.5, prior_visits: 3 },
      explanation: { zh: '每年约 22.0 次 × 每次 ¥423 × 预期 4.9 年 = ¥45,200', en: 'about 22.0 visits a year × ¥423 a visit × 4.9 expected years = ¥45,200' },
    },
    purchases: {
      last_12_months: { paid_fen: 460_000, visits: 10 }, all_time: { paid_fen: 460_000, visits: 10 }, last_visit: '2026-12-02',
      months: Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, paid_fen: i === 11 ? 460_000 : 0, visits: i === 11 ? 10 : 0 })),
      top_categories: [{ key: 'clothing', paid_fen: 360_000, units: 9 }], top_brands: [],
      recent: [
        order(2, 2000, [line(21, 'clothing', '羊绒围巾', '鄂尔多斯', -1, -40_000)]),
        order(1, 1000, [line(11, 'clothing', '羊绒围巾', '鄂尔多斯', 1, 40_000), line(12, 'cosmetics', '面霜', '兰蔻', 1, 10_000)]),
      ],
    },
    tickets: [
      { id: 3, number: 'KF1', subject: '围巾起球', status: 'in_progress', created_at: 3000 },
      { id: 4, number: 'KF2', subject: '营业时间', status: 'closed', created_at: 1500 },
    ],
    conversations: [{ id: 9, store_id: 1, at: 2500, status: 'ended', label: 'members', text: '周女士', rating: null, ticket_id: null }],
    feedback: [],
    ratings: [{ kind: 'csat', id: 4, ticket_id: 4, store_id: 1, score: 2, comment: '慢', at: 1600 }],
  };
}

describe('the member page’s arithmetic', () => {
  it('shows whole yuan and reasons in the console’s language', () => {
    expect(yuan(8_320_000)).toBe('¥83,200');
    expect(yuan(166_400_000)).toBe('¥1,664,000');
    expect(yuan(-4_050)).toBe('-¥41');
    expect(yuan(null)).toBe('—');
    expect(reasonText(reasons[0], 'en')).toBe('an open complaint');
    expect(reasonText(reasons[0], 'zh-CN')).toBe('有 1 个未办结的投诉');
  });
  it('counts open tickets and puts every contact on one timeline, newest first', () => {
    const o = overview();
    expect(openTickets(o.tickets)).toBe(1);
    expect(serviceTimeline(o).map((r) => `${r.kind}:${r.id}`)).toEqual(['ticket:3', 'chat:9', 'csat:4', 'ticket:4']);
  });
  it('filters purchases by category or text, with the filtered totals (returns netted)', () => {
    const { recent } = overview().purchases;
    expect(filterPurchases(recent, {}).paid_fen).toBe(10_000);
    const scarves = filterPurchases(recent, { text: '围巾' });
    expect(scarves.receipts).toBe(2);
    expect(scarves.paid_fen).toBe(0);
    expect(filterPurchases(recent, { category: 'cosmetics' })).toMatchObject({ receipts: 1, paid_fen: 10_000 });
  });
});

describe('MemberCard and MemberView', () => {
  let mounted;
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    mounted && mounted.unmount();
    delete globalThis.fetch;
  });

  it('the card loads the overview and shows points, value, open tickets, last purchase and why at risk', async () => {
    const { calls } = mockFetch({ 'GET /api/v1/members/7/overview': overview() });
    mounted = mount(MemberCard, { props: { memberId: 7 }, global: globalOptions() });
    await flush();
    await flush();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/members/7/overview']);
    const text = (sel) => mounted.find(`[data-test="${sel}"]`).text();
    expect(text('member-card-name')).toBe('周敏');
    expect(text('member-card-points')).toBe('500');
    expect(text('member-card-value')).toBe('¥83,200');
    expect(text('member-card-open')).toBe('1');
    expect(text('member-card-last')).toBe('2026-12-02');
    expect(text('member-card-risk')).toContain('¥90,000');
    expect(text('member-card-risk')).toContain('已 95 天未到店');
  });

  it('a member not at risk shows no risk line; a given overview is not loaded again', async () => {
    const { calls } = mockFetch({});
    mounted = mount(MemberCard, { props: { overview: overview(false) }, global: globalOptions() });
    await flush();
    expect(calls).toEqual([]);
    expect(mounted.find('[data-test="member-card-risk"]').exists()).toBe(false);
  });

  it('the page shows the header, the value explained, the purchases and the service record', async () => {
    const global = globalOptions();
    useSession().me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1], department_ids: [] };
    mockFetch({
      'GET /api/v1/members/7/overview': overview(),
      'GET /api/v1/stores': { items: [{ id: 1, code: 'SH01', name: '静安店' }] },
    });
    global.stubs = { ...global.stubs, MemberSpendChart: { props: ['months'], template: '<div data-test="member-spend-chart">{{ months.length }}</div>' } };
    mounted = mount(MemberView, { props: { id: '7' }, global, attachTo: document.body });
    for (let i = 0; i < 4; i++) await flush();
    const text = (sel) => mounted.find(`[data-test="${sel}"]`).text();
    expect(text('member-phone')).toBe('139****2222');
    expect(text('member-clv')).toBe('¥83,200');
    expect(text('member-at-risk')).toContain('¥90,000');
    expect(text('member-value-explained')).toContain('每年约 22.0 次');
    expect(text('member-word-of-mouth')).toContain('¥1,800,000');
    expect(text('member-totals')).toContain('¥4,600');
    expect(text('member-spend-chart')).toBe('12');
  }, 30_000);
});

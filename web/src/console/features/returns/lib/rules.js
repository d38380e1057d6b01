// The returns policy's plain logic for the console: a rule's "when" in words, reordering,
// a new rule, and the case table (tests/returns/policy_cases.tsv) as the API's case rows.
import { label } from '@/shared/vocab.js';
import { yuanToFen } from '@/shared/money.js';

const en = (lang) => String(lang).startsWith('en');
const join = (items, lang, word) => items.join(en(lang) ? ` ${word.en} ` : word.zh);
const OR = { zh: '或', en: 'or' };

// The conditions of a rule (scope and match) in words; "any request" when it has none.
export function ruleWhen(rule, lang = 'zh-CN') {
  const e = en(lang);
  const s = rule.scope || {};
  const m = rule.match || {};
  const parts = [];
  const list = (vocab, codes) => join(codes.map((c) => label(vocab, c, lang)), lang, OR);
  if (s.categories?.length) parts.push(list('purchase_categories', s.categories));
  if (s.brands?.length) parts.push((e ? 'brand ' : '品牌 ') + join(s.brands, lang, OR));
  if (s.store_ids?.length) parts.push((e ? 'stores ' : '门店 ') + s.store_ids.join(', '));
  if (s.tiers?.length) parts.push(list('member_tiers', s.tiers));
  if (m.conditions?.length) parts.push(list('return_conditions', m.conditions));
  if (m.quality_issue === true) parts.push(e ? 'quality fault' : '质量问题');
  if (m.quality_issue === false) parts.push(e ? 'no quality fault' : '非质量问题');
  if (m.receipt === true) parts.push(e ? 'with a receipt or purchase record' : '有购物凭证或购买记录');
  if (m.receipt === false) parts.push(e ? 'no receipt and no record' : '无购物凭证且无购买记录');
  if (m.max_days !== null && m.max_days !== undefined) parts.push(e ? `within ${m.max_days} days` : `购买 ${m.max_days} 天内`);
  if (m.promotions?.length) parts.push(list('return_promotions', m.promotions));
  if (!parts.length) return e ? 'any request' : '任何请求';
  return parts.join(e ? '; ' : '；');
}

// The rules with the one at `index` moved by `delta` (−1 up, +1 down); unchanged at an end.
export function moveRule(rules, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= rules.length) return rules;
  const out = rules.slice();
  const [r] = out.splice(index, 1);
  out.splice(to, 0, r);
  return out;
}

// A new rule with an id no other rule has: refuses, to be edited.
export function newRule(rules) {
  const ids = new Set(rules.map((r) => r.id));
  let n = 1;
  while (ids.has(`rule_${n}`)) n += 1;
  return {
    id: `rule_${n}`,
    name: '',
    enabled: true,
    scope: { categories: [], brands: [], store_ids: [], tiers: [] },
    match: { conditions: [], quality_issue: null, receipt: null, max_days: null, promotions: [] },
    outcome: { decision: 'refuse', remedy: 'none', customer: { zh: '', en: '' }, agent: { zh: '', en: '' } },
  };
}

// A deep copy with every part present (the drawer edits the copy).
export function cloneRule(rule) {
  const base = newRule([]);
  const r = JSON.parse(JSON.stringify(rule));
  return {
    ...base,
    ...r,
    scope: { ...base.scope, ...(r.scope || {}) },
    match: { ...base.match, ...(r.match || {}) },
    outcome: {
      ...base.outcome,
      ...(r.outcome || {}),
      customer: { ...base.outcome.customer, ...(r.outcome?.customer || {}) },
      agent: { ...base.outcome.agent, ...(r.outcome?.agent || {}) },
    },
  };
}

// A case table (TSV: '#' comments, a header naming the columns) → the API's case rows.
// Rows it cannot read are skipped and counted in `skipped`.
export function parseCaseTable(text) {
  const rows = [];
  let header = null;
  let skipped = 0;
  for (const raw of String(text).split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    if (!header) {
      header = cells;
      continue;
    }
    const cell = (name) => cells[header.indexOf(name)] ?? '';
    const paid = yuanToFen(cell('paid'));
    const refund = yuanToFen(cell('refund'));
    const days = Number(cell('days'));
    if (paid === null || refund === null || !Number.isInteger(days)) {
      skipped += 1;
      continue;
    }
    rows.push({
      category: cell('category'),
      condition: cell('condition'),
      days,
      receipt: cell('receipt'),
      quality_issue: cell('quality') === 'yes',
      tier: cell('tier') === '-' ? 'normal' : cell('tier'),
      promotion: cell('promotion'),
      paid_fen: paid,
      decision: cell('decision'),
      rule: cell('rule') === '-' ? '' : cell('rule'),
      refund_fen: refund,
      note: cell('note'),
    });
  }
  return { rows, skipped };
}

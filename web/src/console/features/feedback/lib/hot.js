// Hot issues and the journey map (热点问题, 顾客旅程地图; docs/feedback.md): the plain logic
// of the two pages — where a card or a stage links to, and what the charts draw.

// The inbox page (the console helper's) and the improvement action form (the actions
// helper's, agreed as /feedback/actions/new?items=1,2). The pages link to them only when the
// console has those routes (`hasPath`).
export const INBOX_PATH = '/feedback';
export const NEW_ACTION_PATH = '/feedback/actions/new';

// True when the router has a route at `path`.
export function hasPath(router, path) {
  return !!router && router.getRoutes().some((r) => r.path === path);
}

// The inbox filtered to a hot issue's store, topic and day.
export function issueInboxLink(issue) {
  return { path: INBOX_PATH, query: { store_id: issue.store_id, topic: issue.topic, from: issue.from, to: issue.to } };
}

// The action form with the issue's items selected.
export function newActionLink(issue) {
  return { path: NEW_ACTION_PATH, query: { items: issue.item_ids.join(','), store_id: issue.store_id, topic: issue.topic } };
}

// The inbox filtered to a journey stage over the period shown.
export function stageInboxLink(stage, journey) {
  const query = { touchpoint: stage.touchpoint, from: journey.from, to: journey.to };
  if (journey.store_id) query.store_id = journey.store_id;
  return { path: INBOX_PATH, query };
}

export function addDay(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The sparkline of a card: the 28 days before and the day itself (the last bar marked).
export function sparkOption(history, color = '#c0392b') {
  const days = history.counts.map((_, i) => addDay(history.from_day, i).slice(5));
  const last = history.counts.length - 1;
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    tooltip: { trigger: 'axis', formatter: (p) => `${p[0].axisValue}: ${p[0].value}` },
    xAxis: { type: 'category', data: days, axisLabel: { show: false }, axisTick: { show: false }, axisLine: { lineStyle: { color: '#dcdfe6' } } },
    yAxis: { type: 'value', show: false, minInterval: 1 },
    series: [
      {
        type: 'bar',
        barCategoryGap: '20%',
        data: history.counts.map((v, i) => (i === last ? { value: v, itemStyle: { color } } : { value: v, itemStyle: { color: '#9aa5b1' } })),
      },
    ],
  };
}

export const percent = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
export const fixed = (v, n = 1) => (v === null || v === undefined ? '—' : Number(v).toFixed(n));
// A p- or q-value with its relation: "= 0.0123", "< 0.0001" below that.
export const pValue = (v) => (v === null || v === undefined ? '—' : v < 1e-4 ? '< 0.0001' : '= ' + Number(v).toFixed(4));

// A stage's negative share as a bar: the widths of its negative, positive and unlabelled parts (%).
export function sentimentBar(period) {
  if (!period.volume) return { negative: 0, positive: 0, none: 100 };
  const negative = (period.negative / period.volume) * 100;
  const positive = (period.positive / period.volume) * 100;
  return { negative, positive, none: Math.max(0, 100 - negative - positive) };
}

// The mark a stage shows: worse ▲ (more negative), better ▼; none when steady or unknown
// (the path's own arrows are → already).
export function trendMark(trend) {
  return { worse: '▲', better: '▼' }[trend] || '';
}

// The change of the negative share in percentage points, "+12.5" / "-3.0" ("" when unknown).
export function shareChange(stage) {
  const a = stage.current.negative_share;
  const b = stage.previous.negative_share;
  if (a === null || a === undefined || b === null || b === undefined) return '';
  const d = (a - b) * 100;
  return (d >= 0 ? '+' : '') + d.toFixed(1);
}

// Whole days [from, to] (YYYY-MM-DD, China time as the API reads a bare date) → the query.
export function periodQuery(dates, storeId) {
  return { from: dates[0], to: addDay(dates[1], 1), store_id: storeId || undefined };
}

// The NPS page's plain logic: how a figure reads, the campaign form ↔ the API's body, and
// the date range as a query.

// "+25.0" / "−12.5" / "0.0"; "—" without answers.
export function npsText(fig) {
  if (!fig || !fig.responses) return '—';
  const v = Math.round(fig.nps * 10) / 10;
  return (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(1);
}

// "[−10.2, +55.3]" (the 95 % interval); "—" without answers.
export function intervalText(fig) {
  if (!fig || !fig.responses) return '—';
  const f = (x) => {
    const v = Math.round(x * 10) / 10;
    return (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(1);
  };
  return `[${f(fig.low)}, ${f(fig.high)}]`;
}

export function percent(x) {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`;
}

// Whole days in Asia/Shanghai: the last day is included.
export function rangeQuery([from, to], extra = {}) {
  const next = new Date(`${to}T00:00:00+08:00`).getTime() + 86400000;
  const q = { from: `${from}T00:00:00+08:00`, to: next };
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') q[k] = v;
  return q;
}

// The form's fields (rate in percent, dates as ms or null) → the API's body, and back.
export function campaignBody(form) {
  return {
    name: form.name.trim(),
    store_ids: form.store_ids,
    trigger: form.trigger,
    question: form.question.trim(),
    starts_at: form.starts_at || 0,
    ends_at: form.ends_at || null,
    sample_rate: Math.min(100, Math.max(0, Number(form.rate_percent))) / 100,
    sample_size: Number(form.sample_size) || 0,
    cap_days: Number(form.cap_days),
    link_days: Number(form.link_days),
    active: form.active,
  };
}

export function campaignForm(c) {
  if (!c)
    return {
      name: '', store_ids: [], trigger: 'resolved_ticket', question: '您有多大可能向朋友推荐{store}？',
      starts_at: null, ends_at: null, rate_percent: 100, sample_size: 0, cap_days: 90, link_days: 14, active: true,
    };
  return {
    name: c.name, store_ids: [...c.store_ids], trigger: c.trigger, question: c.question,
    starts_at: c.starts_at || null, ends_at: c.ends_at, rate_percent: Math.round(c.sample_rate * 1000) / 10,
    sample_size: c.sample_size, cap_days: c.cap_days, link_days: c.link_days, active: c.active,
  };
}

// The full address of a link's path on this site.
export function linkUrl(path, origin = window.location.origin) {
  return origin + path;
}

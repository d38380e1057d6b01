// The returns report's figures for the chart and the table: groups in the report's order,
// rates per group, and the returns per reason as one series each.
export function chartSeries(report) {
  const groups = report?.groups || [];
  const keys = groups.map((g) => g.key);
  const reasonCodes = [...new Set((report?.reasons || []).map((r) => r.reason))].sort();
  const reasons = reasonCodes.map((reason) => ({
    reason,
    data: keys.map((k) => report.reasons.filter((r) => r.key === k && r.reason === reason).reduce((n, r) => n + r.returns, 0)),
  }));
  return {
    keys,
    unitRate: groups.map((g) => (g.unit_rate === null || g.unit_rate === undefined ? null : g.unit_rate)),
    amountRate: groups.map((g) => (g.amount_rate === null || g.amount_rate === undefined ? null : g.amount_rate)),
    reasons,
  };
}

// A rate as a percentage with one decimal, or '—'.
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

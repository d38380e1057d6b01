// Dates as the stores see them (Asia/Shanghai); the API reads a bare date as midnight in China.
const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function chinaDate(ms = Date.now()) {
  return fmt.format(new Date(ms)); // YYYY-MM-DD
}

export function addDays(date, n) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The last `n` dates up to and including `today`, oldest first.
export function lastDays(today, n) {
  return Array.from({ length: n }, (_, i) => addDays(today, i - n + 1));
}

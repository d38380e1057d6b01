// Display helpers shared by the console and the mobile page. Times are Unix ms, shown on
// the stores' wall clock (China), whatever zone the browser is set to.
export const STORE_TIME_ZONE = 'Asia/Shanghai';
export function formatTime(ms, locale = 'zh-CN', timeZone = STORE_TIME_ZONE) {
  if (ms === null || ms === undefined) return '';
  return new Date(ms).toLocaleString(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  });
}

// Yuan from fen: 50000 → "500.00".
export function yuan(cents) {
  return (Number(cents || 0) / 100).toFixed(2);
}

// An SLA countdown: the state and the text for a deadline seen at `now`.
// state: none | ok (more than 30 min left) | warning (≤ 30 min) | breached.
export function countdown(dueAt, now, lang = 'zh-CN') {
  if (!dueAt) return { state: 'none', text: '' };
  const left = dueAt - now;
  const abs = Math.abs(left);
  const h = Math.floor(abs / 3600000);
  const m = Math.floor((abs % 3600000) / 60000);
  const span = lang.startsWith('zh') ? (h ? `${h}小时${m}分` : `${m}分钟`) : h ? `${h}h ${m}m` : `${m}m`;
  if (left < 0) return { state: 'breached', text: lang.startsWith('zh') ? `已超时 ${span}` : `${span} overdue` };
  return {
    state: left <= 30 * 60000 ? 'warning' : 'ok',
    text: lang.startsWith('zh') ? `剩余 ${span}` : `${span} left`,
  };
}

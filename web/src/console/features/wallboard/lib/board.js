// The wallboard's plain logic: how long, how late, and when to read the figures again.
import { debounce } from '@/console/lib/debounce.js';

const MINUTE = 60000;

// A wait as m:ss (under an hour) or h:mm:ss; null (no one waiting) as "—".
export function formatWait(ms) {
  if (ms == null || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

// A deadline against now, as a message key and its count: due in n minutes (rounded up),
// or late by n minutes / hours / days (rounded down).
export function dueText(dueAt, now) {
  const diff = dueAt - now;
  if (diff > 0) return { key: 'wallboard.dueIn', n: Math.max(1, Math.ceil(diff / MINUTE)) };
  const late = now - dueAt;
  if (late < 60 * MINUTE) return { key: 'wallboard.lateMinutes', n: Math.floor(late / MINUTE) };
  if (late < 24 * 60 * MINUTE) return { key: 'wallboard.lateHours', n: Math.floor(late / (60 * MINUTE)) };
  return { key: 'wallboard.lateDays', n: Math.floor(late / (24 * 60 * MINUTE)) };
}

// Bars scaled to the largest count (a share of 0..1 each).
export function bars(items) {
  const max = Math.max(1, ...items.map((x) => x.count));
  return items.map((x) => ({ ...x, share: x.count / max }));
}

// The CSAT average to one decimal, or "—".
export function formatCsat(avg) {
  return avg == null ? '—' : avg.toFixed(1);
}

// The share as a whole percentage, or "—".
export function formatRate(rate) {
  return rate == null ? '—' : `${Math.round(rate * 100)}%`;
}

// Reads the figures again on live events (debounced, console/lib/debounce.js: a burst
// reads once) and every `every` ms whatever happens (the chat queue and presence send no
// ticket events; a dropped stream neither). load() runs at once. Returns { event(), stop() }.
export function liveRefresher(load, { wait = 1000, every = 10000 } = {}) {
  let stopped = false;
  const run = () => {
    if (!stopped) load();
  };
  const soon = debounce(run, wait);
  const poll = setInterval(() => {
    if (!soon.pending()) run();
  }, every);
  run();
  return {
    event: () => !stopped && soon(),
    stop() {
      stopped = true;
      soon.cancel();
      clearInterval(poll);
    },
  };
}

// Desk quick-entry shortcuts. Outside text fields: 1–7 pick the type, A–J the channel.
// Anywhere: Alt+1–4 the priority, Ctrl/Cmd+Enter saves.
import { TICKET_TYPES, CHANNELS, PRIORITIES } from '@/shared/vocab.js';

export const TYPE_KEYS = TICKET_TYPES.map((_, i) => String(i + 1));
export const CHANNEL_KEYS = CHANNELS.map((_, i) => String.fromCharCode(65 + i)); // A…J
export const PRIORITY_KEYS = PRIORITIES.map((_, i) => `Alt+${i + 1}`);

function isTextField(el) {
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || el.isContentEditable) return true;
  if (tag !== 'INPUT') return false;
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(type);
}

function digit(e) {
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code || '');
  if (m) return m[1];
  return /^\d$/.test(e.key || '') ? e.key : null;
}

// → { action: 'save' } | { field: 'type'|'channel'|'priority', value } | null
export function deskShortcut(e) {
  if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.code === 'Enter' || e.code === 'NumpadEnter')) return { action: 'save' };
  const d = digit(e);
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (d && d >= '1' && d <= String(PRIORITIES.length)) return { field: 'priority', value: PRIORITIES[Number(d) - 1] };
    return null;
  }
  if (e.ctrlKey || e.metaKey || isTextField(e.target)) return null;
  if (d && d >= '1' && d <= String(TICKET_TYPES.length)) return { field: 'type', value: TICKET_TYPES[Number(d) - 1] };
  const k = (e.key || '').toUpperCase();
  const i = k.length === 1 ? CHANNEL_KEYS.indexOf(k) : -1;
  if (i >= 0) return { field: 'channel', value: CHANNELS[i] };
  return null;
}

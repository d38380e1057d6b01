// Agent assist (人机协作), the plain parts: which message is the customer's question, an
// entry's Markdown answer as text an agent can edit and send, which suggestions show, the
// keys that insert them, and whether a sent message came from an inserted suggestion. No
// Vue, no clock: the panel (components/AssistPanel.vue) and lib/assistQueue.js use these.

// Suggestions less likely than this to be the right entry are not shown: the item's
// calibrated `probability` (POST /kb/match; the raw `score` when a server gives none), low
// because an agent reads them and judges — a customer would not.
export const MIN_SCORE = 0.1;
export const MAX_SHOWN = 3;
// A question is asked and learned as its first 200 characters (the server keeps no longer
// learned text: kb::kMaxLearnedText); a long ticket description starts with its point.
export const MAX_QUESTION = 200;
const cap = (s) => Array.from(s).slice(0, MAX_QUESTION).join('');

// An answer (the knowledge base's Markdown subset, docs/kb.md) as plain text: headings and
// emphasis lose their marks, [text](url) becomes "text (url)" (mailto:/tel: without the
// scheme, the url alone when it is the text), images are dropped, blank-line runs become one.
export function markdownToPlain(md) {
  const lines = String(md || '').replace(/\r\n?/g, '\n').split('\n');
  const out = lines.map((line) => inline(line.replace(/^\s{0,3}#{1,6}\s+/, '')).replace(/\s+$/, ''));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function inline(s) {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, text, url) => {
      const shown = url.replace(/^(mailto|tel):/i, '');
      const t = text.trim();
      return !t || t === shown || t === url ? shown : `${t} (${shown})`;
    })
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

// One line of a plain answer for the list: its lines joined, spaces folded, at most `max`
// characters (… when cut).
export function previewLine(plain, max = 60) {
  const one = String(plain || '').replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

const textOf = (m) => (m && typeof m.body === 'string' ? m.body.trim() : '');
const isCustomerText = (m) => m && m.sender === 'customer' && m.kind === 'text' && !m.pending && textOf(m) !== '';

// A chat's question: the customer's newest text message as { key, text } (key: its seq, so
// the panel asks again only when a new one arrives), or null. Photos, the bot, staff and
// events are not questions.
export function chatQuestion(items) {
  for (let i = (items || []).length - 1; i >= 0; i--) {
    if (isCustomerText(items[i])) return { key: `m${items[i].seq}`, text: cap(textOf(items[i])) };
  }
  return null;
}

// A ticket's question: the customer's newest reply (customer_reply, from the tracking page),
// else the ticket's description, else its subject; null when it has none.
export function ticketQuestion(ticket, events) {
  for (let i = (events || []).length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && e.kind === 'customer_reply' && textOf(e)) return { key: `e${e.id}`, text: cap(textOf(e)) };
  }
  if (!ticket) return null;
  const d = (ticket.description || '').trim() || (ticket.subject || '').trim();
  return d ? { key: `t${ticket.id}`, text: cap(d) } : null;
}

// A chat the FAQ bot handed over: the customer's last text message before the (last)
// hand-over event, i.e. what the bot could not answer; null when there was no hand-over.
// isHandoff tells a hand-over event's body (lib/bot.js of the chat feature knows the format).
export function handedOverQuestion(items, isHandoff) {
  const list = items || [];
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] && list[i].kind === 'event' && isHandoff(list[i].body)) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  for (let i = at - 1; i >= 0; i--) if (isCustomerText(list[i])) return cap(textOf(list[i]));
  return '';
}

// What the matcher answered, as the panel shows it: at most MAX_SHOWN items scoring at least
// minScore, each with its answer as plain text and a one-line preview.
export function shownSuggestions(items, { minScore = MIN_SCORE, max = MAX_SHOWN } = {}) {
  return (items || [])
    .filter((it) => it && Number(it.probability ?? it.score) >= minScore)
    .slice(0, max)
    .map((it) => {
      const plain = markdownToPlain(it.answer);
      return { ...it, plain, preview: previewLine(plain) };
    });
}

// Alt+1 / Alt+2 / Alt+3 → 0, 1, 2 (the digit's key code too, as macOS types ¡ ™ £ with Alt);
// null for any other key. Ctrl, Meta and Shift combinations are left to the browser.
export function assistKey(e) {
  if (!e || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const m = /^Digit([1-3])$/.exec(e.code || '') || /^([1-3])$/.exec(e.key || '');
  return m ? Number(m[1]) - 1 : null;
}

// Character pairs of a text (spaces ignored), for comparing what was inserted with what was sent.
function pairs(s) {
  const t = String(s || '').replace(/\s+/g, '');
  const out = new Set();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

// Whether a sent message came from the inserted suggestion: it keeps at least `share` of the
// inserted text's character pairs (an agent shortens, greets, adds a store's detail; a
// message written anew after the composer was emptied keeps almost none).
export function cameFrom(insertedText, sentBody, share = 0.3) {
  const a = pairs(insertedText);
  if (!a.size) return false;
  const b = pairs(sentBody);
  let kept = 0;
  for (const p of a) if (b.has(p)) kept++;
  return kept / a.size >= share;
}

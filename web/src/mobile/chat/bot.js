// The FAQ bot (智能客服) in the customer's chat, the rules without a screen: what a bot
// message says, which answers the customer already judged, and the words of a hand-over
// (src/bot/app/bot.hpp is the format; docs/chat.md the routes). The hand-over line and the
// hidden verdict events are logic.js's (eventLine, visibleMessages).
import { parseEvent } from './logic.js';

const ACTS = ['answer', 'suggest', 'apologise', 'smalltalk', 'wait', 'hours', 'ticket_status'];
const str = (v) => (typeof v === 'string' ? v : '');

// The model's phrasing of an answer or guesses (generative answers), with the entries it
// cites as [{faq_id, question}] in the order cited; null without one.
function phrasing(b) {
  const generated = str(b.generated).trim();
  if (!generated) return null;
  const sources = Array.isArray(b.sources) ? b.sources.filter((s) => s && typeof s.question === 'string') : [];
  const cites = Array.isArray(b.cites) ? b.cites : [];
  const cited = cites.map((id) => sources.find((s) => s.faq_id === id)).filter(Boolean);
  return { generated, cites: cited.map((s) => ({ faq_id: s.faq_id, question: s.question })) };
}

// A bot message's body as {act, …}: answer {faq_id, question, answer}, suggest {text,
// suggestions: [{faq_id, question}]} (both with generated + cites when a model phrased
// them), apologise / smalltalk / wait {text}, hours {text, open_now}, ticket_status {found,
// number, subject, status_zh, text}; null when it is not one the page knows (it is then
// shown as plain text). Strings only: the page renders text, never HTML.
export function botAct(message) {
  if (!message || message.sender !== 'bot' || message.kind !== 'bot') return null;
  let b;
  try {
    b = JSON.parse(message.body);
  } catch {
    return null;
  }
  if (!b || typeof b !== 'object' || !ACTS.includes(b.act)) return null;
  const phrased = phrasing(b) || {};
  if (b.act === 'answer') return { act: 'answer', faq_id: b.faq_id, question: str(b.question), answer: str(b.answer), ...phrased };
  if (b.act === 'suggest') {
    const list = Array.isArray(b.suggestions) ? b.suggestions : [];
    const suggestions = list.filter((s) => s && typeof s.question === 'string' && s.question.trim());
    return { act: 'suggest', text: str(b.text), suggestions: suggestions.map((s) => ({ faq_id: s.faq_id, question: s.question })), ...phrased };
  }
  if (b.act === 'hours') return { act: 'hours', text: str(b.text), open_now: !!b.open_now };
  if (b.act === 'ticket_status') {
    return { act: 'ticket_status', found: b.found === true, number: str(b.number), subject: str(b.subject), status_zh: str(b.status_zh), text: str(b.text) };
  }
  return { act: b.act, text: str(b.text) };
}

// The customer's verdicts so far, seq of the answer → solved, from the bot_feedback events
// in the conversation (so a reload shows them). The first verdict on an answer counts.
export function verdicts(messages) {
  const out = {};
  for (const m of messages || []) {
    const e = parseEvent(m);
    if (e && e.event === 'bot_feedback' && Number.isInteger(e.seq) && !(e.seq in out)) out[e.seq] = !!e.solved;
  }
  return out;
}

// The bot is the one answering (the header says 智能客服, 转人工 is offered).
export const withBot = (conversation) => !!conversation && conversation.status === 'bot';

// The FAQ bot (智能客服) in the customer's chat, the rules without a screen: what a bot
// message says, which answers the customer already judged, and the words of a hand-over
// (src/bot/app/bot.hpp is the format; docs/chat.md the routes). The hand-over line and the
// hidden verdict events are logic.js's (eventLine, visibleMessages).
import { parseEvent } from './logic.js';

const ACTS = ['answer', 'suggest', 'apologise'];

// A bot message's body as {act, …}: answer {faq_id, question, answer}, suggest {text,
// suggestions: [{faq_id, question}]}, apologise {text}; null when it is not one the page knows
// (it is then shown as plain text). Strings only: the page renders text, never HTML.
export function botAct(message) {
  if (!message || message.sender !== 'bot' || message.kind !== 'bot') return null;
  let b;
  try {
    b = JSON.parse(message.body);
  } catch {
    return null;
  }
  if (!b || typeof b !== 'object' || !ACTS.includes(b.act)) return null;
  const str = (v) => (typeof v === 'string' ? v : '');
  if (b.act === 'answer') return { act: 'answer', faq_id: b.faq_id, question: str(b.question), answer: str(b.answer) };
  if (b.act === 'suggest') {
    const list = Array.isArray(b.suggestions) ? b.suggestions : [];
    const suggestions = list.filter((s) => s && typeof s.question === 'string' && s.question.trim());
    return { act: 'suggest', text: str(b.text), suggestions: suggestions.map((s) => ({ faq_id: s.faq_id, question: s.question })) };
  }
  return { act: 'apologise', text: str(b.text) };
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

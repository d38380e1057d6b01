// The FAQ bot's words as the agent reads them (src/bot/app/bot.hpp is the format): a bot
// message's act, a hand-over's reason and the bot's guesses, whether a conversation came from
// the bot. Pure: the components and labels.js word them.
import { parseEvent } from './timing.js';

export const HANDOFF_REASONS = ['asked', 'angry', 'unresolved'];

// The bot's asides: words that neither answer from the knowledge base nor fail (small talk,
// a wait while its knowledge builds, store hours, a ticket's status).
export const ASIDES = ['smalltalk', 'wait', 'hours', 'ticket_status'];

// A bot message's body as {act: answer|suggest|apologise|<aside>, …}; null when it is not one
// (the transcript then shows the body as it is). An answer a model phrased carries that text
// as `generated` (the entry's own answer beside it). Strings only: rendered as text, never HTML.
export function botAct(body) {
  const b = parseEvent(body);
  const str = (v) => (typeof v === 'string' ? v : '');
  if (ASIDES.includes(b.act)) return { act: b.act, text: str(b.text) };
  switch (b.act) {
    case 'answer':
      return { act: 'answer', faq_id: b.faq_id, question: str(b.question), answer: str(b.answer), generated: str(b.generated) };
    case 'suggest':
      return { act: 'suggest', text: str(b.text), suggestions: guesses(b.suggestions) };
    case 'apologise':
      return { act: 'apologise', text: str(b.text) };
    default:
      return null;
  }
}

// The bot's guesses (of a suggestion or a hand-over), best first: [{faq_id, question, score}]
// with score in [0, 1] or null when not given.
export function guesses(list) {
  return (Array.isArray(list) ? list : [])
    .filter((g) => g && typeof g.question === 'string' && g.question.trim())
    .map((g) => ({ faq_id: g.faq_id, question: g.question, score: Number.isFinite(g.score) ? g.score : null }));
}

// A hand-over event {event: handoff, reason, guesses}: its reason (asked when unknown) and the
// bot's guesses; null for any other body.
export function handoff(body) {
  const e = parseEvent(body);
  if (e.event !== 'handoff') return null;
  return { reason: HANDOFF_REASONS.includes(e.reason) ? e.reason : 'asked', guesses: guesses(e.guesses) };
}

// A score as the agent reads it: 0.62 → "62%".
export const percent = (score) => (score === null || score === undefined ? '' : `${Math.round(score * 100)}%`);

// The conversation's newest message is the bot's hand-over (the queue shows 机器人转接).
export function handedOverByBot(conversation) {
  const m = conversation && conversation.last_message;
  return !!m && m.kind === 'event' && !!handoff(m.body);
}

// Bot operations (机器人运营, docs/bot.md): the bot's report, the questions it could not
// answer, and an admin's two actions on them; entries to pick from the knowledge base.
import { get, post, qs } from '@/shared/api.js';

const B = '/api/v1/bot';

// { store_id?, from?, to? } → { from, to, store_id, total, days: [...], faqs: [...] }.
export const getBotReport = (params) => get(`${B}/report` + qs(params));
// { store_id?, from?, to? } → { clusters: [{ key, size, questions, stores, last_at, guess }], questions, truncated }.
export const getUnanswered = (params) => get(`${B}/unanswered` + qs(params));
// { questions, faq_id } or { questions, question, answer, category_id? } → { entry, handled }.
export const resolveQuestions = (body) => post(`${B}/unanswered/resolve`, body);
// { questions } → { handled }.
export const dismissQuestions = (questions) => post(`${B}/unanswered/dismiss`, { questions });
// Customer FAQ entries whose text has q (the 添加为相似问法 picker) → { items }.
export const searchEntries = (q) => get('/api/v1/kb/entries' + qs({ q: q || undefined, audience: 'customer', limit: 20 }));

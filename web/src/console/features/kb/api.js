// The knowledge base (docs/kb.md): entries, versions, each store's own answers, categories,
// synonyms, small talk, import and export.
import { del, get, patch, post, postOnce, put, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

const K = '/api/v1/kb';

// { q?, category_id?, status?, audience?, store_id?, pending?, after?, limit? } → { items, next_after }.
export const listEntries = (params) => get(`${K}/entries` + qs(params));
export const getEntry = (id) => get(`${K}/entries/${id}`);
export const createEntry = (body, key = newIdempotencyKey()) => postOnce(`${K}/entries`, body, key);
export const updateEntry = (id, body) => put(`${K}/entries/${id}`, body);
export const deleteEntry = (id) => del(`${K}/entries/${id}`);
export const publishEntry = (id) => post(`${K}/entries/${id}/publish`);
export const discardDraft = (id) => del(`${K}/entries/${id}/draft`);
export const listVersions = (id) => get(`${K}/entries/${id}/versions`);
export const moveEntries = (ids, categoryId) => post(`${K}/entries/move`, { ids, category_id: categoryId });
// An empty answer removes the store's own.
export const putVariant = (entryId, storeId, answer) => put(`${K}/variants`, { entry_id: entryId, store_id: storeId, answer });

export const listCategories = () => get(`${K}/categories`);
export const createCategory = (body) => post(`${K}/categories`, body);
export const updateCategory = (id, body) => put(`${K}/categories/${id}`, body);
export const deleteCategory = (id) => del(`${K}/categories/${id}`);

export const listSynonyms = () => get(`${K}/synonyms`);
export const createSynonyms = (words) => post(`${K}/synonyms`, { words });
export const updateSynonyms = (id, words) => put(`${K}/synonyms/${id}`, { words });
export const deleteSynonyms = (id) => del(`${K}/synonyms/${id}`);

export const listSmallTalk = () => get(`${K}/small-talk`);
export const createSmallTalk = (body) => post(`${K}/small-talk`, body);
export const updateSmallTalk = (id, body) => put(`${K}/small-talk/${id}`, body);
export const deleteSmallTalk = (id) => del(`${K}/small-talk/${id}`);

// One part of a file → the part's report.
export const importPart = (format, text) => post(`${K}/import`, { format, text });
export const exportUrl = (format) => `${K}/export` + qs({ format });

// The matcher (agent assist): { question, store_id?, top_k? } → { items: [{ faq_id, external_id,
// question, score, answer }], confidence }; answer is the store's own when it has one.
export const matchQuestion = (question, storeId, topK = 3) =>
  post(`${K}/match`, { question, store_id: storeId || undefined, top_k: topK });

// What the matcher learns from (学习记录). A signal: "this question is answered by this entry"
// ({ query, faq_id, source: agent_pick | agent_link, conversation_id?, ticket_id? }).
export const recordSignal = (body) => post(`${K}/signals`, body);
// { source?, faq_id?, revoked?, before?, limit? } → { items, next_before }.
export const listSignals = (params) => get(`${K}/signals` + qs(params));
export const setSignalRevoked = (id, revoked) => patch(`${K}/signals/${id}`, { revoked });
// One part of a file of question pairs → { added, updated, unchanged, rejected: [{ line, reason }] }.
export const importParaphrases = (format, text) => post(`${K}/paraphrases`, { format, text });
export const listParaphrases = (params) => get(`${K}/paraphrases` + qs(params));
export const setParaphraseRevoked = (id, revoked) => patch(`${K}/paraphrases/${id}`, { revoked });
// What the current model learned from: counts and its training report.
export const getLearning = () => get(`${K}/learning`);
// Entries that ask the same thing: { status: none | computing | ready, built_at, items: [{ a, b, score }] }.
export const getDuplicates = (minScore) => get(`${K}/duplicates` + qs({ min_score: minScore }));

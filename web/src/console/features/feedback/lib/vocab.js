// The feedback vocabularies of the server (vocabulary.json): sources, touchpoints, sentiments.
import { label, vocabulary } from '@/shared/vocab.js';

const codes = (list) => (vocabulary[list] || []).map((x) => x.code);
export const SOURCES = codes('feedback_sources');
export const TOUCHPOINTS = codes('touchpoints');
export const SENTIMENTS = codes('sentiments');

// A code's label in `lang` ('zh-CN' | 'en').
export const vocabLabel = (list, code, lang) => (code ? label(list, code, lang) : '');

// The console's messages: the shared ones (locales/), the vocabulary's labels (from the
// server's vocabulary.json: t('types.complaint')…) and every feature's (features.js).
import { makeI18n } from '../shared/i18n.js';
import { vocabularyMessages } from '../shared/vocab.js';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import { features, gatherMessages } from './features.js';

export const LANG_KEY = 'kefu.console.lang';
const vocabulary = { name: 'vocabulary', messages: { 'zh-CN': vocabularyMessages('zh-CN'), en: vocabularyMessages('en') } };
export const messages = gatherMessages({ 'zh-CN': zh, en }, [vocabulary, ...features]);
export const i18n = makeI18n(messages, LANG_KEY);

// The mobile page's messages and the vocabulary's labels (t('types.complaint')…). The ticket
// statuses keep their own customer-facing words (status.*: 已受理, not 新建).
import { makeI18n } from '../shared/i18n.js';
import { vocabularyMessages } from '../shared/vocab.js';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const LANG_KEY = 'kefu.mobile.lang';
export const messages = {
  'zh-CN': { ...vocabularyMessages('zh-CN'), ...zh },
  en: { ...vocabularyMessages('en'), ...en },
};
export const i18n = makeI18n(messages, LANG_KEY);

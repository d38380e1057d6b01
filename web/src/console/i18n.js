// The console's messages: the shared ones (locales/) and every feature's (features.js).
import { makeI18n } from '../shared/i18n.js';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import { features, gatherMessages } from './features.js';

export const LANG_KEY = 'kefu.console.lang';
export const messages = gatherMessages({ 'zh-CN': zh, en }, features);
export const i18n = makeI18n(messages, LANG_KEY);

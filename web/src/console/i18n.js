import { makeI18n } from '../shared/i18n.js';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const LANG_KEY = 'kefu.console.lang';
export const i18n = makeI18n({ 'zh-CN': zh, en }, LANG_KEY);

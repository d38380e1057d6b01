// vue-i18n set-up shared by both pages: zh-CN first, English second; the choice is kept
// in localStorage (per browser; the console also stores it per user, see console/stores).
import { createI18n } from 'vue-i18n';
import { setApiLanguage } from './api.js';

export const LANGS = ['zh-CN', 'en'];

export function initialLanguage(key) {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(key) : null;
  return LANGS.includes(saved) ? saved : 'zh-CN';
}

export function makeI18n(messages, key) {
  const locale = initialLanguage(key);
  setApiLanguage(locale);
  return createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages });
}

export function switchLanguage(i18n, lang, key) {
  i18n.global.locale.value = lang;
  setApiLanguage(lang);
  if (typeof localStorage !== 'undefined') localStorage.setItem(key, lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

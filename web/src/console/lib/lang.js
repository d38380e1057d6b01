// The console language: per browser (kefu.console.lang, via shared switchLanguage) and
// per user (kefu.console.lang.<username>), so a shared desk PC follows whoever signs in.
import { switchLanguage, LANGS } from '../../shared/i18n.js';
import { i18n, LANG_KEY } from '../i18n.js';

export function userLangKey(username) {
  return `${LANG_KEY}.${username}`;
}

export function setLanguage(lang, username) {
  switchLanguage(i18n, lang, LANG_KEY);
  if (username && typeof localStorage !== 'undefined') localStorage.setItem(userLangKey(username), lang);
}

export function applyUserLanguage(username) {
  if (!username || typeof localStorage === 'undefined') return;
  const saved = localStorage.getItem(userLangKey(username));
  if (LANGS.includes(saved) && saved !== i18n.global.locale.value) switchLanguage(i18n, saved, LANG_KEY);
}

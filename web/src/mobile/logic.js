// The mobile page's rules that are not layout: checking what the customer typed before
// it is sent, the error code → page state of the CSAT page, and where access tokens are
// kept. The server checks everything again; these only save the customer a round trip.

export const TYPES = ['complaint', 'suggestion', 'praise'];
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const LIMITS = { subject: 200, description: 2000, name: 50, reply: 2000, comment: 500 };

// Mainland phone numbers as people type them: "138 0013 8000", "+86 138-0013-8000",
// full-width digits. Digits only, +86/0086/86 dropped from 13-digit numbers; null when
// the result is not plausible (5–15 digits; 11 digits starting with 1 for mobiles).
// Mirrors domain/people/phone.hpp.
export function normalizePhone(raw) {
  if (typeof raw !== 'string') return null;
  let digits = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0);
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (code >= 0xff10 && code <= 0xff19) digits += String(code - 0xff10);
    else if ((ch === '+' || ch === '\uff0b') && digits === '') continue;
    else if (' -.()\u3000'.includes(ch)) continue;
    else return null;
  }
  if (digits.startsWith('0086') && digits.length === 15) digits = digits.slice(4);
  if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (digits.length < 5 || digits.length > 15) return null;
  if (digits.length === 11 && digits[0] === '1' && (digits[1] < '3' || digits[1] > '9')) return null;
  return digits;
}

// A mobile number is what the form asks for: 11 digits starting with 1.
export function isMobilePhone(raw) {
  const p = normalizePhone(raw);
  return !!p && p.length === 11 && p[0] === '1';
}

const chars = (s) => [...(s || '')].length;

// Field → message key of the first problem, {} when the form may be sent.
export function validateSubmission(form) {
  const errors = {};
  if (!TYPES.includes(form.type)) errors.type = 'err.type';
  if (!form.store_id && !form.store_code) errors.store = 'err.store';
  if (!form.subject || !form.subject.trim()) errors.subject = 'err.required';
  else if (chars(form.subject) > LIMITS.subject) errors.subject = 'err.too_long';
  if (!form.description || !form.description.trim()) errors.description = 'err.required';
  else if (chars(form.description) > LIMITS.description) errors.description = 'err.too_long';
  if (chars(form.name) > LIMITS.name) errors.name = 'err.too_long';
  if (!form.phone || !form.phone.trim()) errors.phone = 'err.required';
  else if (!isMobilePhone(form.phone)) errors.phone = 'err.phone';
  return errors;
}

export function validateTrack({ number, phone, code }) {
  const errors = {};
  const c = (code || '').replace(/[\s-]/g, '');
  if (!c) errors.code = 'err.required';
  else if (!/^[2-9A-HJKMNP-Za-hjkmnp-z]{6}$/.test(c)) errors.code = 'err.code';
  if (!number || !/^[A-Za-z]{2}\d{6,}$/.test(number.trim())) errors.number = 'err.number';
  if (!phone || !phone.trim()) errors.phone = 'err.required';
  else if (!normalizePhone(phone)) errors.phone = 'err.phone';
  return errors;
}

// A photo the uploader may keep: an image type the server takes, at most 10 MiB.
export function photoProblem(file) {
  if (!file) return 'err.photo_type';
  if (!['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(file.type)) return 'err.photo_type';
  if (file.size > MAX_PHOTO_BYTES) return 'err.photo_size';
  return null;
}

// The CSAT page's state from the API: what GET answered, or the error code it threw.
// form (rate now) | rated (already rated) | expired | invalid | error (try again).
export function csatState({ view, errorCode } = {}) {
  if (errorCode === 'link_expired') return 'expired';
  if (errorCode === 'invalid_link' || errorCode === 'route_not_found' || errorCode === 'not_found') return 'invalid';
  if (errorCode === 'already_rated') return 'rated';
  if (errorCode) return 'error';
  if (view && view.rated) return 'rated';
  if (view) return 'form';
  return 'loading';
}

// The NPS page's state: loading, form, answered, or why not (the CSAT page's link rules).
export function npsState({ view, errorCode } = {}) {
  if (errorCode === 'link_expired') return 'expired';
  if (errorCode === 'invalid_link' || errorCode === 'route_not_found' || errorCode === 'not_found') return 'invalid';
  if (errorCode === 'nps_answered') return 'answered';
  if (errorCode) return 'error';
  if (view && view.answered) return 'answered';
  if (view) return 'form';
  return 'loading';
}

// 0–6 detractor, 7–8 passive, 9–10 promoter (feedback/domain/nps.hpp).
export function npsCategory(score) {
  if (score === null || score === undefined) return null;
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

// The ticket page's state from its error code (the same link rules as the CSAT page).
export function ticketState(errorCode) {
  if (!errorCode) return 'ok';
  if (errorCode === 'link_expired') return 'expired';
  if (errorCode === 'invalid_link' || errorCode === 'route_not_found') return 'invalid';
  return 'error';
}

// Access tokens of this browser tab's tickets (sessionStorage: gone with the tab).
const TOKENS_KEY = 'kefu.mobile.tokens';
function storage() {
  return typeof sessionStorage !== 'undefined' ? sessionStorage : null;
}
export function rememberToken(number, token) {
  const s = storage();
  if (!s) return;
  const all = recentTokens();
  all[number] = token;
  s.setItem(TOKENS_KEY, JSON.stringify(all));
}
export function recentTokens() {
  const s = storage();
  if (!s) return {};
  try {
    const v = JSON.parse(s.getItem(TOKENS_KEY) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

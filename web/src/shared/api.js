// The one HTTP client of both pages: JSON in and out, the session cookie (HttpOnly,
// set by /api/v1/auth/login) for staff, errors as ApiError with the server's code,
// message (in the UI language via Accept-Language) and field.
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let language = 'zh-CN';
export function setApiLanguage(lang) {
  language = lang;
}

// Called on a 401 (unauthenticated / session_expired) from any request but the login, so a
// page can send the user back to its sign-in screen. Optional.
let unauthenticatedHandler = null;
export function onUnauthenticated(fn) {
  unauthenticatedHandler = fn;
}

export async function api(method, path, body, { headers = {}, raw = false } = {}) {
  const h = { 'Accept-Language': language, ...headers };
  let payload;
  if (body instanceof FormData || body instanceof Blob) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  if (raw) return res;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = json && json.error;
    if (res.status === 401 && unauthenticatedHandler && !path.includes('/auth/login')) unauthenticatedHandler();
    throw new ApiError(res.status, e ? e.code : 'http_' + res.status, e ? e.message : text, e && e.field);
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
// A write with an Idempotency-Key (one key per form; a retried submit replays the first answer).
export const postOnce = (path, body, key) => api('POST', path, body, { headers: key ? { 'Idempotency-Key': key } : {} });

// Query strings from plain objects (skipping empty values; arrays joined by commas).
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? '?' + s : '';
}

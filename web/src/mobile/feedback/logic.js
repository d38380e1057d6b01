// The feedback form's rules that are not layout (扫码反馈): what the customer typed, checked
// before it is sent, and the request body it becomes. The server checks everything again.
import { MAX_PHOTO_BYTES, isMobilePhone } from '../logic.js';

export const FEEDBACK_TEXT_MAX = 2000;
export const FEEDBACK_PHOTOS_MAX = 3;
export { MAX_PHOTO_BYTES };

const chars = (s) => [...(s || '')].length;

// Field → message key of the first problem, {} when the form may be sent. A place code (the
// QR code's) or a store is needed; the phone only when the customer chose to leave one.
export function validateFeedback(form) {
  const errors = {};
  if (!form.place_code && !form.store_id && !form.store_code) errors.store = 'err.store';
  if (!form.text || !form.text.trim()) errors.text = 'err.required';
  else if (chars(form.text) > FEEDBACK_TEXT_MAX) errors.text = 'err.too_long';
  if (form.rating && !(Number.isInteger(form.rating) && form.rating >= 1 && form.rating <= 5)) errors.rating = 'err.rating';
  if (!form.anonymous && form.phone && form.phone.trim() && !isMobilePhone(form.phone)) errors.phone = 'err.phone';
  if ((form.photos || []).length > FEEDBACK_PHOTOS_MAX) errors.photos = 'feedback.tooManyPhotos';
  return errors;
}

// The fields the server's public feedback form takes (docs/openapi.yaml): only what was
// filled in; the phone only when the customer is not anonymous.
export function feedbackFields(form) {
  const out = { text: form.text.trim() };
  if (form.place_code) out.place_code = form.place_code;
  else if (form.store_id) out.store_id = form.store_id;
  else if (form.store_code) out.store_code = form.store_code;
  if (form.rating) out.rating = form.rating;
  if (!form.anonymous && form.phone && form.phone.trim()) out.phone = form.phone.trim();
  if (form.client_id) out.client_id = form.client_id;
  return out;
}

// The form's own id for one submission: a retry after a lost answer is the same
// submission (the server returns the first receipt). 8–64 of A–Z a–z 0–9 - _.
export function newClientId(random = () => Math.random()) {
  if (typeof crypto !== 'undefined' && crypto.randomUUID) return crypto.randomUUID();
  let id = 'fb-';
  while (id.length < 27) id += Math.floor(random() * 36).toString(36);
  return id;
}

// The request body: JSON without photos; multipart/form-data (one field each, then the
// photos as "photo" parts) with them, so the words and the photos arrive together.
export function feedbackBody(form, files = []) {
  const fields = feedbackFields(form);
  if (!files.length) return fields;
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  for (const f of files.slice(0, FEEDBACK_PHOTOS_MAX)) data.append('photo', f, f.name || 'photo.jpg');
  return data;
}

// Where the QR code sends the customer: /m/feedback/<code>; a store's general link is
// /m/feedback?store=<store code>.
export function feedbackPath(code) {
  return `/m/feedback/${encodeURIComponent(code)}`;
}

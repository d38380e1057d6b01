// Feedback (反馈, docs/feedback.md). Hot issues and the journey map: read-only figures for
// supervisors and above.
import { get, qs } from '@/shared/api.js';

const F = '/api/v1/feedback';

// { store_id?, day? } → { day, tested, too_little_data, overdispersion, rules, issues: [...] }.
export const getHotIssues = (params) => get(`${F}/hot` + qs(params));
// { store_id?, from?, to? } → { store_id, from, to, previous_from, stages: [...], without_touchpoint, … }.
export const getJourney = (params) => get(`${F}/journey` + qs(params));

// A place's printable poster (PDF or PNG). Its QR code points at `base`: this console's own
// address by default (where customers reach kefu too when both go through the same proxy).
export const posterUrl = (placeId, format, base = window.location.origin) =>
  `${F}/places/${encodeURIComponent(placeId)}/poster.${format === 'png' ? 'png' : 'pdf'}?base=${encodeURIComponent(base)}`;
// What a place's QR code opens: the customer's form with the store and place filled in.
export const formUrl = (code, base = window.location.origin) => `${base}/m/feedback/${encodeURIComponent(code)}`;

// Feedback (反馈, docs/feedback.md). Hot issues and the journey map: read-only figures for
// supervisors and above.
import { get, qs } from '@/shared/api.js';

const F = '/api/v1/feedback';

// { store_id?, day? } → { day, tested, too_little_data, overdispersion, rules, issues: [...] }.
export const getHotIssues = (params) => get(`${F}/hot` + qs(params));
// { store_id?, from?, to? } → { store_id, from, to, previous_from, stages: [...], without_touchpoint, … }.
export const getJourney = (params) => get(`${F}/journey` + qs(params));

// The closed vocabularies of the API, as the server defines them. vocabulary.json is generated
// from the C++ source (`kefu vocabulary`; the same JSON as the API's meta/vocabulary): copy
// it from the build, never edit it by hand. This module only reads it: the code lists in the
// server's order, the ticket status machine, defaults, role ranks and the labels (zh, en).
import vocabulary from './vocabulary.json';

const codes = (list, keep = () => true) => list.filter(keep).map((x) => x.code);
const index = Object.fromEntries(Object.entries(vocabulary).map(([name, list]) => [name, new Map(list.map((x) => [x.code, x]))]));
const entry = (name, code) => (index[name] ? index[name].get(code) : undefined);

export const TICKET_TYPES = codes(vocabulary.types);
export const CHANNELS = codes(vocabulary.channels);
export const ONLINE_CHANNELS = codes(vocabulary.channels, (c) => c.online);
export const PRIORITIES = codes(vocabulary.priorities);
export const STATUSES = codes(vocabulary.statuses);
export const OPEN_STATUSES = codes(vocabulary.statuses, (s) => s.open);
export const TASK_STATUSES = codes(vocabulary.task_statuses);
export const ROLES = codes(vocabulary.roles); // lowest rank first
export const RESOLUTION_KINDS = codes(vocabulary.resolution_kinds);
export const MONEY_KINDS = codes(vocabulary.resolution_kinds, (k) => k.money);
export const COMPENSATIONS = codes(vocabulary.compensations);
export const RESOLUTION_STATUSES = codes(vocabulary.resolution_statuses);
export const CALLBACK_OUTCOMES = codes(vocabulary.callback_outcomes);
export const MEMBER_TIERS = codes(vocabulary.member_tiers);
export const CARE_FLAGS = codes(vocabulary.care_flags);
export const DEPARTMENT_KINDS = codes(vocabulary.department_kinds);
export const SLA_METRICS = codes(vocabulary.sla_metrics);

// Allowed moves of a ticket from a status (a copy), in the server's order: onward moves
// first, reopening last (so the status select offers to close a resolved ticket first).
export function nextStatuses(status) {
  const s = entry('statuses', status);
  return s ? [...s.next] : [];
}

// The priority the server gives a new ticket of this type.
export function defaultPriority(type) {
  const t = entry('types', type);
  return t ? t.default_priority : undefined;
}

export function isOnline(channel) {
  const c = entry('channels', channel);
  return !!(c && c.online);
}

export function roleRank(role) {
  return ROLES.indexOf(role);
}
export function atLeast(role, min) {
  return roleRank(role) >= roleRank(min);
}

// A code's label in a language ('zh-CN' or 'en'); `short` for lists that have one (priorities).
// An unknown code is shown as it is.
export function label(list, code, lang = 'zh-CN', { short = false } = {}) {
  const e = entry(list, code);
  if (!e) return code;
  const en = String(lang).startsWith('en');
  return (short && e[en ? 'en_short' : 'zh_short']) || e[en ? 'en' : 'zh'] || code;
}

// Where the pages' messages keep each list's labels: t('types.complaint'), t('kinds.refund')…
// Priorities are shown by their short labels (P1 紧急) in tags, selects and radio buttons.
export const MESSAGE_NAMESPACES = {
  types: 'types', channels: 'channels', priorities: 'priorities', statuses: 'statuses', task_statuses: 'taskStatuses',
  roles: 'roles', scopes: 'scopes', resolution_kinds: 'kinds', compensations: 'compensations',
  resolution_statuses: 'resolutionStatus', callback_outcomes: 'outcomes', member_tiers: 'tiers', care_flags: 'care',
  department_kinds: 'deptKinds', sla_metrics: 'metrics',
};
const SHORT = new Set(['priorities']);

// vue-i18n messages of every list for one language: { types: { inquiry: '咨询', … }, … }.
export function vocabularyMessages(lang) {
  const out = {};
  for (const [list, ns] of Object.entries(MESSAGE_NAMESPACES)) {
    out[ns] = Object.fromEntries((vocabulary[list] || []).map((e) => [e.code, label(list, e.code, lang, { short: SHORT.has(list) })]));
  }
  return out;
}

export { vocabulary };

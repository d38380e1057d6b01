// The closed vocabularies of the API (docs/openapi.yaml) and the ticket status machine.
export const TICKET_TYPES = ['inquiry', 'complaint', 'return', 'lost_found', 'service_request', 'suggestion', 'praise'];
export const CHANNELS = [
  'service_desk', 'floor_desk', 'brand_counter', 'cashier', 'hotline',
  'app', 'social_media', 'comment_box', 'bot_handoff', 'email',
];
export const ONLINE_CHANNELS = ['app', 'social_media', 'bot_handoff', 'email'];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
export const STATUSES = ['new', 'in_progress', 'waiting_customer', 'waiting_internal', 'resolved', 'closed'];
export const OPEN_STATUSES = ['new', 'in_progress', 'waiting_customer', 'waiting_internal'];
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'];
export const ROLES = ['agent', 'dept_head', 'supervisor', 'manager', 'admin'];
export const RESOLUTION_KINDS = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'explanation'];
export const COMPENSATIONS = ['coupon', 'points', 'cash'];
export const MONEY_KINDS = ['refund', 'compensation'];
export const CALLBACK_OUTCOMES = ['satisfied', 'not_satisfied', 'unreachable'];
export const MEMBER_TIERS = ['normal', 'silver', 'gold', 'platinum'];
export const CARE_FLAGS = ['elderly', 'disabled', 'pregnant'];
export const DEPARTMENT_KINDS = ['desk', 'floor', 'brand_counter', 'security', 'parking', 'property', 'cashier', 'member_center', 'other'];

// Allowed moves (POST /tickets/{id}/status): see the status description in openapi.yaml.
const TRANSITIONS = {
  new: ['in_progress', 'waiting_customer', 'waiting_internal', 'resolved'],
  in_progress: ['waiting_customer', 'waiting_internal', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  waiting_internal: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};
export function nextStatuses(status) {
  return TRANSITIONS[status] ? [...TRANSITIONS[status]] : [];
}

// The server's default priority (P3 for complaints, P4 otherwise).
export function defaultPriority(type) {
  return type === 'complaint' ? 'P3' : 'P4';
}

export function roleRank(role) {
  return ROLES.indexOf(role);
}
export function atLeast(role, min) {
  return roleRank(role) >= roleRank(min);
}

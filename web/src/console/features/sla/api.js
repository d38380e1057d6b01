// SLA: a ticket's clocks, the policies (服务时限策略) and the compliance report.
import { del, get, put, postOnce, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

// { policy, clocks: [{ metric, cycle, phase, due_at, finished_at, breached, target }] }.
export const getTicketSla = (ticketId) => get(`/api/v1/tickets/${ticketId}/sla`);

export const listPolicies = (params) => get('/api/v1/sla/policies' + qs(params));
export const createPolicy = (body, key = newIdempotencyKey()) => postOnce('/api/v1/sla/policies', body, key);
export const updatePolicy = (id, body) => put(`/api/v1/sla/policies/${id}`, body);
export const retirePolicy = (id) => del(`/api/v1/sla/policies/${id}`);

// Compliance met / (met + missed) per metric: { rows: [{ key, metric, rate, … }] }.
export const getSlaReport = (params) => get('/api/v1/reports/sla' + qs(params));

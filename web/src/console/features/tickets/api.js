// Tickets, their timeline, collaboration tasks and photos. Writes that create something
// carry an Idempotency-Key: a fresh one per call unless the form keeps its own for retries.
import { api, get, patch, postOnce, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

const T = '/api/v1/tickets';
const enc = encodeURIComponent;

export const listTickets = (params) => get(T + qs(params));
export const getTicket = (id) => get(`${T}/${id}`);
export const createTicket = (body, key = newIdempotencyKey()) => postOnce(T, body, key);
export const trackingSlip = (id) => postOnce(`${T}/${id}/tracking-slip`, {});
// { priority, version } and the like; a priority change re-applies the SLA policy.
export const updateTicket = (id, body) => patch(`${T}/${id}`, body);

// { events, tasks, attachments } of one ticket.
export const getTimeline = (id) => get(`${T}/${id}/timeline`);
export const sendReply = (id, body, key = newIdempotencyKey()) => postOnce(`${T}/${id}/replies`, { body }, key);
export const sendNote = (id, body, key = newIdempotencyKey()) => postOnce(`${T}/${id}/notes`, { body }, key);

// { status, version, comment? } → the ticket.
export const changeStatus = (id, body, key = newIdempotencyKey()) => postOnce(`${T}/${id}/status`, body, key);
export const claimTicket = (id, key = newIdempotencyKey()) => postOnce(`${T}/${id}/claim`, undefined, key);
// { to_staff_id, reason }: first-contact ownership moves only this way, audited.
export const handOver = (id, body, key = newIdempotencyKey()) => postOnce(`${T}/${id}/handover`, body, key);

// Collaboration tasks: { department_id, description, due_at? }; an update is { status, version, result? }.
export const createTask = (ticketId, body, key = newIdempotencyKey()) => postOnce(`${T}/${ticketId}/tasks`, body, key);
export const updateTask = (taskId, body) => patch(`/api/v1/tasks/${taskId}`, body);

export const uploadAttachment = (ticketId, file) =>
  api('POST', `${T}/${ticketId}/attachments?filename=${enc(file.name)}`, file, { headers: { 'Content-Type': file.type } });
export const attachmentUrl = (attachmentId) => `/api/v1/attachments/${attachmentId}`;

// Every ticket of the list's filters as a workbook (下载 Excel / CSV, reports' ExportButton).
export const TICKETS_EXPORT = '/api/v1/tickets/export';

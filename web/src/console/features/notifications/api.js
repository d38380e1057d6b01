// The staff member's notifications and their live stream (SSE, see stores/notifications.js).
import { get, post, qs } from '@/shared/api.js';

export const listNotifications = (params) => get('/api/v1/notifications' + qs(params));
export const markRead = (id) => post(`/api/v1/notifications/${id}/read`);
export const markAllRead = () => post('/api/v1/notifications/read-all');
// The stream's URL; `after` resumes after the last notification seen.
export const streamUrl = (after) => '/api/v1/notifications/stream' + (after ? `?after=${after}` : '');

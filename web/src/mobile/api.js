// The public API the mobile page speaks (docs/openapi.yaml, tag "public"): no login.
import { api, get, post } from '../shared/api.js';

const enc = encodeURIComponent;
export const stores = () => get('/api/v1/public/stores');
export const submitTicket = (body) => post('/api/v1/public/tickets', body);
export const trackTicket = (number, phone, code) => post('/api/v1/public/track', { number, phone, code });
export const viewTicket = (token) => get(`/api/v1/public/tickets/${enc(token)}`);
export const replyTicket = (token, body) => post(`/api/v1/public/tickets/${enc(token)}/replies`, { body });
export const uploadPhoto = (token, file) =>
  api('POST', `/api/v1/public/tickets/${enc(token)}/attachments?filename=${enc(file.name || 'photo')}`, file, {
    headers: { 'Content-Type': file.type },
  });
export const photoUrl = (token, id) => `/api/v1/public/tickets/${enc(token)}/attachments/${id}`;
export const viewCsat = (token) => get(`/api/v1/public/csat/${enc(token)}`);
export const rateCsat = (token, rating, comment) => post(`/api/v1/public/csat/${enc(token)}`, { rating, comment });

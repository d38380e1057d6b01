// The public API the mobile page speaks (docs/openapi.yaml, tag "public"): no login.
import { ApiError, api, get, post } from '../shared/api.js';

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
// Feedback (扫码反馈): the place a QR code names, and the form (JSON, or FormData with photos).
export const feedbackPlace = (code) => get(`/api/v1/public/feedback/places/${enc(code)}`);
export const submitFeedback = (body) => post('/api/v1/public/feedback', body);
export const photoUrl = (token, id) => `/api/v1/public/tickets/${enc(token)}/attachments/${id}`;
export const viewCsat = (token) => get(`/api/v1/public/csat/${enc(token)}`);
export const rateCsat = (token, rating, comment) => post(`/api/v1/public/csat/${enc(token)}`, { rating, comment });
// NPS (净推荐值): the survey behind the link, answered once.
export const viewNps = (token) => get(`/api/v1/public/nps/${enc(token)}`);
export const answerNps = (token, score, reason) => post(`/api/v1/public/nps/${enc(token)}`, { score, reason });

// Live chat (docs/chat.md): the chat token (kfc_…) is the customer's key to the conversation.
const chat = (token) => `/api/v1/public/chats/${enc(token)}`;
export const startChat = (body) => post('/api/v1/public/chats', body);
export const chatState = (token, after = 0) => get(`${chat(token)}?after=${after}`);
export const chatSend = (token, msg) => post(`${chat(token)}/messages`, msg);
export const chatRead = (token, seq) => post(`${chat(token)}/read`, { seq });
export const chatEnd = (token) => post(`${chat(token)}/end`, {});
export const chatRate = (token, rating, comment) => post(`${chat(token)}/rating`, comment ? { rating, comment } : { rating });
export const chatLeaveMessage = (token, body) => post(`${chat(token)}/leave-message`, body);
// The FAQ bot: the customer's 已解决 / 未解决 on an answer (its seq), and 转人工.
export const chatBotFeedback = (token, seq, solved) => post(`${chat(token)}/bot-feedback`, { seq, solved });
export const chatHandoff = (token) => post(`${chat(token)}/handoff`, {});
export const chatPhotoUrl = (token, id) => `${chat(token)}/photos/${id}`;
// ws:// or wss:// as the page was loaded.
export const chatSocketUrl = (loc = window.location) =>
  `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/api/v1/public/chats/socket`;

// A photo's raw bytes, with upload progress (fetch reports none): onProgress(0…1). Resolves
// to {message, duplicate}; rejects with an ApiError (413 too large, 415 not an image we take).
export function chatUploadPhoto(token, file, onProgress = () => {}, lang = document.documentElement.lang || 'zh-CN') {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${chat(token)}/photos?filename=${enc(file.name || 'photo.jpg')}`);
    if (file.type) xhr.setRequestHeader('Content-Type', file.type);
    xhr.setRequestHeader('Accept-Language', lang);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json);
      const e = json && json.error;
      reject(new ApiError(xhr.status, e ? e.code : 'http_' + xhr.status, e ? e.message : '', e && e.field));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.send(file);
  });
}

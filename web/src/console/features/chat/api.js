// Live chat (在线客服), the staff side of docs/chat.md: conversations, messages, photos,
// presence, the supervisor's live view, canned replies and the store's chat settings.
// The socket's URL is here too (same origin; the session cookie authenticates it).
import { api, del, get, post, put, qs } from '@/shared/api.js';

const C = '/api/v1/chat';
const enc = encodeURIComponent;

// ws:// or wss:// on this page's host.
export function socketUrl(loc = typeof location !== 'undefined' ? location : { protocol: 'http:', host: 'localhost' }) {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${C}/socket`;
}

export const getMe = () => get(`${C}/me`);
// { presence: online | away | offline, on_call? } → as getMe. onCall undefined keeps it.
export const setPresence = (presence, onCall) =>
  post(`${C}/presence`, onCall === undefined ? { presence } : { presence, on_call: onCall });

// { store_id?, status?: queued|assigned|ended|open, mine?: 1, limit?, before? } → { items }.
export const listConversations = (params) => get(`${C}/conversations` + qs(params));
// { conversation, messages } with the messages after seq `after`.
export const getConversation = (id, after) => get(`${C}/conversations/${id}` + qs({ after }));
// { client_msg_id, body, whisper? } → { message, duplicate }.
export const sendMessage = (id, body) => post(`${C}/conversations/${id}/messages`, body);
export const uploadPhoto = (id, file) =>
  api('POST', `${C}/conversations/${id}/photos?filename=${enc(file.name)}`, file, { headers: { 'Content-Type': file.type } });
export const photoUrl = (id, attachmentId) => `${C}/conversations/${id}/photos/${attachmentId}`;
export const markRead = (id, seq) => post(`${C}/conversations/${id}/read`, { seq });
export const pickConversation = (id) => post(`${C}/conversations/${id}/pick`);
export const assignConversation = (id, agentId) => post(`${C}/conversations/${id}/assign`, { agent_id: agentId });
// { agent_id } or { queue }, with note.
export const transferConversation = (id, body) => post(`${C}/conversations/${id}/transfer`, body);
export const inviteColleague = (id, body) => post(`${C}/conversations/${id}/invite`, body);
export const endConversation = (id) => post(`${C}/conversations/${id}/end`);
// { type, subject?, priority? } → the new ticket (owned by the caller).
export const makeTicket = (id, body) => post(`${C}/conversations/${id}/ticket`, body);
export const linkMember = (id, memberId) => post(`${C}/conversations/${id}/member`, { member_id: memberId });

export const getMonitor = (storeId) => get(`${C}/monitor` + qs({ store_id: storeId }));
// { capacity: int | null, queues: [...] }.
export const setStaffChat = (staffId, body) => put(`/api/v1/staff/${staffId}/chat`, body);

export const listCanned = (params) => get(`${C}/canned` + qs(params));
export const createCanned = (body) => post(`${C}/canned`, body);
export const updateCanned = (id, body) => put(`${C}/canned/${id}`, body);
export const deleteCanned = (id) => del(`${C}/canned/${id}`);

export const getChatSettings = (storeId) => get(`/api/v1/stores/${storeId}/chat-settings`);
export const putChatSettings = (storeId, body) => put(`/api/v1/stores/${storeId}/chat-settings`, body);

// The chat figures of a period (the dashboard's card): waits, first replies, handling, abandonment.
export const getChatReport = (params) => get(`${C}/report` + qs(params));

// Every conversation of the store as a workbook (下载 Excel / CSV, reports' ExportButton).
export const CONVERSATIONS_EXPORT = '/api/v1/chat/conversations/export';

// Sign-in, the session (the HttpOnly cookie is set and cleared by the server), one's own
// password and sessions, and (admins) the API tokens.
import { get, post } from '@/shared/api.js';

// 200 whether signed in or not: { authenticated, demo, staff? }.
export const getSession = () => get('/api/v1/auth/session');
export const login = (username, password) => post('/api/v1/auth/login', { username, password });
export const logout = () => post('/api/v1/auth/logout');

// Needs the current password; ends one's other sessions.
export const changePassword = (current_password, new_password) =>
  post('/api/v1/auth/password', { current_password, new_password });
export const listMySessions = () => get('/api/v1/auth/sessions');
export const endOtherSessions = () => post('/api/v1/auth/sessions/end-others', {});

export const listApiTokens = () => get('/api/v1/api-tokens');
export const revokeApiToken = (id) => post(`/api/v1/api-tokens/${id}/revoke`, {});

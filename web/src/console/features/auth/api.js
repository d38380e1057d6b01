// Sign-in and the session (the HttpOnly cookie is set and cleared by the server).
import { get, post } from '@/shared/api.js';

// 200 whether signed in or not: { authenticated, staff? }.
export const getSession = () => get('/api/v1/auth/session');
export const login = (username, password) => post('/api/v1/auth/login', { username, password });
export const logout = () => post('/api/v1/auth/logout');

// The organisation: stores and their business calendars (营业日历), departments, staff.
import { get, put, post, postOnce } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

export const listStores = () => get('/api/v1/stores');
export const createStore = (body, key = newIdempotencyKey()) => postOnce('/api/v1/stores', body, key);
export const getCalendar = (storeId) => get(`/api/v1/stores/${storeId}/calendar`);
export const saveCalendar = (storeId, body) => put(`/api/v1/stores/${storeId}/calendar`, body);

export const listDepartments = () => get('/api/v1/departments');
export const createDepartment = (body, key = newIdempotencyKey()) => postOnce('/api/v1/departments', body, key);

export const listStaff = () => get('/api/v1/staff');
export const createStaff = (body, key = newIdempotencyKey()) => postOnce('/api/v1/staff', body, key);

// Account life (admins): the server ends the person's sessions at once for each of these
// but reactivation; a reset password must be changed at the person's next sign-in.
export const deactivateStaff = (id) => post(`/api/v1/staff/${id}/deactivate`, {});
export const reactivateStaff = (id) => post(`/api/v1/staff/${id}/reactivate`, {});
export const resetStaffPassword = (id, password) => post(`/api/v1/staff/${id}/password`, { password });
export const endStaffSessions = (id) => post(`/api/v1/staff/${id}/sessions/end`, {});

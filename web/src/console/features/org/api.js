// The organisation: stores and their business calendars (营业日历), departments, staff.
import { get, put, postOnce } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

export const listStores = () => get('/api/v1/stores');
export const createStore = (body, key = newIdempotencyKey()) => postOnce('/api/v1/stores', body, key);
export const getCalendar = (storeId) => get(`/api/v1/stores/${storeId}/calendar`);
export const saveCalendar = (storeId, body) => put(`/api/v1/stores/${storeId}/calendar`, body);

export const listDepartments = () => get('/api/v1/departments');
export const createDepartment = (body, key = newIdempotencyKey()) => postOnce('/api/v1/departments', body, key);

export const listStaff = () => get('/api/v1/staff');
export const createStaff = (body, key = newIdempotencyKey()) => postOnce('/api/v1/staff', body, key);

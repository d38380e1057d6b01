// Scheduled reports (定时报表) and the monthly service report (月度服务报告).
import { del, get, post, put, qs } from '@/shared/api.js';

const S = '/api/v1/reports/schedules';
export const listReportSchedules = (storeId) => get(S + qs({ store_id: storeId }));
// body: { store_id, name, report, frequency, hour, recipients: ['staff:12' | 'a@b.c'], enabled }
export const createReportSchedule = (body) => post(S, body);
export const updateReportSchedule = (id, body) => put(`${S}/${id}`, body);
export const deleteReportSchedule = (id) => del(`${S}/${id}`);
export const getMonthlyReport = (storeId, month) => get('/api/v1/reports/monthly' + qs({ store_id: storeId, month }));
export const monthlyReportUrl = (storeId, month) => '/api/v1/reports/monthly/export' + qs({ store_id: storeId, month });

// Reports: the dashboard's figures (GET /reports/metrics: totals and rows by a dimension with
// the previous period beside them), the contacts heat map, and the older counts of today;
// scheduled reports (定时报表), the monthly service report (月度服务报告) and export links.
import { del, get, post, put, qs } from '@/shared/api.js';

export const getDashboard = (params) => get('/api/v1/reports/dashboard' + qs(params));
export const getMetrics = (params) => get('/api/v1/reports/metrics' + qs(params));
export const getHeatmap = (params) => get('/api/v1/reports/heatmap' + qs(params));

// The metrics as a workbook (下载 Excel / CSV), the dashboard's breakdown.
export const METRICS_EXPORT = '/api/v1/reports/metrics/export';

const S = '/api/v1/reports/schedules';
export const listReportSchedules = (storeId) => get(S + qs({ store_id: storeId }));
// body: { store_id, name, report, frequency, hour, recipients: ['staff:12' | 'a@b.c'], enabled }
export const createReportSchedule = (body) => post(S, body);
export const updateReportSchedule = (id, body) => put(`${S}/${id}`, body);
export const deleteReportSchedule = (id) => del(`${S}/${id}`);
export const getMonthlyReport = (storeId, month) => get('/api/v1/reports/monthly' + qs({ store_id: storeId, month }));
export const monthlyReportUrl = (storeId, month) => '/api/v1/reports/monthly/export' + qs({ store_id: storeId, month });

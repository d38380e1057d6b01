// Reports: the dashboard's figures (GET /reports/metrics: totals and rows by a dimension with
// the previous period beside them), the contacts heat map, and the older counts of today.
import { get, qs } from '@/shared/api.js';

export const getDashboard = (params) => get('/api/v1/reports/dashboard' + qs(params));
export const getMetrics = (params) => get('/api/v1/reports/metrics' + qs(params));
export const getHeatmap = (params) => get('/api/v1/reports/heatmap' + qs(params));

// Reports: the dashboard's counts (today in the store's local day, open, overdue, by type and channel).
import { get, qs } from '@/shared/api.js';

export const getDashboard = (params) => get('/api/v1/reports/dashboard' + qs(params));

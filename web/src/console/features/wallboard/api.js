// The live wallboard's one read (the reports capability's GET /reports/live).
import { get, qs } from '@/shared/api.js';

export const getLive = (params) => get('/api/v1/reports/live' + qs(params));

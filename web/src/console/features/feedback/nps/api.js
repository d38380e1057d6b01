// NPS (净推荐值, docs/feedback.md "## NPS"): campaigns, invitations, links, recovery tickets
// and the report.
import { get, post, put, qs } from '@/shared/api.js';

const N = '/api/v1/feedback/nps';

// { store_id?, from, to, tier?, campaign_id?, period? } → { overall, margin, period, by_store, by_period, reasons }.
export const getNpsReport = (params) => get(N + qs(params));
export const listCampaigns = () => get(`${N}/campaigns`);
export const createCampaign = (body) => post(`${N}/campaigns`, body);
export const updateCampaign = (id, body) => put(`${N}/campaigns/${id}`, body);
export const sampleMembers = (id) => post(`${N}/campaigns/${id}/sample`, {});
// { campaign_id?, store_id?, category?, answered?, before?, limit? } → { items }.
export const listInvitations = (params) => get(`${N}/invitations` + qs(params));
export const issueLink = (id) => post(`${N}/invitations/${id}/link`, {});
export const openRecovery = (id) => post(`${N}/invitations/${id}/recovery`, {});

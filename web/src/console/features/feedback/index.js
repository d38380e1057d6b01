// feedback (反馈): improvement actions (整改措施) — the board, an action's page with its
// verification, and creating one from inbox items (/feedback/actions/new?items=1,2, which the
// inbox and the hot-issue board link to). docs/feedback.md. (The inbox's own pages join here.)
import { Finished } from '@element-plus/icons-vue';
import actionsZh from './locales/actions.zh-CN.js';
import actionsEn from './locales/actions.en.js';

export const routes = [
  { path: '/feedback/actions', name: 'feedback-actions', component: () => import('./views/ActionsView.vue') },
  {
    path: '/feedback/actions/new',
    name: 'feedback-action-new',
    component: () => import('./views/ActionNew.vue'),
    meta: { minRole: 'supervisor' },
  },
  { path: '/feedback/actions/:id', name: 'feedback-action', component: () => import('./views/ActionDetail.vue'), props: true },
];

export const menu = [{ key: 'feedback-actions', path: '/feedback/actions', label: 'feedbackActions.menu', icon: Finished, order: 66 }];

export const messages = { 'zh-CN': { ...actionsZh }, en: { ...actionsEn } };

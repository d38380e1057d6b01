// feedback (反馈, docs/feedback.md): the console's pages of the capability.
// Pages are listed one line each in `routes` and `menu` (add yours there).
// 分类训练 (TrainingView): the review queue, least certain first, confirmed with the keyboard;
// the labelled examples with import; the model versions with their figures and 立即训练.
// 整改措施 (ActionsView, ActionDetail, ActionNew): improvement actions and their verification.
import { DataLine, Finished, Guide } from '@element-plus/icons-vue';
import hotZh from './locales/hot.zh-CN.js';
import hotEn from './locales/hot.en.js';
import trainingZh from './locales/training.zh-CN.js';
import trainingEn from './locales/training.en.js';
import actionsZh from './locales/actions.zh-CN.js';
import actionsEn from './locales/actions.en.js';

export const routes = [
  { path: '/feedback/hot', name: 'feedback-hot', component: () => import('./views/HotView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/feedback/journey', name: 'feedback-journey', component: () => import('./views/JourneyView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/feedback/training', name: 'feedback-training', component: () => import('./views/TrainingView.vue'), meta: { minRole: 'supervisor' } },
  // Improvement actions (整改措施): the board, a new one from inbox items (?items=1,2), one action.
  { path: '/feedback/actions', name: 'feedback-actions', component: () => import('./views/ActionsView.vue') },
  { path: '/feedback/actions/new', name: 'feedback-action-new', component: () => import('./views/ActionNew.vue'), meta: { minRole: 'supervisor' } },
  { path: '/feedback/actions/:id', name: 'feedback-action', component: () => import('./views/ActionDetail.vue'), props: true },
];

export const menu = [
  { key: 'feedback-hot', path: '/feedback/hot', label: 'feedbackHot.menu', icon: DataLine, order: 66, minRole: 'supervisor' },
  { key: 'feedback-journey', path: '/feedback/journey', label: 'feedbackJourney.menu', icon: Guide, order: 67, minRole: 'supervisor' },
  { key: 'feedback-actions', path: '/feedback/actions', label: 'feedbackActions.menu', icon: Finished, order: 68 },
];

export const adminMenu = [
  { key: 'feedback-training', path: '/feedback/training', label: 'fbTraining.title', order: 70, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': { ...hotZh, ...trainingZh, ...actionsZh }, en: { ...hotEn, ...trainingEn, ...actionsEn } };

// feedback: 分类训练 — teaching the feedback classifier (docs/feedback.md
// "Classification"): the review queue (the least certain unconfirmed items first, confirmed or
// corrected with the keyboard), the labelled examples with import, the model versions with
// their held-out figures and 立即训练. Supervisors and above.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  {
    path: '/feedback/training',
    name: 'feedback-training',
    component: () => import('./views/TrainingView.vue'),
    meta: { minRole: 'supervisor' },
  },
];

export const adminMenu = [
  { key: 'feedback-training', path: '/feedback/training', label: 'fbTraining.title', order: 70, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': zh, en };

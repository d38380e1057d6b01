// feedback: the one inbox of customer feedback (反馈, docs/feedback.md) — the list with its
// filters and the drawer where staff confirm or correct topic and sentiment, the desk's
// entry form, the social-media import, places with QR codes, the topic taxonomy (admins),
// hot issues and the journey map (supervisors), NPS (净推荐值: campaigns, the score with its interval, detractors' service recovery), 分类训练 (TrainingView, supervisors: the
// review queue least certain first, the labelled examples with import, the model versions
// and 立即训练), 整改措施 (improvement actions: the board, one action, a new one from inbox
// items or a hot issue). Its pages are listed once, in pages.js (one line per page): routes and menu
// entries follow from that list.
import { ChatLineSquare } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import hotZh from './locales/hot.zh-CN.js';
import hotEn from './locales/hot.en.js';
import posterZh from './locales/poster.zh-CN.js';
import posterEn from './locales/poster.en.js';
import trainingZh from './locales/training.zh-CN.js';
import trainingEn from './locales/training.en.js';
import npsZh from './locales/nps.zh-CN.js';
import npsEn from './locales/nps.en.js';
import actionsZh from './locales/actions.zh-CN.js';
import actionsEn from './locales/actions.en.js';
import dashZh from './locales/dash.zh-CN.js';
import dashEn from './locales/dash.en.js';
import { pages } from './pages.js';

const role = (p) => (p.minRole ? { minRole: p.minRole } : {});

export const routes = pages.map((p) => ({
  path: p.path,
  name: p.key,
  component: p.view,
  meta: role(p),
  ...(p.path.includes(':') ? { props: true } : {}),
}));

export const menu = [
  { key: 'feedback', path: '/feedback', label: 'feedback.menu', icon: ChatLineSquare, order: 45 },
  ...pages.filter((p) => p.menu).map((p) => ({ key: p.key, path: p.path, label: p.title, ...p.menu, ...role(p) })),
];

export const adminMenu = [
  { key: 'feedback-training', path: '/feedback/training', label: 'fbTraining.title', order: 70, minRole: 'supervisor' },
  { key: 'feedback-topics', path: '/feedback/topics', label: 'feedbackTopics.title', order: 71, minRole: 'admin' },
];

export const dashboardPanels = [
  { key: 'nps', area: 'main', order: 60, component: () => import('./components/NpsDashboardCard.vue') },
];

export const messages = {
  'zh-CN': { ...zh, ...hotZh, ...trainingZh, ...npsZh, ...posterZh, ...actionsZh, ...dashZh },
  en: { ...en, ...hotEn, ...trainingEn, ...npsEn, ...posterEn, ...actionsEn, ...dashEn },
};

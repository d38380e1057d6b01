// The pages of the feedback feature (反馈), one line each. index.js makes them routes (and
// side-menu entries for those with `menu`), and FeedbackNav (the tabs at the top of the
// feedback pages) lists those the user's role may see. To add a page (NPS, 整改措施 …):
// put its view in views/ and add ONE line below, in the order the tabs should show:
//   { key, path, view: () => import('./views/XView.vue'), title, minRole?, menu?, tab? }
// `title` is a message key of the page's own namespace (locales/); `minRole` keeps a role
// out of the route, the tab and the menu; `menu: { icon, order }` also lists it in the side
// menu; `tab: false` keeps a page that is reached from another (a form, one record; a path
// with :params gets them as props) out of the tabs. Admin-only pages also go under 管理
// (index.js adminMenu).
import { DataLine, Finished, Guide, Histogram } from '@element-plus/icons-vue';

export const pages = [
  { key: 'feedback', path: '/feedback', view: () => import('./views/InboxView.vue'), title: 'feedback.inbox' },
  { key: 'feedback-new', path: '/feedback/new', view: () => import('./views/EntryView.vue'), title: 'feedback.entry' },
  { key: 'feedback-places', path: '/feedback/places', view: () => import('./views/PlacesView.vue'), title: 'feedbackPlaces.title' },
  { key: 'feedback-nps', path: '/feedback/nps', view: () => import('./views/NpsView.vue'), title: 'nps.menu', menu: { icon: Histogram, order: 65 } },
  { key: 'feedback-hot', path: '/feedback/hot', view: () => import('./views/HotView.vue'), title: 'feedbackHot.menu', minRole: 'supervisor', menu: { icon: DataLine, order: 66 } },
  { key: 'feedback-journey', path: '/feedback/journey', view: () => import('./views/JourneyView.vue'), title: 'feedbackJourney.menu', minRole: 'supervisor', menu: { icon: Guide, order: 67 } },
  { key: 'feedback-actions', path: '/feedback/actions', view: () => import('./views/ActionsView.vue'), title: 'feedbackActions.menu', menu: { icon: Finished, order: 68 } },
  { key: 'feedback-action-new', path: '/feedback/actions/new', view: () => import('./views/ActionNew.vue'), title: 'feedbackActions.new', minRole: 'supervisor', tab: false },
  { key: 'feedback-action', path: '/feedback/actions/:id', view: () => import('./views/ActionDetail.vue'), title: 'feedbackActions.title', tab: false },
  { key: 'feedback-training', path: '/feedback/training', view: () => import('./views/TrainingView.vue'), title: 'fbTraining.title', minRole: 'supervisor' },
  { key: 'feedback-topics', path: '/feedback/topics', view: () => import('./views/TopicsView.vue'), title: 'feedbackTopics.title', minRole: 'admin' },
];

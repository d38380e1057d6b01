// The pages of the feedback feature (反馈), one line each. index.js makes them routes, and
// FeedbackNav (the tabs at the top of every feedback page) lists those the user's role may
// see. To add a page (分类训练, NPS, 热点问题, 旅程地图, 整改措施 …): put its view in views/ and
// add ONE line below, in the order the tabs should show:
//   { key, path, view: () => import('./views/XView.vue'), title, minRole? }
// `title` is a message key of the page's own namespace (locales/), `minRole` keeps a role
// out of both the route and the tab. Admin-only pages also go under 管理 (index.js adminMenu).
export const pages = [
  { key: 'feedback', path: '/feedback', view: () => import('./views/InboxView.vue'), title: 'feedback.inbox' },
  { key: 'feedback-new', path: '/feedback/new', view: () => import('./views/EntryView.vue'), title: 'feedback.entry' },
  { key: 'feedback-places', path: '/feedback/places', view: () => import('./views/PlacesView.vue'), title: 'feedbackPlaces.title' },
  { key: 'feedback-topics', path: '/feedback/topics', view: () => import('./views/TopicsView.vue'), title: 'feedbackTopics.title', minRole: 'admin' },
  // Other helpers' pages go here (TrainingView, NpsView, HotView, JourneyView, ActionsView).
];

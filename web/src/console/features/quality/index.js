// quality: quality inspection (质检) — the inspectors' queue and the weekly sample, the
// inspection page (the ticket's timeline or the chat's messages with per-message comments,
// item scoring with a live total), the agent's own results with acknowledgement and appeal,
// appeal decisions, calibration sessions with their spread, the scorecard editor and
// settings, coaching and a small QA report; the automatic checks' rule editor and hits.
import { Stamp } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/quality', name: 'quality-queue', component: () => import('./views/QueueView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/quality/inspections/:id', name: 'quality-inspection', component: () => import('./views/InspectionView.vue') },
  { path: '/quality/mine', name: 'quality-mine', component: () => import('./views/MyQualityView.vue') },
  { path: '/quality/calibrations', name: 'quality-calibrations', component: () => import('./views/CalibrationsView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/quality/calibrations/:id', name: 'quality-calibration', component: () => import('./views/CalibrationView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/quality/scorecards', name: 'quality-scorecards', component: () => import('./views/ScorecardsView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/quality/report', name: 'quality-report', component: () => import('./views/QaReportView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/quality/auto-hits', name: 'quality-auto-hits', component: () => import('./views/AutoHitsView.vue') },
  { path: '/quality/auto-rules', name: 'quality-auto-rules', component: () => import('./views/AutoRulesView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'quality-mine', path: '/quality/mine', label: 'quality.mine', icon: Stamp, order: 78 },
  { key: 'quality-queue', path: '/quality', label: 'quality.queue', icon: Stamp, order: 79, minRole: 'supervisor' },
  { key: 'quality-calibrations', path: '/quality/calibrations', label: 'quality.calibrations', icon: Stamp, order: 80, minRole: 'supervisor' },
  { key: 'quality-report', path: '/quality/report', label: 'quality.report', icon: Stamp, order: 81, minRole: 'supervisor' },
  { key: 'quality-auto-hits', path: '/quality/auto-hits', label: 'qaAuto.hits', icon: Stamp, order: 82 },
];

export const adminMenu = [
  { key: 'quality-scorecards', path: '/quality/scorecards', label: 'quality.scorecards', order: 72, minRole: 'supervisor' },
  { key: 'quality-auto-rules', path: '/quality/auto-rules', label: 'qaAuto.rules', order: 73, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': zh, en };

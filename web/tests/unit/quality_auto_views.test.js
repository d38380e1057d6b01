// 自动质检 pages: the hits list links each hit to its ticket event or chat message; the rule
// editor shows the rules in force with where they come from and tries a rule on a sentence.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mount } from '@vue/test-utils';
import AutoHitsView from '../../src/console/features/quality/views/AutoHitsView.vue';
import AutoRulesView from '../../src/console/features/quality/views/AutoRulesView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const hit = (over) => ({
  id: 1, rule_code: 'red_line_phrases', rule_kind: 'forbidden_phrase', rule_name: '服务红线用语', subject_kind: 'conversation',
  subject_id: 7, ticket_event_id: null, message_seq: 4, staff_id: 3, store_id: 1, severity: 'red_line', excerpt: '爱买不买',
  detail: '爱买不买', at: 1795278600000, link: '/chat?c=7&seq=4', ...over,
});

describe('automatic quality pages', () => {
  let mounted;
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    mounted && mounted.unmount();
    delete globalThis.fetch;
  });

  it('lists hits with a link to the exact message', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/quality/auto-hits': {
        items: [hit(), hit({ id: 2, subject_kind: 'ticket', subject_id: 9, ticket_event_id: 55, message_seq: null, severity: 'normal', link: '/tickets/9?event=55' })],
        next_before_id: null,
      },
      'GET /api/v1/stores': { items: [] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏' }] },
    });
    mounted = mount(AutoHitsView, { global: globalOptions(), attachTo: document.body });
    for (let i = 0; i < 5; i++) await flush();
    const links = mounted.findAll('[data-test="qa-hit-link"]');
    expect(links.map((a) => a.attributes('href'))).toEqual(['/chat?c=7&seq=4', '/tickets/9?event=55']);
    expect(links[0].text()).toContain('会话 #7');
    expect(links[1].text()).toContain('工单 #9');
    expect(mounted.text()).toContain('爱买不买');
    expect(calls.find((c) => c.path === '/api/v1/quality/auto-hits').url).toMatch(/limit=50/);
  });

  it('shows the rules in force with their source and tries one', async () => {
    const rule = {
      id: null, code: 'red_line_phrases', store_id: null, name: '服务红线用语', kind: 'forbidden_phrase', phrases: ['爱买不买'],
      seconds: 0, threshold: 0, severity: 'red_line', enabled: true, version: 0, updated_at: null, updated_by: null,
    };
    const { calls } = mockFetch({
      'GET /api/v1/quality/auto-rules': { store_id: 1, saved: [], in_force: [rule], kinds: [] },
      'GET /api/v1/stores': { items: [{ id: 1, name: '上海店' }] },
      'POST /api/v1/quality/auto-rules/try': { hit: true, detail: '爱买不买' },
    });
    const o = globalOptions();
    useSession().me = { id: 5, role: 'supervisor', store_ids: [1] };
    mounted = mount(AutoRulesView, { global: o, attachTo: document.body });
    for (let i = 0; i < 5; i++) await flush();
    expect(mounted.find('[data-test="qa-auto-rule-table"]').text()).toContain('系统默认');
    await mounted.find('[data-test="qa-auto-edit"]').trigger('click');
    await flush();
    const text = document.querySelector('textarea[data-test="qa-auto-try-text"]');
    text.value = '爱买不买';
    text.dispatchEvent(new Event('input'));
    await flush();
    document.querySelector('[data-test="qa-auto-try"]').click();
    for (let i = 0; i < 5; i++) await flush();
    const tried = calls.find((c) => c.path === '/api/v1/quality/auto-rules/try');
    expect(tried.body).toMatchObject({ code: 'red_line_phrases', kind: 'forbidden_phrase', store_id: 1, text: '爱买不买', severity: 'red_line' });
    expect(document.querySelector('[data-test="qa-auto-try-result"]').textContent).toContain('命中');
  });
});

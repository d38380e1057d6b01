import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import CountdownCell from '../../src/console/components/CountdownCell.vue';
import { globalOptions } from './helpers.js';

const now = Date.UTC(2026, 10, 22, 2, 0);
const cell = (dueAt) => mount(CountdownCell, { props: { dueAt, now }, global: globalOptions() }).find('[data-test=countdown]');

describe('CountdownCell', () => {
  it('is green with time to spare', () => {
    const c = cell(now + 3 * 3600000);
    expect(c.classes()).toContain('kf-cd--ok');
    expect(c.attributes('data-state')).toBe('ok');
    expect(c.text()).toBe('剩余 3小时0分');
  });
  it('is orange within 30 minutes', () => {
    const c = cell(now + 29 * 60000);
    expect(c.classes()).toContain('kf-cd--warning');
    expect(c.classes()).not.toContain('kf-cd--ok');
  });
  it('is red once breached', () => {
    const c = cell(now - 60000);
    expect(c.classes()).toContain('kf-cd--breached');
    expect(c.text()).toContain('已超时');
  });
  it('shows a dash without a deadline', () => {
    const c = cell(null);
    expect(c.attributes('data-state')).toBe('none');
    expect(c.text()).toBe('—');
  });
  it('re-renders when the clock moves on', async () => {
    const w = mount(CountdownCell, { props: { dueAt: now + 31 * 60000, now }, global: globalOptions() });
    expect(w.find('[data-state]').attributes('data-state')).toBe('ok');
    await w.setProps({ now: now + 2 * 60000 });
    expect(w.find('[data-state]').attributes('data-state')).toBe('warning');
  });
});

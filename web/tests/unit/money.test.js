import { describe, it, expect, afterEach } from 'vitest';
import { mount } from '@vue/test-utils';
import { yuanToFen, fenToYuan } from '../../src/shared/money.js';
import ResolutionForm from '../../src/console/features/remedies/components/ResolutionForm.vue';
import { globalOptions, mockFetch, flush } from './helpers.js';

describe('yuan ↔ fen', () => {
  it('converts yuan strings exactly', () => {
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1999); // 19.99 * 100 = 1998.9999… in floating point
    expect(yuanToFen('¥1,000')).toBe(100000);
    expect(yuanToFen(' 500 ')).toBe(50000);
  });
  it('refuses what is not money', () => {
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', null, undefined]) expect(yuanToFen(bad)).toBeNull();
  });
  it('formats fen as yuan', () => {
    expect(fenToYuan(1250)).toBe('12.50');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(0)).toBe('0.00');
  });
});

describe('ResolutionForm', () => {
  afterEach(() => delete globalThis.fetch);

  it('sends the amount typed in yuan as fen', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/tickets/9/resolutions': () => [202, { resolution: { id: 1, status: 'pending', approver_role: 'supervisor' } }],
    });
    const w = mount(ResolutionForm, { props: { ticketId: 9 }, global: globalOptions() });
    await w.find('[data-test=resolution-kind]').setValue('compensation');
    await w.find('[data-test=resolution-compensation]').setValue('cash');
    await w.find('[data-test=resolution-amount]').setValue('19.99');
    await w.find('[data-test=resolution-description]').setValue('赔偿');
    await w.find('form').trigger('submit');
    await flush();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ kind: 'compensation', compensation: 'cash', amount_cents: 1999, description: '赔偿' });
    expect(calls[0].headers['Idempotency-Key']).toBeTruthy();
    expect(w.emitted('submitted')[0][0].resolution.status).toBe('pending');
  });

  it('sends no amount for kinds without money', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/tickets/9/resolutions': () => [201, { resolution: { id: 2, status: 'applied' } }] });
    const w = mount(ResolutionForm, { props: { ticketId: 9 }, global: globalOptions() });
    await w.find('[data-test=resolution-kind]').setValue('apology');
    expect(w.find('[data-test=resolution-amount]').exists()).toBe(false);
    await w.find('[data-test=resolution-description]').setValue('致歉');
    await w.find('form').trigger('submit');
    await flush();
    expect(calls[0].body).toEqual({ kind: 'apology', description: '致歉' });
  });

  it('refuses a malformed amount without calling the server', async () => {
    const { calls } = mockFetch({});
    const w = mount(ResolutionForm, { props: { ticketId: 9 }, global: globalOptions() });
    await w.find('[data-test=resolution-kind]').setValue('refund');
    await w.find('[data-test=resolution-amount]').setValue('12.345');
    await w.find('form').trigger('submit');
    await flush();
    expect(calls).toHaveLength(0);
    expect(w.find('[data-test=resolution-amount-error]').exists()).toBe(true);
  });

  it("shows the server's message next to the field it names", async () => {
    mockFetch({
      'POST /api/v1/tickets/9/resolutions': () => [400, { error: { code: 'required', message: '缺少必填字段 description', field: 'description' } }],
    });
    const w = mount(ResolutionForm, { props: { ticketId: 9 }, global: globalOptions() });
    await w.find('form').trigger('submit');
    await flush();
    expect(w.text()).toContain('缺少必填字段 description');
  });
});

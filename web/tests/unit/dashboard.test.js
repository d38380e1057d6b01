// The dashboard's logic: periods in China dates, the change against the previous period and
// whether it is better (colour), formatting, and the ticket-list link behind every figure.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import FigureCard from '../../src/console/features/reports/components/FigureCard.vue';
import {
  FIGURES, delta, drillLink, formatChange, formatValue, heatCells, pageDrill, periodRange, trendRange,
} from '../../src/console/features/reports/lib/metrics.js';
import { globalOptions, RouterLinkStub } from './helpers.js';

const fig = (key) => FIGURES.find((f) => f.key === key);

describe('dashboard periods', () => {
  it('are [from, to) in China dates', () => {
    const cases = [
      ['today', '2026-12-05', null, { from: '2026-12-05', to: '2026-12-06' }],
      ['week', '2026-12-05', null, { from: '2026-11-30', to: '2026-12-07' }], // a Saturday: Monday 30 Nov on
      ['week', '2026-11-30', null, { from: '2026-11-30', to: '2026-12-07' }], // a Monday
      ['week', '2026-12-06', null, { from: '2026-11-30', to: '2026-12-07' }], // a Sunday
      ['month', '2026-12-05', null, { from: '2026-12-01', to: '2027-01-01' }],
      ['month', '2026-02-28', null, { from: '2026-02-01', to: '2026-03-01' }],
      ['custom', '2026-12-05', ['2026-11-01', '2026-11-30'], { from: '2026-11-01', to: '2026-12-01' }],
      ['custom', '2026-12-05', null, { from: '2026-12-05', to: '2026-12-06' }], // no range yet: today
    ];
    for (const [p, today, custom, want] of cases) expect(periodRange(p, today, custom), `${p} ${today}`).toEqual(want);
  });

  it('give the trend a window ending with the period', () => {
    expect(trendRange('day', '2026-12-06')).toEqual({ from: '2026-11-06', to: '2026-12-06' });
    expect(trendRange('week', '2026-12-06')).toEqual({ from: '2026-09-14', to: '2026-12-07' });
    expect(trendRange('month', '2026-12-06')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(trendRange('month', '2027-01-01')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });
});

describe('the change against the previous period', () => {
  it('is coloured by whether the figure got better', () => {
    const cases = [
      // figure, current, previous → dir, tone
      ['resolved', 120, 100, 'up', 'better'],
      ['resolved', 80, 100, 'down', 'worse'],
      ['frt_avg_ms', 300000, 600000, 'down', 'better'], // faster first response
      ['frt_avg_ms', 900000, 600000, 'up', 'worse'],
      ['reopen_rate', 0.05, 0.02, 'up', 'worse'],
      ['sla_rate', 0.95, 0.9, 'up', 'better'],
      ['csat_avg', 4.1, 4.6, 'down', 'worse'],
      ['contacts', 300, 200, 'up', 'neutral'], // more contacts is neither
      ['fcr_rate', 0.7, 0.7, 'flat', 'neutral'],
      ['sla_rate', null, 0.9, null, 'neutral'], // nothing to compare
      ['sla_rate', 0.9, null, null, 'neutral'],
    ];
    for (const [key, cur, prev, dir, tone] of cases) {
      const d = delta(fig(key), cur, prev);
      expect([d.dir, d.tone], `${key} ${cur} vs ${prev}`).toEqual([dir, tone]);
    }
  });

  it('reads as points for rates and a percentage for the rest', () => {
    expect(formatChange(fig('sla_rate'), delta(fig('sla_rate'), 0.95, 0.9).change)).toBe('+5.0');
    expect(formatChange(fig('resolved'), delta(fig('resolved'), 80, 100).change)).toBe('−20%');
    expect(delta(fig('resolved'), 5, 0).change).toBeNull(); // from nothing: no percentage
    expect(formatChange(fig('resolved'), null)).toBe('');
  });

  it('formats values by kind', () => {
    expect([formatValue('count', 12), formatValue('rate', 0.9123), formatValue('score', 4.456), formatValue('duration', 45 * 60000),
      formatValue('duration', 5 * 3600000), formatValue('rate', null)]).toEqual(['12', '91.2%', '4.46', '45 min', '5.0 h', '—']);
  });
});

describe('drill-down links', () => {
  it('carry the row’s filters or the page’s, and the figure’s metric', () => {
    const page = pageDrill({ from: '2026-12-01', to: '2026-12-08' }, 3);
    expect(drillLink(page, 'reopened')).toEqual({
      path: '/tickets', query: { created_from: '2026-12-01', created_to: '2026-12-08', store_id: '3', metric: 'reopened' },
    });
    expect(drillLink(pageDrill({ from: '2026-12-01', to: '2026-12-02' }, null))).toEqual({
      path: '/tickets', query: { created_from: '2026-12-01', created_to: '2026-12-02' },
    });
    // A row's drill from the API, its own metric replaced by the figure's (or dropped).
    const row = { store_id: 1, type: 'complaint', created_from: 1, created_to: 2, owner_id: null, metric: 'fcr' };
    expect(drillLink(row, 'sla_missed').query).toEqual({ store_id: '1', type: 'complaint', created_from: '1', created_to: '2', metric: 'sla_missed' });
    expect(drillLink(row).query.metric).toBeUndefined();
  });

  it('are what a figure card links to, with the arrow and its colour', () => {
    const w = mount(FigureCard, {
      props: { figure: fig('reopen_rate'), current: 0.08, previous: 0.05, to: drillLink({ store_id: 1 }, 'reopened') },
      global: globalOptions(),
    });
    expect(w.findComponent(RouterLinkStub).props('to')).toEqual({ path: '/tickets', query: { store_id: '1', metric: 'reopened' } });
    expect(w.find('[data-test="figure-delta"]').attributes('data-tone')).toBe('worse');
    expect(w.find('[data-test="figure-delta"]').text()).toBe('▲ +3.0');
    expect(w.text()).toContain('重开率');
    expect(w.text()).toContain('8.0%');
  });

  it('place heat-map cells by hour and weekday', () => {
    expect(heatCells({ cells: [{ weekday: 1, hour: 9, contacts: 4 }, { weekday: 7, hour: 23, contacts: 1 }] })).toEqual([[9, 0, 4], [23, 6, 1]]);
    expect(heatCells(null)).toEqual([]);
  });
});

// The ticket page renders the panels features contribute (ticketPanels), each in its area and
// order, and a panel talks to the page only through features/tickets/panel.js: it loads its
// own data on mount and on every reload, and its actions reload the page after a conflict.
import { describe, it, expect, afterEach } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import TicketPage from '../../src/console/features/tickets/views/TicketPage.vue';
import { useTicketAction, useTicketPanel } from '../../src/console/features/tickets/panel.js';
import { ticketPanels, gatherPanels, loadPanels } from '../../src/console/features.js';
import { useSession } from '../../src/console/stores/session.js';
import { ApiError } from '../../src/shared/api.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

// What a new capability would write: a panel with its own data and one action.
const Probe = defineComponent({
  setup() {
    const loads = ref(0);
    const { ticket } = useTicketPanel(async () => {
      loads.value += 1;
      if (loads.value === 1) throw new Error('its own endpoint failed'); // fails only this panel
    });
    const { run, error } = useTicketAction(async () => {
      throw new ApiError(409, 'version_conflict', '工单已被他人修改');
    });
    return () =>
      h('div', { 'data-test': 'probe', 'data-loads': loads.value, 'data-number': ticket.value.number }, [
        h('button', { 'data-test': 'probe-act', onClick: () => run() }),
        h('span', { 'data-test': 'probe-error' }, error.value),
      ]);
  },
});

const ticket = { id: 7, number: 'KF2026110007', subject: '试衣间排队', type: 'complaint', channel: 'service_desk', priority: 'P3',
  status: 'in_progress', store_id: 1, owner_id: 3, version: 4, created_at: 1767225600000 };

describe('the ticket page and its panels', () => {
  let w, added;

  async function setup() {
    const fetch = mockFetch({
      'GET /api/v1/tickets/7': ticket,
      'GET /api/v1/tickets/7/timeline': { events: [{ id: 70, kind: 'created', actor_id: 3, created_at: 1 }], tasks: [], attachments: [] },
      'GET /api/v1/tickets/7/sla': { clocks: [{ metric: 'resolution', cycle: 1, phase: 'running', due_at: Date.now() + 3600000 }], policy: { name: '投诉 P3' } },
      'GET /api/v1/tickets/7/resolutions': { items: [] },
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '张敏', role: 'agent', store_ids: [1] }] },
      'GET /api/v1/departments': { items: [] },
    });
    // A feature that is not in the source tree adds its panel: the page is not edited.
    added = gatherPanels([{ name: 'probe', ticketPanels: [{ key: 'probe', area: 'side', order: 55, component: () => Promise.resolve({ default: Probe }) }] }]).side[0];
    ticketPanels.side.push(added);
    ticketPanels.side.sort((a, b) => a.order - b.order);
    await loadPanels(ticketPanels);
    const global = globalOptions();
    useSession().me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1], department_ids: [] };
    w = mount(TicketPage, { props: { id: '7' }, global, attachTo: document.body });
    for (let i = 0; i < 5; i++) await flush();
    return fetch;
  }
  const gets = (calls, path) => calls.filter((c) => c.method === 'GET' && c.path === path).length;

  afterEach(() => {
    w && w.unmount();
    ticketPanels.side.splice(ticketPanels.side.indexOf(added), 1);
    delete globalThis.fetch;
    document.body.innerHTML = '';
  });

  it("renders every feature's panel in its area and order", async () => {
    await setup();
    // SLA clocks (sla) sit in the header card; the timeline (tickets) in the main column.
    expect(w.find('.kf-head [data-test="sla-clocks"] [data-test="sla-clock"]').attributes('data-metric')).toBe('resolution');
    expect(w.find('.kf-col-main [data-test="timeline"]').exists()).toBe(true);
    const side = w.findAll('.kf-col-side > [data-test]').map((e) => e.attributes('data-test'));
    expect(side).toEqual(['photos-box', 'status-box', 'handover-box', 'tasks-box', 'resolutions-box', 'probe']);
    // Callback and CSAT (callbacks) show only once the ticket is resolved.
    expect(w.find('[data-test="callback-box"]').exists()).toBe(false);
    expect(w.find('[data-test="csat-box"]').exists()).toBe(false);
  });

  it('lets a panel load its own data, fail alone, and reload the page after a conflict', async () => {
    const { calls } = await setup();
    const probe = () => w.find('[data-test="probe"]');
    expect(probe().attributes('data-number')).toBe('KF2026110007');
    expect(probe().attributes('data-loads')).toBe('1');
    expect(w.find('[data-test="ticket-error"]').exists()).toBe(false); // its failure is its own
    expect(gets(calls, '/api/v1/tickets/7')).toBe(1);
    await w.find('[data-test="probe-act"]').trigger('click');
    for (let i = 0; i < 5; i++) await flush();
    expect(w.find('[data-test="probe-error"]').text()).toBe('工单已被他人修改');
    // The conflict reloaded the page: the ticket, its timeline and every panel's own data.
    expect(gets(calls, '/api/v1/tickets/7')).toBe(2);
    expect(gets(calls, '/api/v1/tickets/7/timeline')).toBe(2);
    expect(gets(calls, '/api/v1/tickets/7/sla')).toBe(2);
    expect(gets(calls, '/api/v1/tickets/7/resolutions')).toBe(2);
    expect(probe().attributes('data-loads')).toBe('2');
  });
});

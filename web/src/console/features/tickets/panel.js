// The ticket page and its panels. Any feature adds a panel to the ticket page through
// `ticketPanels` in its index.js (features/README.md); the panel talks to the page only
// through these three functions:
//
// - useTicketPage(): the page's shared state: `ticket`, its `member`, the timeline (`events`,
//   `tasks`, `attachments`: one GET for the three), `finished` (resolved or closed), `now`
//   (ticks every 30 s for countdowns), `busy` (actions under way), `reload()`, and `composer`
//   (lib/composerLink.js): insert(text) puts text in the reply box for editing, onSend(fn)
//   hears each reply ({ body, internal: false }) or note ({ body, internal: true }) sent.
// - useTicketPanel(load): a panel's own data. load() runs when the panel mounts and again on
//   every reload of the page: after any action on any panel, and live, when someone else
//   changed the ticket (useLiveTicket). A failed load fails only its panel (it keeps showing
//   what it had); the page reports its own ticket and timeline loads.
// - useTicketAction(fn, options): useAction (composables/useAction.js) holding the page's
//   `busy`, so a live reload waits until the action is done; after a version conflict (someone
//   changed the ticket meanwhile) the page reloads.
//
// What the user is typing lives in the panels' own refs: a reload replaces the loaded data
// and never remounts a panel, so drafts stay.
import { computed, inject, onBeforeUnmount, onMounted, provide, ref } from 'vue';
import { useAction } from '@/console/composables/useAction.js';
import { useNow } from '@/console/lib/now.js';
import { composerLink } from '@/console/lib/composerLink.js';
import { getMember } from '../members/api.js';
import { getTicket, getTimeline } from './api.js';

const KEY = Symbol('ticket page');

// Called by the ticket page (views/TicketPage.vue) only. id: () => the ticket id.
export function provideTicketPage(id) {
  const ticket = ref(null);
  const member = ref(null);
  const events = ref([]);
  const tasks = ref([]);
  const attachments = ref([]);
  const loadError = ref('');
  const busy = ref(0);
  const loaders = new Set();

  async function loadTicket() {
    ticket.value = await getTicket(id());
    const mid = ticket.value.member_id;
    if (mid && (!member.value || member.value.id !== mid)) getMember(mid).then((m) => (member.value = m), () => {});
  }
  async function loadTimeline() {
    const r = await getTimeline(id());
    events.value = r.events || [];
    tasks.value = r.tasks || [];
    attachments.value = r.attachments || [];
  }
  async function reload() {
    try {
      await Promise.all([loadTicket(), loadTimeline(), ...[...loaders].map((load) => load())]);
      loadError.value = '';
    } catch (e) {
      loadError.value = e.message;
    }
  }

  const page = {
    id,
    ticket,
    member,
    events,
    tasks,
    attachments,
    loadError,
    busy,
    reload,
    loaders,
    composer: composerLink(),
    now: useNow(30000),
    finished: computed(() => !!ticket.value && (ticket.value.status === 'resolved' || ticket.value.status === 'closed')),
  };
  provide(KEY, page);
  return page;
}

export function useTicketPage() {
  const page = inject(KEY, null);
  if (!page) throw new Error('a ticket panel outside the ticket page');
  return page;
}

export function useTicketPanel(load) {
  const page = useTicketPage();
  const quiet = () => Promise.resolve(load()).catch(() => {});
  onMounted(() => {
    page.loaders.add(quiet);
    quiet();
  });
  onBeforeUnmount(() => page.loaders.delete(quiet));
  return page;
}

export function useTicketAction(fn, options = {}) {
  const page = useTicketPage();
  return useAction(fn, {
    ...options,
    lock: page.busy,
    onError(e) {
      if (e && e.code === 'version_conflict') page.reload();
      if (options.onError) options.onError(e);
    },
  });
}

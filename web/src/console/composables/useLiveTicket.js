// The open ticket, live: `ticket` events from the notification stream (see
// stores/notifications.js) for this ticket, and notifications about it, reload the ticket
// and its timeline once per burst (debounced). Only the loaded data is replaced; what the
// user is typing (reply draft, status comment, task forms…) lives in the panels' own refs
// and stays as it is (features/tickets/panel.js).
//
// Our own actions already reload the ticket: while one is under way (`busy`) the reload waits,
// and it is skipped when every event that arrived is already in the loaded timeline.
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useNotifications } from '../stores/notifications.js';
import { debounce } from '../lib/debounce.js';

export function useLiveTicket({ id, events, busy, reload, wait = 1000 }) {
  const notifications = useNotifications();
  const pending = new Set(); // event ids seen on the stream, not yet checked against the timeline
  let stale = false; // something changed that the timeline may not show (a notification, a resync)
  let running = null;
  let offTickets = null;
  let offNotifications = null;

  const ticketId = () => Number(typeof id === 'function' ? id() : id);

  async function refresh() {
    if ((busy && busy.value) || running) return schedule();
    const known = new Set((events.value || []).map((e) => e.id));
    const missing = stale || [...pending].some((eid) => !known.has(eid));
    pending.clear();
    stale = false;
    if (!missing) return;
    running = Promise.resolve(reload()).finally(() => (running = null));
    await running;
  }
  const schedule = debounce(() => refresh(), wait);

  function onTicket(a) {
    if (a.resync) stale = true;
    else if (a.ticket_id !== ticketId()) return;
    else if (a.event_id) pending.add(a.event_id);
    else stale = true;
    schedule();
  }
  function onNotification(n) {
    if (n.ticket_id !== ticketId()) return;
    stale = true;
    schedule();
  }

  // Another ticket in the same view instance: forget what was pending for the old one.
  watch(ticketId, () => {
    schedule.cancel();
    pending.clear();
    stale = false;
  });
  onMounted(() => {
    offTickets = notifications.subscribeTickets(onTicket);
    offNotifications = notifications.subscribe(onNotification);
  });
  onBeforeUnmount(() => {
    schedule.cancel();
    offTickets && offTickets();
    offNotifications && offNotifications();
  });
  return { refresh, schedule };
}

// Automatic 离开 (away): after `idleMs` (5 minutes) without keyboard or mouse the agent is
// set away; activity brings them back online, but only if the away was automatic (an agent
// who chose 离开 stays away). Plain JS with injectable timers; the view feeds activity().
export const IDLE_MS = 5 * 60 * 1000;

export function idleTracker({ idleMs = IDLE_MS, getPresence, setPresence, timers = globalThis } = {}) {
  let timer = null;
  let auto = false; // we set "away" ourselves
  let lastArm = 0;

  function arm() {
    timers.clearTimeout(timer);
    lastArm = Date.now();
    timer = timers.setTimeout(idle, idleMs);
  }

  function idle() {
    timer = null;
    if (getPresence() === 'online') {
      auto = true;
      setPresence('away');
    }
  }

  return {
    // Keyboard or mouse: back online if the away was ours; the idle clock restarts (at most
    // once a second, mouse moves come in bursts).
    activity() {
      if (auto) {
        auto = false;
        if (getPresence() === 'away') setPresence('online');
      }
      if (!timer || Date.now() - lastArm > 1000) arm();
    },
    // The agent chose a presence: no longer an automatic away.
    chosen() {
      auto = false;
      arm();
    },
    get auto() {
      return auto;
    },
    stop() {
      timers.clearTimeout(timer);
      timer = null;
    },
  };
}

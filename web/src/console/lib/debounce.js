// A trailing debounce for live refreshes: a burst of calls runs fn once, `wait` ms after the
// last call, but at the latest `maxWait` ms after the first, so a busy queue still refreshes.
export function debounce(fn, wait = 1000, maxWait = 3 * wait) {
  let timer = null;
  let first = 0;
  function run() {
    timer = null;
    first = 0;
    fn();
  }
  function call() {
    const now = Date.now();
    if (!first) first = now;
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(wait, first + maxWait - now)));
  }
  call.cancel = () => {
    clearTimeout(timer);
    timer = null;
    first = 0;
  };
  call.pending = () => timer !== null;
  return call;
}

// A Server-Sent Events client for tests (Node 20 fetch, no dependencies): collects
// events as {event, id, data (parsed JSON when it is JSON)} and waits for matching ones.
export async function openStream(base, token, { path = '/api/v1/notifications/stream', after } = {}) {
  const url = new URL(path, base);
  if (after !== undefined) url.searchParams.set('after', String(after));
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const stream = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events: [],
    closed: false,
    waiters: [],
    close() {
      controller.abort();
    },
    // Resolves with the first event (already received or arriving) matching pred.
    waitFor(pred, timeoutMs = 10000, what = 'event') {
      const found = this.events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w.resolve !== resolve);
          reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`));
        }, timeoutMs);
        this.waiters.push({ pred, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
  };
  if (res.status !== 200) return stream;
  (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body) {
        buf += decoder.decode(chunk, { stream: true });
        let cut;
        while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut).replace(/^\r?\n\r?\n/, '');
          const ev = { event: 'message', id: undefined, data: '' };
          const data = [];
          for (const line of block.split(/\r?\n/)) {
            if (line.startsWith(':')) continue;
            const i = line.indexOf(':');
            const field = i < 0 ? line : line.slice(0, i);
            const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
            if (field === 'event') ev.event = value;
            else if (field === 'id') ev.id = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length === 0) continue; // a comment-only block (ping)
          ev.data = data.join('\n');
          try {
            ev.data = JSON.parse(ev.data);
          } catch {
            /* plain text */
          }
          stream.events.push(ev);
          for (const w of [...stream.waiters])
            if (w.pred(ev)) {
              stream.waiters = stream.waiters.filter((x) => x !== w);
              w.resolve(ev);
            }
        }
      }
    } catch {
      /* aborted or the server went away */
    }
    stream.closed = true;
  })();
  return stream;
}

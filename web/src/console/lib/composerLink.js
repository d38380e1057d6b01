// A page's message box and the panels that help write in it (agent assist). The page makes
// one, attaches its box (a function that puts text in it for editing) and reports each
// message it sends; a panel inserts text and hears the sends, without knowing the box.
export function composerLink() {
  let target = null;
  const listeners = new Set();
  return {
    // fn(text): replaces the box's text and focuses it. null detaches.
    attach(fn) {
      target = fn || null;
    },
    // Answers false when no box is attached (e.g. the conversation is queued or ended).
    insert(text) {
      if (!target) return false;
      target(text);
      return true;
    },
    // fn({ body, internal }) after each message the page sent; answers the unsubscribe.
    onSend(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    sent(message) {
      for (const fn of [...listeners]) fn(message);
    },
  };
}

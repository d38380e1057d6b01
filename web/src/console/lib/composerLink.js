// A page's message box and the panels that help write in it (agent assist). The page makes
// one, attaches its box (a function that puts text in it for editing) and reports each
// message it sends; a panel inserts text and hears the sends, without knowing the box.
export function composerLink() {
  let target = null;
  const listeners = new Set();
  return {
    // fn(text, previous): puts text in the box (placeDraft below) and focuses it. null detaches.
    attach(fn) {
      target = fn || null;
    },
    // previous: what this panel inserted last, if anything. Answers false when no box is
    // attached (e.g. the conversation is queued or ended).
    insert(text, previous = null) {
      if (!target) return false;
      target(text, previous);
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

// The box's new text and caret when `text` is put in it: it replaces an empty draft or the
// previous insertion still untouched (Alt+1 then Alt+2 swaps one answer for the other);
// otherwise it goes in at the caret (`at`: [selectionStart, selectionEnd]), so what the agent
// already wrote stays. → { value, caret }.
export function placeDraft(draft, text, previous = null, at = null) {
  const d = draft || '';
  if (!d.trim() || (previous !== null && d === previous)) return { value: text, caret: text.length };
  const [from, to] = at && Number.isInteger(at[0]) ? [at[0], Number.isInteger(at[1]) ? at[1] : at[0]] : [d.length, d.length];
  const value = d.slice(0, from) + text + d.slice(to);
  return { value, caret: from + text.length };
}

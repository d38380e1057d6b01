// When the assist panel asks the matcher: a question is asked `delay` ms after it appears,
// so a burst of customer messages asks once, for the newest; the same question (same
// message, same store) is never asked twice in a row; an answer that arrives after a newer
// question was asked is dropped, never shown for the wrong message. Timers are passed in
// (tests use fake ones); nothing here waits for the answer, so typing is never held up.
// An answer from a node whose matcher is still being built ({ready: false}) and a failure the
// server may get over (no answer, 5xx) are tried again `retryDelay` ms later, up to `retries`
// times; other failures are final.
const retryable = (e) => !e || !e.status || e.status >= 500;

export function assistQueue({ match, onResult, onError = () => {}, delay = 400, retries = 4, retryDelay = 3000, timers = globalThis }) {
  let current = null; // the key of the question last asked
  let timer = null;
  let generation = 0;

  function cancel() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    generation++;
  }

  // question: { key, text } or null (nothing to ask: the panel empties). Answers whether it
  // is a new question (a request is scheduled or the panel emptied).
  function ask(question, storeId = null) {
    const key = question ? `${storeId ?? ''}|${question.key}|${question.text}` : null;
    if (key === current) return false;
    current = key;
    cancel();
    if (!question) {
      onResult(null, null);
      return true;
    }
    const mine = generation;
    const attempt = (left, wait) => {
      timer = timers.setTimeout(async () => {
        timer = null;
        try {
          const r = await match(question.text, storeId);
          if (mine !== generation) return;
          if (r && r.ready === false && left > 0) attempt(left - 1, retryDelay);
          else onResult(r, question);
        } catch (e) {
          if (mine !== generation) return;
          if (left > 0 && retryable(e)) attempt(left - 1, retryDelay);
          else onError(e, question);
        }
      }, wait);
    };
    attempt(retries, delay);
    return true;
  }

  // Forget the last question (the next ask asks again) and drop what is in flight.
  function reset() {
    current = null;
    cancel();
  }

  return { ask, reset };
}

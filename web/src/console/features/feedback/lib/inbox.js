// The inbox's plain logic: filters → the list's query, a label's chip, and the detail
// drawer's keyboard (number keys pick a topic, P / N the sentiment, Enter confirms).
import { addDays } from '@/console/lib/dates.js';

export const emptyFilters = () => ({
  store_id: null, period: null, source: '', topic: '', sentiment: '', touchpoint: '', place_id: null, confirmed: '', q: '',
});

// The list's query string parameters. `period` is [from, to] as YYYY-MM-DD (China dates,
// both included: the API's `to` is exclusive, so it is the day after).
export function queryOf(f, { before, limit = 50 } = {}) {
  const q = {
    store_id: f.store_id || undefined,
    from: f.period && f.period[0] ? f.period[0] : undefined,
    to: f.period && f.period[1] ? addDays(f.period[1], 1) : undefined,
    source: f.source || undefined,
    topic: f.topic || undefined,
    sentiment: f.sentiment || undefined,
    touchpoint: f.touchpoint || undefined,
    place_id: f.place_id || undefined,
    confirmed: f.confirmed === 'yes' ? 'true' : f.confirmed === 'no' ? 'false' : undefined,
    q: f.q ? f.q.trim() || undefined : undefined,
    before: before || undefined,
    limit,
  };
  for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  return q;
}

// A label ({ label, confirmed, predicted, score }) as a chip: its code, whether staff
// confirmed it, and the model's score in percent when it is only a prediction. For a
// sentiment the score is P(positive): shown as the certainty of the label it predicts.
export function chipOf(l, kind) {
  if (!l || !l.label) return null;
  if (l.confirmed) return { code: l.label, confirmed: true, percent: null };
  let score = l.score;
  if (kind === 'sentiment' && score != null && l.label === 'negative') score = 1 - score;
  return { code: l.label, confirmed: false, percent: score == null ? null : Math.round(score * 100) };
}

// What a key pressed in the drawer does to the draft: 1–9 and 0 pick the active topics in
// order (0 the tenth), P / N the sentiment, Enter confirms. null for any other key.
export function keyAction(key, topics) {
  if (/^[0-9]$/.test(key)) {
    const i = key === '0' ? 9 : Number(key) - 1;
    const topic = topics.filter((x) => x.active)[i];
    return topic ? { topic: topic.code } : null;
  }
  if (key === 'p' || key === 'P') return { sentiment: 'positive' };
  if (key === 'n' || key === 'N') return { sentiment: 'negative' };
  if (key === 'Enter') return { confirm: true };
  return null;
}

// The draft of the drawer: the item's effective labels, to confirm or correct.
export const draftOf = (item) => ({ topic: item?.topic?.label || '', sentiment: item?.sentiment?.label || '' });

// The body that confirms the draft: both labels when both are set (an unchanged prediction is
// confirmed as it is), null when there is nothing to confirm.
export function confirmBody(draft) {
  const body = {};
  if (draft.topic) body.topic = draft.topic;
  if (draft.sentiment) body.sentiment = draft.sentiment;
  return Object.keys(body).length ? body : null;
}

// A topic's name in the UI language (code when unknown: a retired or a model's topic).
export function topicName(topics, code, lang) {
  const x = topics.find((t) => t.code === code);
  if (!x) return code;
  return lang === 'en' && x.name_en ? x.name_en : x.name;
}

// The desk entry's request body: a place carries its store; empty optional fields are left out.
export function entryBody(f) {
  const body = f.place_id ? { place_id: f.place_id } : { store_id: f.store_id };
  body.text = f.text.trim();
  if (f.rating) body.rating = f.rating;
  if (f.touchpoint) body.touchpoint = f.touchpoint;
  if (f.contact_phone && f.contact_phone.trim()) body.contact_phone = f.contact_phone.trim();
  return body;
}

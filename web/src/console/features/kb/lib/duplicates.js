// 重复问题 (GET /kb/duplicates): the server searches a knowledge build for entries that ask the
// same thing in the background; the page asks again while it says `computing`.

// The bars an admin may pick: the part of each entry's questions the other takes.
export const MIN_SCORES = [0.3, 0.5, 0.7];

// Whether to ask again, and when (ms): while computing, every 2 s for at most 60 tries
// (a large knowledge base takes ~20 s); never once ready or when nothing is known.
export function nextPoll(status, tries) {
  if (status !== 'computing' || tries >= 60) return null;
  return 2000;
}

// "87%" for a score in [0, 1].
export const percent = (score) => `${Math.round((Number(score) || 0) * 100)}%`;

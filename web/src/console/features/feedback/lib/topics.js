// The taxonomy page's plain logic: moving a topic up or down as the PUTs that say so.

// The topics (by position) after moving `code` by `step` (-1 up, +1 down), renumbered 1…n;
// returns the PUT bodies of the topics whose position changed ([] when it cannot move).
export function reorder(topics, code, step) {
  const list = [...topics].sort((a, b) => a.position - b.position);
  const i = list.findIndex((x) => x.code === code);
  const j = i + step;
  if (i < 0 || j < 0 || j >= list.length) return [];
  [list[i], list[j]] = [list[j], list[i]];
  return list
    .map((x, k) => ({ ...x, position: k + 1 }))
    .filter((x) => x.position !== topics.find((y) => y.code === x.code).position)
    .map(({ code: c, name, name_en: nameEn, position, active }) => ({ code: c, name, name_en: nameEn, position, active }));
}

export const isTopicCode = (code) => /^[a-z][a-z0-9_]{0,31}$/.test(code);

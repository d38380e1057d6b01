// The automatic rules' editor logic (自动质检规则): phrases typed one a line, where a rule in
// force comes from, and what each kind of rule asks for.

// One phrase a line (or separated by 、 / ，); trimmed, empty and repeated ones dropped.
export function phrasesFrom(text) {
  const out = [];
  for (const raw of String(text || '').split(/[\n、，,]/)) {
    const p = raw.trim();
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

// default (in code) | chain (saved chain-wide) | store (saved for the store)
export function sourceOf(rule) {
  if (rule.id === null || rule.id === undefined) return 'default';
  return rule.store_id ? 'store' : 'chain';
}

// The parameters each kind uses (the editor shows only these).
export const KIND_FIELDS = {
  forbidden_phrase: ['phrases'],
  missing_greeting: ['phrases', 'seconds'],
  reply_gap: ['seconds'],
  end_sentiment: ['threshold'],
  unkept_promise: ['phrases', 'seconds'],
};

export function usesField(kind, field) {
  return (KIND_FIELDS[kind] || []).includes(field);
}

// The request body from the editor's form (codes, scope and kind only when creating).
export function ruleBody(form, { creating, storeId }) {
  const body = {
    name: form.name.trim(),
    phrases: usesField(form.kind, 'phrases') ? phrasesFrom(form.phrasesText) : [],
    seconds: usesField(form.kind, 'seconds') ? Number(form.seconds) || 0 : 0,
    threshold: usesField(form.kind, 'threshold') ? Number(form.threshold) || 0 : 0,
    severity: form.redLine ? 'red_line' : 'normal',
    enabled: !!form.enabled,
  };
  if (creating) Object.assign(body, { code: form.code.trim(), kind: form.kind, store_id: storeId || undefined });
  else body.version = form.version;
  return body;
}

// The form for a rule (a default or saved rule to edit, or a new one).
export function formOf(rule) {
  return {
    code: rule?.code || '',
    kind: rule?.kind || 'forbidden_phrase',
    name: rule?.name || '',
    phrasesText: (rule?.phrases || []).join('\n'),
    seconds: rule?.seconds ?? 0,
    threshold: rule?.threshold ?? 0,
    redLine: rule?.severity === 'red_line',
    enabled: rule ? rule.enabled : true,
    version: rule?.version ?? 0,
  };
}

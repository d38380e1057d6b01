// Times the workspace and the live view show: how long a customer has been waiting for a
// reply, whether that is over the store's target, queue waits and unread counts.

// Since the customer's last message, when it is the last message of the conversation
// (the agent owes a reply); null when nobody is waiting for the agent.
export function waitingSince(conv) {
  if (!conv || conv.status !== 'assigned') return null;
  const last = conv.last_message;
  if (last && last.sender === 'customer') return conv.last_message_at || null;
  // Assigned and never answered: waiting since the assignment.
  if (!conv.first_reply_at && conv.assigned_at) return conv.assigned_at;
  return null;
}

// The reply targets a conversation is held to: its queue's own, else the store's.
export function targetsFor(settings, queue) {
  if (!settings) return null;
  return (settings.queue_targets && settings.queue_targets[queue]) || settings;
}

// Over its target: the first reply (first_reply_seconds from the assignment) or a reply
// after the customer's message (reply_gap_seconds). settings: the store's chat settings.
export function isLate(conv, settings, now) {
  const since = waitingSince(conv);
  const targets = targetsFor(settings, conv && conv.queue);
  if (since === null || !targets) return false;
  const target = conv.first_reply_at ? targets.reply_gap_seconds : targets.first_reply_seconds;
  return !!target && now - since > target * 1000;
}

export function unread(conv) {
  if (!conv) return 0;
  return Math.max(0, (conv.last_seq || 0) - (conv.agent_read_seq || 0));
}

// "2分15秒" / "2m 15s"; under a minute in seconds; hours for long waits.
export function span(ms, lang = 'zh-CN') {
  const zh = String(lang).startsWith('zh');
  const s = Math.max(0, Math.floor((ms || 0) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return zh ? `${h}小时${m}分` : `${h}h ${m}m`;
  if (m) return zh ? `${m}分${sec}秒` : `${m}m ${sec}s`;
  return zh ? `${sec}秒` : `${sec}s`;
}

// 138****5678: a phone shown to someone who needs to recognise it, not to copy it.
export function maskPhone(phone) {
  const p = String(phone || '');
  if (p.includes('*') || p.length < 7) return p;
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
}

// An event message's body ({"event": "assigned", …}) as an object; {} when it is not JSON.
export function parseEvent(body) {
  try {
    const e = JSON.parse(body);
    return e && typeof e === 'object' ? e : {};
  } catch {
    return {};
  }
}

// 接待上限 when none is set: agent 5, dept_head and supervisor 3, others 2 (docs/chat.md).
export function defaultCapacity(role) {
  if (role === 'agent') return 5;
  if (role === 'dept_head' || role === 'supervisor') return 3;
  return 2;
}

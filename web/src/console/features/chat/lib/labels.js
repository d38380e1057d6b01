// Labels the chat screens share: the customer's name (or 访客 + number), a queue's name,
// a message's one-line preview and an event message's sentence (the FAQ bot's too: bot.js).
import { useI18n } from 'vue-i18n';
import { useDirectory } from '@/console/stores/directory.js';
import { parseEvent } from './timing.js';
import { botAct, handoff } from './bot.js';

export function useChatLabels() {
  const { t, te } = useI18n();
  const directory = useDirectory();

  const customerName = (c) => (c && c.customer_name) || t('chat.visitor', { id: c ? c.id : '' });
  const queueLabel = (q) => (q && te('chat.queues.' + q) ? t('chat.queues.' + q) : q || '');

  // bodyOf(seq), when given, finds a message of the conversation: a verdict then names the
  // question of the answer it judged.
  function eventText(body, bodyOf = null) {
    const e = parseEvent(body);
    const who = (id) => (id ? directory.staffName(id) : '');
    switch (e.event) {
      case 'queued':
        return t('chat.events.queued', { queue: queueLabel(e.queue) });
      case 'bot':
        return t('chat.events.bot', { queue: queueLabel(e.queue) });
      case 'assigned':
        return t(e.picked ? 'chat.events.picked' : 'chat.events.assigned', { agent: who(e.agent_id) });
      case 'transferred':
        return e.queue
          ? t('chat.events.transferredQueue', { from: who(e.from), queue: queueLabel(e.queue) })
          : t('chat.events.transferredAgent', { from: who(e.from), agent: who(e.agent_id) });
      case 'ended':
        return t('chat.events.ended', { by: te('chat.endedBy.' + e.by) ? t('chat.endedBy.' + e.by) : e.by || '' });
      case 'ticket':
        return t('chat.events.ticket', { number: e.number || e.ticket_id || '' });
      case 'reopened':
        return t('chat.events.reopened');
      case 'invited':
        return t('chat.events.invited', { agent: who(e.staff_id) });
      case 'welcome':
        return t('chat.events.welcome', { text: e.text || '' });
      case 'handoff':
        return t('chat.events.handoff', { reason: t('chat.handoffReasons.' + handoff(body).reason) });
      case 'bot_feedback': {
        const verdict = e.solved ? t('chat.botSolved') : t('chat.botUnsolved');
        const answer = bodyOf && botAct(bodyOf(e.seq));
        return answer && answer.question
          ? t('chat.events.botFeedbackOn', { verdict, question: answer.question })
          : t('chat.events.botFeedback', { verdict });
      }
      default:
        return e.event ? String(e.event) : String(body || '');
    }
  }

  // A bot message in one line: the answer's question, the first guess, or the apology.
  function botPreview(body) {
    const b = botAct(body);
    if (!b) return body || '';
    if (b.act === 'answer') return b.question;
    if (b.act === 'suggest') return t('chat.botSuggested') + (b.suggestions[0] ? ' ' + b.suggestions[0].question : '');
    return b.text;
  }

  function preview(c) {
    const m = c && c.last_message;
    if (!m) return '';
    if (m.kind === 'photo') return t('chat.photo');
    if (m.kind === 'event') return eventText(m.body);
    if (m.kind === 'whisper') return t('chat.whisper') + t('common.colon') + (m.body || '');
    if (m.kind === 'bot') return t('chat.bot') + t('common.colon') + botPreview(m.body);
    return m.body || '';
  }

  return { customerName, queueLabel, eventText, preview };
}

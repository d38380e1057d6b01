export default {
  qaAuto: {
    rules: 'Automatic QA rules', hits: 'Automatic QA hits', rulesTitle: 'Automatic quality rules',
    rulesHint: 'Every staff reply and chat message is checked against these rules; a red-line hit alerts the supervisors on duty at once. A store\'s rule overrides the chain\'s, which overrides the default.',
    chain: 'Chain (all stores)', newRule: 'New rule', editRule: 'Edit rule', empty: 'No rules', name: 'Name', code: 'Rule code',
    kind: 'Kind', severity: 'Severity', parameters: 'Parameters', source: 'Source', edit: 'Edit', revert: 'Delete (back to the level above)',
    revertConfirm: 'Delete “{name}”? The chain\'s rule or the default applies again.', offHint: 'Saved rules switched off: {n}', off: 'off',
    phrases: 'Phrases', phrasesHint: 'One phrase a line (spaces, punctuation, width and traditional characters are ignored)', threshold: 'Anger threshold (%)',
    enabled: 'Enabled', secondsShort: '{n} s', thresholdShort: 'threshold {n}%',
    seconds: { missing_greeting: 'Greeting late after (s, 0: never)', reply_gap: 'Waited longer than (s)', unkept_promise: 'Follow-up within (s)' },
    kinds: {
      forbidden_phrase: 'Forbidden phrase', missing_greeting: 'Missing greeting', reply_gap: 'Reply gap', end_sentiment: 'Negative at the end',
      unkept_promise: 'Promise without follow-up',
    },
    severities: { normal: 'Normal', red_line: 'Red line' },
    sources: { default: 'Default', chain: 'Chain', store: 'This store' },
    tryTitle: 'Try it', tryText: 'A sentence', tryFirst: 'First message', tryDelay: 's after assignment', try: 'Try',
    tryHit: 'Hit: {detail}', tryMiss: 'No hit',
    hitsTitle: 'Automatic quality hits', allStores: 'All stores', subject: 'Subject', subjects: { ticket: 'Ticket', conversation: 'Chat' },
    ruleCode: 'Rule code', noHits: 'No hits', at: 'At', rule: 'Rule', staff: 'Staff', message: 'Message', where: 'Where',
    ticketAt: 'Ticket #{id} · event {event}', chatAt: 'Chat #{id} · message {seq}',
  },
};

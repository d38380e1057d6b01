export default {
  fbTraining: {
    title: 'Classifier training', review: 'To confirm', examples: 'Examples', models: 'Model versions',
    reviewHint: 'The feedback the model is least sure about comes first. Confirm or correct its topic and sentiment; the next model version learns it.',
    reviewEmpty: 'Nothing to confirm', margin: 'sure by {p}', confirm: 'Confirm',
    keys: 'Keys: ↓/j next, ↑/k previous, 1–9, 0, - choose the topic, p positive, n negative, Enter confirm, s skip',
    counts: 'seed {seed} · imported {import} · corrections {correction}', origin: 'Origin',
    origins: { seed: 'Seed', import: 'Imported', correction: 'Correction' },
    sentiments: { positive: 'Positive', negative: 'Negative' },
    text: 'Text', topic: 'Topic', sentiment: 'Sentiment', noExamples: 'No examples',
    import: 'Import examples', importHint: 'CSV with a header line (text, topic, sentiment in any order) or JSON Lines (one object with text, topic, sentiment a line). Topics by their code; importing twice adds nothing twice.',
    importStart: 'Import', reportCounts: '{rows} rows: {added} added, {updated} updated, {unchanged} unchanged', line: 'Line', reason: 'Why skipped',
    trainNow: 'Train now', modelsHint: 'A new version is used only when it is not worse than the active one on the same held-out examples (on neither task does it lose significantly more held-out examples than it gains); a refused version keeps the reason. After the slash: the active version on the same examples.',
    noModels: 'No model version yet', version: 'Version', active: 'In use', trainedAt: 'Trained', examplesN: 'Examples',
    topicF1: 'Topic macro-F1', sentimentAccuracy: 'Sentiment accuracy', outcome: 'Outcome', replacedBy: 'replaced by v{v}',
    triggers: { on_demand: 'on demand', nightly: 'nightly', first: 'first' },
  },
};

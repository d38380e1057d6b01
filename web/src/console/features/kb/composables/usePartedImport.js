// A file sent in parts, one import call each, with a progress bar between them and every
// part's report added into one (the knowledge base import and the question-pairs import).
// `options`: formatOf(fileName) → format; split(text, format) → [{ rows, text, … }];
// send(format, text) → the part's report; add(report, part, format, partReport);
// empty() → a new report; done() after the last part.
import { computed, ref } from 'vue';

export function usePartedImport({ formatOf, split, send, add, empty, done: finished = () => {} }) {
  const parts = ref([]);
  const format = ref('csv');
  const sent = ref(0);
  const running = ref(false);
  const done = ref(false);
  const failed = ref('');
  const report = ref(empty());
  const rows = computed(() => parts.value.reduce((n, p) => n + p.rows, 0));
  const percent = computed(() => (rows.value ? Math.round((100 * sent.value) / rows.value) : 0));

  async function pick(event) {
    const file = event.target.files[0];
    done.value = false;
    failed.value = '';
    report.value = empty();
    if (!file) return (parts.value = []);
    format.value = formatOf(file.name);
    parts.value = split(await file.text(), format.value);
  }

  async function start() {
    running.value = true;
    sent.value = 0;
    report.value = empty();
    try {
      for (const part of parts.value) {
        add(report.value, part, format.value, await send(format.value, part.text));
        sent.value += part.rows;
      }
      done.value = true;
      finished();
    } catch (e) {
      failed.value = e.message || String(e);
    } finally {
      running.value = false;
    }
  }

  return { parts, format, sent, running, done, failed, report, rows, percent, pick, start };
}

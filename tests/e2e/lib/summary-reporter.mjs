// A tiny custom reporter for `node --test` that ends the output with one summary line
// (and the names of failed tests). Use it next to the built-in one, e.g.
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//        --test-reporter=./tests/e2e/lib/summary-reporter.mjs --test-reporter-destination=stdout tests/e2e/
// The built-in reporters print their own "# pass N" / "# fail N" (tap) or "ℹ pass N" (spec).
export default async function* summary(source) {
  const started = Date.now();
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  const failed = [];
  const files = new Set();
  for await (const event of source) {
    const d = event.data || {};
    if (d.file) files.add(d.file);
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (d.details && d.details.type === 'suite') continue; // count tests, not describe blocks
    if (d.skip) counts.skipped++;
    else if (d.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      failed.push(`${d.file ? d.file.split('/').pop() + ': ' : ''}${d.name}`);
    }
  }
  for (const name of failed) yield `e2e FAILED: ${name}\n`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  yield `e2e summary: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ` +
    `${counts.todo} todo (${files.size} files) in ${seconds} s\n`;
}

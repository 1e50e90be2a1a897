// Adds up the test reports of every runner (unit, browser, end-to-end) into one closing line, so CI and
// people see one total: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const dir = '.test-reports';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit', 'browser']) {
  const file = `${dir}/${name}.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (existsSync(`${dir}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${dir}/e2e.json`, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exitCode = 1;

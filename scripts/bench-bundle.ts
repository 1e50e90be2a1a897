// The first-paint budget: builds the site and measures the gzipped JavaScript that index.html loads before
// any demo runs (its entry script and everything it imports statically), and the lazy chunks beside it.
// Run: npx tsx scripts/bench-bundle.ts   (or npm run bench)
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = 'dist';

execSync('npx vite build', { stdio: 'ignore' });
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = [
  ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((m) => m[1]!);

/** The static import closure of the entry scripts (the JS a visitor downloads before any demo runs). */
const initial = new Set<string>();
const queue = [...entry];
while (queue.length) {
  const file = queue.pop()!;
  if (initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*import\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([^"']+\.js)["']/g,
  )) {
    queue.push(`assets/${m[1]}`);
  }
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
const initialKb = [...initial].reduce((s, f) => s + gz(f), 0);
const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
  .map((f) => ({ file: f, kb: gz(`assets/${f}`) }))
  .sort((a, b) => b.kb - a.kb);

console.log(
  `Initial JavaScript (before any demo runs), gzip: ${initialKb.toFixed(1)} KB (budget ${BUDGET_KB} KB)`,
);
for (const f of initial) console.log(`  ${f}  ${gz(f).toFixed(1)} KB`);
console.log(
  `Lazy chunks, gzip: ${lazy.reduce((s, x) => s + x.kb, 0).toFixed(1)} KB in ${lazy.length} files; largest:`,
);
for (const { file, kb } of lazy.slice(0, 6)) console.log(`  ${file}  ${kb.toFixed(1)} KB`);
console.log(
  `BENCH_JSON ${JSON.stringify({ initialJsGzipKb: Number(initialKb.toFixed(1)), budgetKb: BUDGET_KB })}`,
);
if (initialKb > BUDGET_KB) process.exitCode = 1;

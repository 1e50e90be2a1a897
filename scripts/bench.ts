// npm run bench: every benchmark the issues ask for, one after another. Figures go into README.md.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = ['scripts/bench-bundle.ts', 'scripts/bench-mlp.ts'].filter((f) => existsSync(f));
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  execSync(`npx tsx ${bench}`, { stdio: 'inherit' });
}

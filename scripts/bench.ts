// npm run bench: every benchmark (scripts/bench-*.ts), one after another. Figures go into README.md.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const benches = readdirSync('scripts')
  .filter((f) => /^bench-.+\.ts$/.test(f))
  .sort();
for (const bench of benches) {
  console.log(`\n=== scripts/${bench}`);
  execSync(`npx tsx scripts/${bench}`, { stdio: 'inherit' });
}

// A clone of the repository alone must pass its tests: no source under src/, kernels/, test/ or scripts/
// names a path outside the repository (a relative path that climbs above the root, or a `'..'` path segment
// handed to join/resolve, which is relative to wherever the command runs).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const DIRS = ['src', 'kernels', 'test', 'scripts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__screenshots__' ? [] : sources(path);
    return /\.(ts|mts|mjs|js)$/.test(e.name) ? [path] : [];
  });
}

/** Where a source names a path outside the repository, as `file:line: text`. */
function pathsLeavingRepo(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${relative(ROOT, file)}:${i + 1}: ${line.trim()}`;
    for (const m of line.matchAll(/['"`]((?:\.\.\/)+[^'"`]*)['"`]/g)) {
      if (relative(ROOT, resolve(dirname(file), m[1]!)).startsWith('..')) found.push(at);
    }
    if (/(join|resolve)\([^)]*['"`]\.\.['"`]/.test(line)) found.push(at);
  });
  return found;
}

describe('the repository stands alone', () => {
  it('the check finds a path above the root and a ".." handed to join', () => {
    const file = join(ROOT, 'test', 'unit', 'x.test.ts');
    expect(pathsLeavingRepo(file, "import x from '../../../elsewhere/docs/q';")).toHaveLength(1);
    expect(
      pathsLeavingRepo(file, "readFileSync(join('..', 'elsewhere', 'docs', 'questions.md'))"),
    ).toHaveLength(1);
    expect(pathsLeavingRepo(file, "import x from '../../src/runtime/rng';")).toEqual([]);
  });

  it('no source names a path outside the repository', () => {
    const files = DIRS.flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const self = resolve('test/unit/self-contained.test.ts');
    expect(
      files.filter((f) => f !== self).flatMap((f) => pathsLeavingRepo(f, readFileSync(f, 'utf8'))),
    ).toEqual([]);
  });
});

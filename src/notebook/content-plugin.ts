// A Vite plugin that compiles notebooks/*.md at build time into the virtual module `virtual:viva-notebook`
// (an array of Question, sorted by number). A bad file fails the build with the file and field named.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileQuestion, ContentError } from './compile-question.ts';
import type { Question } from './question.ts';

const VIRTUAL_ID = 'virtual:viva-notebook';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Compiles every NN-id.md file in `dir`; checks ids and numbers are unique. */
export function compileNotebookDir(dir: string): Question[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const questions = files.map((f) => compileQuestion(f, readFileSync(join(dir, f), 'utf8')));
  const seen = new Map<string, string>();
  for (const [i, q] of questions.entries()) {
    for (const key of [`id ${q.id}`, `number ${q.number}`]) {
      const other = seen.get(key);
      if (other) throw new ContentError(files[i]!, key.split(' ')[0]!, `${key} is also used by ${other}`);
      seen.set(key, files[i]!);
    }
  }
  return questions.sort((a, b) => a.number - b.number);
}

export function notebookContent(options: { dir?: string } = {}): Plugin {
  const dir = resolve(options.dir ?? 'notebooks');
  return {
    name: 'viva-notebook-content',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const f of readdirSync(dir)) this.addWatchFile(join(dir, f));
      const questions = compileNotebookDir(dir);
      return `export default ${JSON.stringify(questions)};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(dir)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

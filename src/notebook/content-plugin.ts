// A Vite plugin that compiles notebooks/*.md at build time into the virtual module `virtual:viva-notebook`
// (an array of Question, sorted by number) and `virtual:viva-rehearsal` (each question's key points with their
// phrasings and its follow-ups, by id: loaded only when rehearsal opens, so it stays out of the first paint).
// A bad file fails the build with the file and field named.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileQuestion, ContentError } from './compile-question.ts';
import type { Question, RehearsalContent, RehearsalQuestion } from './question.ts';

const VIRTUAL_ID = 'virtual:viva-notebook';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const REHEARSAL_ID = 'virtual:viva-rehearsal';
const RESOLVED_REHEARSAL_ID = '\0' + REHEARSAL_ID;

/** The two modules' contents: the cells without their rehearsal content, and that content by question id. */
export function splitRehearsalContent(questions: RehearsalQuestion[]): {
  cells: Question[];
  rehearsal: Record<string, RehearsalContent>;
} {
  const rehearsal: Record<string, RehearsalContent> = {};
  const cells = questions.map(({ keyPoints, followUps, ...cell }) => {
    rehearsal[cell.id] = { keyPoints, followUps };
    return cell;
  });
  return { cells, rehearsal };
}

/** Compiles every NN-id.md file in `dir`; checks ids and numbers are unique. */
export function compileNotebookDir(dir: string): RehearsalQuestion[] {
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
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return id === REHEARSAL_ID ? RESOLVED_REHEARSAL_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_REHEARSAL_ID) return undefined;
      for (const f of readdirSync(dir)) this.addWatchFile(join(dir, f));
      const { cells, rehearsal } = splitRehearsalContent(compileNotebookDir(dir));
      return `export default ${JSON.stringify(id === RESOLVED_ID ? cells : rehearsal)};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(dir)) return;
        for (const resolved of [RESOLVED_ID, RESOLVED_REHEARSAL_ID]) {
          const mod = server.moduleGraph.getModuleById(resolved);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

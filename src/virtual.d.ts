declare module 'virtual:viva-notebook' {
  import type { Question } from './notebook/question';
  const questions: Question[];
  export default questions;
}

/** package.json's version, defined by vite.config.ts and vitest.config.ts. */
declare const __APP_VERSION__: string;

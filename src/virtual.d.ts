declare module 'virtual:viva-notebook' {
  import type { Question } from './notebook/question';
  const questions: Question[];
  export default questions;
}

declare module 'virtual:viva-rehearsal' {
  import type { RehearsalContent } from './notebook/question';
  const content: Record<string, RehearsalContent>;
  export default content;
}

declare module 'virtual:viva-notebook' {
  import type { Question } from './notebook/question';
  const questions: Question[];
  export default questions;
}

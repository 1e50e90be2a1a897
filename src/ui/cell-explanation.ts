// The explanation half of a cell: the answer, key points and formulas, then pitfalls, follow-ups and the
// spoken outline folded. The HTML was compiled and sanitized at build time (src/notebook/compile-question.ts).
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Question } from '../notebook/question';

export function explanation(q: Question) {
  return html`
    <div class="explanation">
      <section class="answer">
        <h3>Answer</h3>
        ${unsafeHTML(q.html.answer)}
      </section>
      <section class="key-points">
        <h3>Key points</h3>
        ${unsafeHTML(q.html.keyPoints)}
      </section>
      <section class="formulas">
        <h3>Formulas</h3>
        ${unsafeHTML(q.html.formulas)}
      </section>
      <details class="pitfalls">
        <summary>Pitfalls</summary>
        ${unsafeHTML(q.html.pitfalls)}
      </details>
      <details class="follow-ups">
        <summary>Follow-up questions</summary>
        ${unsafeHTML(q.html.followUps)}
      </details>
      <details class="outline">
        <summary>Two-minute spoken outline</summary>
        ${unsafeHTML(q.html.outline)}
      </details>
    </div>
  `;
}

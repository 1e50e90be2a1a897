// The explanation half of a cell: the answer, key points and formulas, then pitfalls, follow-ups and the
// spoken outline folded. The HTML was compiled and sanitized at build time (src/notebook/compile-question.ts).
// In the hide-answers mode a cell is a flash card: the question alone until "Show the answer".
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

/** The flash card of the hide-answers mode: the answer stays hidden until the user asks for it. */
export function flashCard(q: Question, show: () => void) {
  return html`<div class="explanation flash-card">
    <p class="muted">Answers are hidden. Answer "${q.title}" in your head or aloud, then check.</p>
    <button class="btn show-answer" @click=${show}>Show the answer</button>
  </div>`;
}

// The patching panel's view (question 16): Train / Stop, the transformer's accuracy, the clean and corrupted
// questions, and one row per head: its attention from the answer position to the corrupted digit, and the
// fraction of the clean logit difference that patching that head alone restores; the attention rollout's
// share and the all-heads patch (1 by construction) below. Pure functions returning templates.
import { html } from 'lit';
import type { HeadsSession } from './heads-session';

export interface HeadsActions {
  train: () => void;
  stop: () => void;
}

const tokens = (seq: readonly number[]) => seq.map((t) => (t === 10 ? '|' : String(t))).join(' ');

export function headsView(s: HeadsSession, busy: boolean, actions: HeadsActions) {
  const p = s.result;
  const q = s.question;
  return html`
    <div class="row">
      <button class="heads-train" ?disabled=${busy} @click=${actions.train}>Train transformer</button>
      <button class="heads-stop" ?disabled=${!busy} @click=${actions.stop}>Stop</button>
      <span class="hint">
        step <span class="heads-step">${s.steps}</span> · digit accuracy
        <span class="heads-accuracy"
          >${Number.isNaN(s.accuracy) ? '—' : `${(100 * s.accuracy).toFixed(1)}%`}</span
        >
        ${s.backend ? html`· tfjs ${s.backend}${s.inWorker ? ' in a worker' : ''}` : ''}
      </span>
    </div>
    ${s.stale ? html`<p class="hint stale">The transformer settings changed: Train to retrain.</p>` : ''}
    ${
      !p || !q
        ? html`<p class="hint">
            Train transformer trains the tiny transformer of question 5 to reverse 4 digits, then patches each
            head from a clean question into a corrupted one.
          </p>`
        : html`
            <p class="hint">
              Clean <code>${tokens(q.clean)}</code>, corrupted <code>${tokens(q.corrupted)}</code>; read at
              position ${q.position}, where the answer is ${q.correct}: logit(${q.correct}) −
              logit(${q.wrong}) is <span class="clean-diff">${p.cleanDiff.toFixed(2)}</span> clean and
              <span class="corrupt-diff">${p.corruptedDiff.toFixed(2)}</span> corrupted.
            </p>
            <div class="scroll">
              <table class="attributions heads">
                <thead>
                  <tr>
                    <th scope="col">head</th>
                    <th scope="col">attention to the changed digit</th>
                    <th scope="col">restored by patching it</th>
                  </tr>
                </thead>
                <tbody>
                  ${p.restored.flatMap((layer, l) =>
                    layer.map(
                      (f, h) =>
                        html`<tr class="head">
                          <th scope="row">layer ${l} head ${h}</th>
                          <td class="num attn">${p.attentionToChange[l]![h]!.toFixed(2)}</td>
                          <td class="num restored">${(100 * f).toFixed(1)}%</td>
                        </tr>`,
                    ),
                  )}
                </tbody>
              </table>
            </div>
            <p class="hint">
              Attention rollout puts <span class="rollout">${(100 * p.rolloutToChange).toFixed(1)}%</span> of
              that position on the changed digit; patching every head at once restores
              <span class="all-restored">${(100 * p.allRestored).toFixed(1)}%</span>. Attention says where a
              head looks; patching says what the output needs.
            </p>
          `
    }
  `;
}

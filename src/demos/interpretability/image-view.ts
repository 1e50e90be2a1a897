// The image panel's views (question 16): its Train / Stop buttons and status; the explained image and each
// saliency map of the predicted class as a <viva-heatmap>, for the trained CNN and after every layer is
// re-drawn at random; and the sanity-check table, each map's Spearman correlation with the trained model's
// map as the layers are randomised from the top. Pure functions returning templates.
import { html } from 'lit';
import { MAP_IDS, IMAGE_SIZE, type MapId } from '../../../kernels/interpret-images';
import { SHAPE_CLASSES } from '../../../kernels/vit-shapes';
import '../../ui/heatmap';
import type { ImageSession } from './image-session';

export const MAP_LABELS: Record<MapId, string> = {
  gradient: '|Gradient|',
  smoothGrad: '|SmoothGrad|',
  ig: '|Integrated gradients|',
  gradInput: '|Gradient × input|',
  gradCam: 'Grad-CAM',
};

const rows = (flat: readonly number[]) =>
  Array.from({ length: IMAGE_SIZE }, (_, y) => flat.slice(y * IMAGE_SIZE, (y + 1) * IMAGE_SIZE));

function mapFigure(cls: string, label: string, flat: readonly number[] | undefined) {
  if (!flat) return html`<figure class="map pending"><figcaption>${label}: computing…</figcaption></figure>`;
  const top = Math.max(...flat) || 1;
  return html`<figure class="map">
    <viva-heatmap class=${cls} label=${label} .z=${rows(flat)} zmin="0" zmax=${top}></viva-heatmap>
    <figcaption>${label}</figcaption>
  </figure>`;
}

export interface ImageActions {
  train: () => void;
  stop: () => void;
}

export function imageView(s: ImageSession, busy: boolean, actions: ImageActions) {
  const e = s.explained;
  const last = s.stages.at(-1);
  const full = last && last.randomized.length === 3 ? last : null;
  const fmt = (v: number | undefined) => (v === undefined ? '…' : Number.isNaN(v) ? 'n/a' : v.toFixed(2));
  return html`
    <div class="row">
      <button class="image-train" ?disabled=${busy} @click=${actions.train}>Train CNN</button>
      <button class="image-stop" ?disabled=${!busy} @click=${actions.stop}>Stop</button>
      <span class="hint">
        step <span class="image-step">${s.trainer?.steps ?? 0}</span> · held-out accuracy
        <span class="image-accuracy"
          >${Number.isNaN(s.testAccuracy) ? '—' : `${(100 * s.testAccuracy).toFixed(1)}%`}</span
        >
        (chance 25%)
      </span>
    </div>
    ${s.stale ? html`<p class="hint stale">The CNN settings changed: Train to retrain.</p>` : ''}
    ${
      !e
        ? html`<p class="hint">
            Train CNN trains a small CNN on generated shapes, then explains one held-out image.
          </p>`
        : html`
            <p class="hint explained">
              Image ${e.index}: a ${SHAPE_CLASSES[e.label]}, predicted ${SHAPE_CLASSES[e.predicted]}; maps of
              the predicted class's logit.
            </p>
            <div class="maps trained">
              ${mapFigure('input', 'Input', s.test ? Array.from(s.test.images[e.index]!) : undefined)}
              ${MAP_IDS.map((id) => mapFigure(`map-${id}`, MAP_LABELS[id], s.maps[id]))}
            </div>
            ${
              full
                ? html`<p class="hint">The same maps with every layer re-drawn at random:</p>
                    <div class="maps randomized">
                      ${MAP_IDS.map((id) => mapFigure(`random-${id}`, MAP_LABELS[id], full.maps[id]))}
                    </div>`
                : ''
            }
            <div class="scroll">
              <table class="attributions sanity">
                <caption>
                  Sanity check: Spearman correlation of each map with the trained CNN's map as layers are
                  randomised from the top (near 1: the map does not depend on what the model learned)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">layers re-drawn</th>
                    ${MAP_IDS.map((id) => html`<th scope="col">${MAP_LABELS[id]}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${s.stages.map(
                    (st) =>
                      html`<tr class="stage">
                        <th scope="row">${st.randomized.join(' + ')}</th>
                        ${MAP_IDS.map((id) => html`<td class="num corr" data-map=${id}>${fmt(st.correlation[id])}</td>`)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          `
    }
  `;
}

// The transformer cell's attention maps: one small map per layer and head, on the test input, with the
// causal mask hatched. A template function (no state of its own).
import { html, nothing } from 'lit';
import type { Prediction } from '../../../kernels/transformer/trainer';
import '../../ui/attention-map';
import { inputLabels } from './transformer-view';

export function attentionMaps(p: Prediction | null) {
  if (!p) return nothing;
  const labels = inputLabels(p.input, p.output);
  const causal = labels.map((_, i) => labels.map((_, j) => j > i));
  return html`<h4>Attention on the test input (rows: query positions, columns: keys; causal)</h4>
    <div class="maps" style="grid-template-columns: repeat(${p.attention[0]?.length ?? 1}, max-content)">
      ${p.attention.flatMap((layer, l) =>
        layer.map(
          (w, h) =>
            html`<viva-attention-map
              class="layer-map"
              compact
              data-layer=${l}
              data-head=${h}
              caption="layer ${l + 1}, head ${h + 1}"
              .weights=${w}
              .rowLabels=${labels}
              .colLabels=${labels}
              .masked=${causal}
            ></viva-attention-map>`,
        ),
      )}
    </div>`;
}

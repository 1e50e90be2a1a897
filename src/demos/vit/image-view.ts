// Pure views of the Vision Transformer cell's images: an image as a grid of pixel cells with the patch grid
// drawn over it, the token sequence the transformer reads (class token, then each patch with its index and
// grid position), and an image with its attention-rollout map beside it. Templates only; no state.
import { html, nothing, type TemplateResult } from 'lit';
import type { ImageData3 } from '../../../kernels/vit';
import '../../ui/heatmap';

const rgb = (data: ArrayLike<number>, i: number): string => {
  const v = (c: number) => Math.round(Math.max(0, Math.min(1, data[i + c]!)) * 255);
  return `rgb(${v(0)},${v(1)},${v(2)})`;
};

/** The image, `px` CSS pixels per image pixel, with lines every `patch` pixels. */
export function imageView(image: ImageData3, patch: number, px = 12, label = 'image'): TemplateResult {
  const { data, width: W, height: H } = image;
  const cells = [];
  for (let p = 0; p < W * H; p++) cells.push(html`<i style="background:${rgb(data, p * 3)}"></i>`);
  const step = patch * px;
  return html`<div
    class="pixels"
    role="img"
    aria-label=${label}
    style="grid-template-columns:repeat(${W},${px}px);grid-auto-rows:${px}px;--grid:${step}px"
  >
    ${cells}${patch > 0 ? html`<b class="patch-lines"></b>` : nothing}
  </div>`;
}

/** The sequence: [CLS] at position 0, then patch k at position k + 1, each a small tile with its grid place. */
export function tokenStrip(tokens: number[][], patch: number, grid: number): TemplateResult {
  const tile = Math.max(3, Math.floor(24 / patch));
  return html`<ol class="tokens" aria-label="token sequence">
    <li class="token cls"><span class="cls-box">CLS</span><small>0</small></li>
    ${tokens.map((t, k) => {
      const img = { data: t, height: patch, width: patch, channels: 3 };
      return html`<li class="token" title=${`patch ${k}: row ${Math.floor(k / grid)}, column ${k % grid}`}>
        ${imageView(img, 0, tile, `patch ${k}`)}<small>${k + 1}</small>
      </li>`;
    })}
  </ol>`;
}

/** A probe image beside the class token's attention rollout over its patches. */
export function attentionTile(
  image: ImageData3,
  patch: number,
  rollout: number[][],
  caption: string,
): TemplateResult {
  const max = Math.max(1e-9, ...rollout.flat());
  return html`<figure class="attention-tile">
    ${imageView(image, patch, 5)}
    ${
      rollout.length
        ? html`<viva-heatmap
            class="rollout"
            .z=${rollout}
            zmin="0"
            zmax=${max}
            label="attention rollout"
          ></viva-heatmap>`
        : nothing
    }
    <figcaption>${caption}</figcaption>
  </figure>`;
}

/**
 * The grid of grids: cell (gy·grid + y, gx·grid + x) is the similarity of position (gy, gx) to position
 * (y, x), so each block shows how one position relates to all others. Rows are listed top first.
 */
export function similarityMosaic(similarity: number[][], grid: number): number[][] {
  const n = grid * grid;
  return Array.from({ length: n }, (_, r) => {
    const gy = Math.floor(r / grid);
    const y = r % grid;
    return Array.from(
      { length: n },
      (_, c) => similarity[gy * grid + Math.floor(c / grid)]![y * grid + (c % grid)]!,
    );
  });
}

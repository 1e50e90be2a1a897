// <viva-transformer-controls>: the transformer cell's settings (task, sizes, learning rate, seed, steps,
// engine). Fires `settings-change` with the changed fields; the cell decides what a change means (a new
// model for anything that shapes it, nothing more for steps per run and the stopping rule).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TASKS, type TaskKind } from '../../../kernels/transformer/task';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import { ENGINE_CHOICES, type EngineChoice } from './engine';

export interface TransformerSettings {
  task: TaskKind;
  length: number;
  dModel: number;
  layers: number;
  heads: number;
  learningRate: number;
  seed: number;
  maxSteps: number;
  stopAtTarget: boolean;
  engine: EngineChoice;
}

export const DEFAULT_SETTINGS: TransformerSettings = {
  task: 'reverse',
  length: 5,
  dModel: 32,
  layers: 2,
  heads: 2,
  learningRate: 0.005,
  seed: 1,
  maxSteps: 1000,
  stopAtTarget: true,
  engine: 'auto',
};

const D_MODEL_OPTIONS = ['16', '32', '64'];
const LAYER_OPTIONS = ['1', '2', '3'];
const HEAD_OPTIONS = ['1', '2', '4'];
const TASK_OPTIONS = [...TASKS];
const ENGINE_OPTIONS = [...ENGINE_CHOICES];

@customElement('viva-transformer-controls')
export class VivaTransformerControls extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0 1rem;
      align-items: end;
    }
  `;

  @property({ attribute: false }) settings: TransformerSettings = DEFAULT_SETTINGS;
  /** Target accuracy shown on the stopping toggle. */
  @property({ type: Number }) target = 0.99;

  private emit(patch: Partial<TransformerSettings>): void {
    this.dispatchEvent(new CustomEvent('settings-change', { detail: patch, bubbles: true, composed: true }));
  }

  override render() {
    const s = this.settings;
    const num = (key: 'dModel' | 'layers' | 'heads') => (e: CustomEvent<string>) =>
      this.emit({ [key]: Number(e.detail) });
    return html`
      <viva-select
        label="Task"
        .options=${TASK_OPTIONS}
        .value=${s.task}
        @change=${(e: CustomEvent<string>) => this.emit({ task: e.detail as TaskKind })}
      ></viva-select>
      <viva-slider
        label="Digits"
        integer
        .min=${3}
        .max=${6}
        .step=${1}
        .value=${s.length}
        @change=${(e: CustomEvent<number>) => this.emit({ length: e.detail })}
      ></viva-slider>
      <viva-select
        label="d_model"
        .options=${D_MODEL_OPTIONS}
        .value=${String(s.dModel)}
        @change=${num('dModel')}
      ></viva-select>
      <viva-select
        label="Layers"
        .options=${LAYER_OPTIONS}
        .value=${String(s.layers)}
        @change=${num('layers')}
      ></viva-select>
      <viva-select
        label="Heads"
        .options=${HEAD_OPTIONS}
        .value=${String(s.heads)}
        @change=${num('heads')}
      ></viva-select>
      <viva-slider
        label="Learning rate (Adam)"
        .min=${0.0005}
        .max=${0.05}
        .step=${0.0005}
        .value=${s.learningRate}
        @change=${(e: CustomEvent<number>) => this.emit({ learningRate: e.detail })}
      ></viva-slider>
      <viva-slider
        label="Seed"
        integer
        .min=${1}
        .max=${9999}
        .step=${1}
        .value=${s.seed}
        @change=${(e: CustomEvent<number>) => this.emit({ seed: e.detail })}
      ></viva-slider>
      <viva-slider
        label="Steps per run"
        integer
        .min=${20}
        .max=${5000}
        .step=${20}
        .value=${s.maxSteps}
        @change=${(e: CustomEvent<number>) => this.emit({ maxSteps: e.detail })}
      ></viva-slider>
      <viva-select
        label="Engine (tfjs backend)"
        .options=${ENGINE_OPTIONS}
        .value=${s.engine}
        @change=${(e: CustomEvent<string>) => this.emit({ engine: e.detail as EngineChoice })}
      ></viva-select>
      <viva-toggle
        label="Stop at ${Math.round(this.target * 100)}% accuracy"
        ?checked=${s.stopAtTarget}
        @change=${(e: CustomEvent<boolean>) => this.emit({ stopAtTarget: e.detail })}
      ></viva-toggle>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-transformer-controls': VivaTransformerControls;
  }
}

// Neurons and layers of the MLP, as Value graphs (micrograd's nn.py).
//
// Example: const layer = new Layer(2, 16, 'tanh', Math.random); layer.call([x, y]).length === 16

import { Value } from './value';

export type Nonlinearity = 'tanh' | 'relu' | 'linear';

export class Neuron {
  readonly w: Value[];
  readonly b: Value;
  readonly nonlinearity: Nonlinearity;

  /**
   * Weights uniform in ±1/√nin (so a tanh layer starts unsaturated whatever its width), bias 0.
   * `name` labels the parameters for drawing, e.g. 'L0.N3' gives 'L0.N3.w1' and 'L0.N3.b'.
   */
  constructor(nin: number, nonlinearity: Nonlinearity, random: () => number, name = '') {
    const scale = 1 / Math.sqrt(nin);
    this.w = Array.from({ length: nin }, (_, i) => new Value((2 * random() - 1) * scale, `${name}.w${i}`));
    this.b = new Value(0, `${name}.b`);
    this.nonlinearity = nonlinearity;
  }

  /** b + Σ wᵢ·xᵢ, then the nonlinearity. */
  call(x: readonly Value[]): Value {
    let sum = this.b;
    for (let i = 0; i < this.w.length; i++) sum = sum.add(this.w[i].mul(x[i]));
    if (this.nonlinearity === 'tanh') return sum.tanh();
    if (this.nonlinearity === 'relu') return sum.relu();
    return sum;
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, nonlinearity: Nonlinearity, random: () => number, index = 0) {
    this.neurons = Array.from(
      { length: nout },
      (_, j) => new Neuron(nin, nonlinearity, random, `L${index}.N${j}`),
    );
  }

  call(x: readonly Value[]): Value[] {
    return this.neurons.map((neuron) => neuron.call(x));
  }

  parameters(): Value[] {
    return this.neurons.flatMap((neuron) => neuron.parameters());
  }
}

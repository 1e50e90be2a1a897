// The backprop cell's settings table: today's defaults, the expression's check (the core's parser, no
// symbolic work), the variables' text, and a link that restores every setting.
import { describe, expect, it } from 'vitest';
import { EXPRESSION_PRESETS } from '../../../src/demos/backprop/presets';
import {
  BACKPROP_SETTINGS,
  checkExpression,
  formatAt,
  parseAt,
  valuesFor,
} from '../../../src/demos/backprop/settings';
import { defaults, fromQuery } from '../../../src/ui/kit/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

describe('the backprop settings table', () => {
  it("keeps today's defaults", () => {
    expect(defaults(BACKPROP_SETTINGS)).toEqual({
      expr: 'tanh(w1*x1 + w2*x2 + b)',
      at: 'x1=2,x2=0,w1=-3,w2=1,b=6.881373587019543',
      speed: 2,
      data: 'moons',
      noise: 0.1,
      seed: 1,
      sizes: '16, 16',
      act: 'tanh',
      loss: 'hinge',
      lr: 0.3,
      steps: 500,
    });
    // The tanh neuron's b survives the text exactly (micrograd's value, so that f = 1/√2).
    const at = parseAt(defaults(BACKPROP_SETTINGS).at);
    expect(at).toEqual({ at: EXPRESSION_PRESETS[0]!.at });
    expect(('at' in at && at.at.b) === 6.8813735870195432).toBe(true);
  });

  it('writes a link of the changed settings only, and a fresh store restores every one of them', () => {
    const store = new SettingsStore(BACKPROP_SETTINGS);
    expect(store.toQuery()).toBe('');
    expect(store.set('expr', 'x*y + x').message).toBeNull();
    expect(store.set('at', 'x=2,y=-3.25').message).toBeNull();
    store.set('speed', 6.5);
    store.set('data', 'spiral');
    store.set('noise', 0.23);
    store.set('seed', 42);
    store.set('sizes', '8, 4, 2');
    store.set('act', 'relu');
    store.set('loss', 'logistic');
    store.set('lr', 0.05);
    store.set('steps', 20);
    const query = store.toQuery();
    const fresh = new SettingsStore(BACKPROP_SETTINGS);
    expect(fresh.applyQuery(query)).toEqual([]);
    expect(fresh.values).toEqual(store.values);
    expect(new URLSearchParams(query).get('expr')).toBe('x*y + x');
  });

  it('ignores a link that asks for a bad expression or values, naming them, and keeps the defaults', () => {
    const { values, notes } = fromQuery(BACKPROP_SETTINGS, 'expr=foo(x)%2B1&at=x%3Dabc&sizes=16,100');
    expect(values.expr).toBe(defaults(BACKPROP_SETTINGS).expr);
    expect(values.at).toBe(defaults(BACKPROP_SETTINGS).at);
    expect(values.sizes).toBe('16, 16');
    expect(notes).toHaveLength(3);
    expect(notes[0]).toContain('foo');
    expect(notes[1]).toContain('abc');
    expect(notes[2]).toContain('"100" is not');
  });
});

describe("the expression's check", () => {
  it('accepts every preset', () => {
    for (const p of EXPRESSION_PRESETS) expect(checkExpression(p.expr)).toBeNull();
  });

  it('refuses unknown functions (listing the known ones), bad syntax, variable exponents and empty text', () => {
    const unknown = checkExpression('foo(x) + 1');
    expect(unknown).toContain('foo');
    expect(unknown).toContain('sigmoid');
    expect(checkExpression('x * (y + 1')).toMatch(/^Cannot parse/);
    expect(checkExpression('x ^ y')).toContain('exponent');
    expect(checkExpression('   ')).toBe('The expression is empty.');
    expect(new SettingsStore(BACKPROP_SETTINGS).set('expr', 'foo(x) + 1').value).toBeNull();
  });

  it('accepts an expression whose only fault at the probe point (every variable 1) is its value there', () => {
    // log(x − 1) is −∞ at x = 1 and sqrt(x − 2) is NaN; both are fine elsewhere, which the sliders choose.
    expect(checkExpression('log(x - 1)')).toBeNull();
    expect(checkExpression('sqrt(x - 2) + y')).toBeNull();
  });
});

describe("the variables' text", () => {
  it('round-trips every digit and keeps the order', () => {
    const at = { w: -0.1 + 0.3, x: 1e-7, y: -10, z: 6.8813735870195432 };
    const r = parseAt(formatAt(at));
    expect(r).toEqual({ at });
    expect(Object.keys('at' in r ? r.at : {})).toEqual(['w', 'x', 'y', 'z']);
  });

  it('refuses bad entries, values out of range and names given twice', () => {
    expect(parseAt('x=1,y')).toEqual({ error: '"y" is not name=value.' });
    expect(parseAt('x=NaN')).toHaveProperty('error');
    expect(parseAt('x=10.5')).toEqual({ error: 'x = 10.5 is outside -10 to 10.' });
    expect(parseAt('x=1,x=2')).toEqual({ error: 'x is given twice.' });
    expect(parseAt('')).toEqual({ at: {} });
  });

  it("gives a new expression's variables their values: given, else previous, else the start value", () => {
    expect(valuesFor('x*y + z', { y: 5 }, { x: 2, q: 9 })).toEqual({ x: 2, y: 5, z: 0.72 });
    // Start values by position, worked by hand: 0.2 + 0.7·frac(0.5 + i·0.618…), two decimals.
    expect(valuesFor('tanh(x*w + b)', {})).toEqual({ x: 0.55, w: 0.28, b: 0.72 });
    expect(Object.keys(valuesFor('b + a*pi', {}))).toEqual(['b', 'a']);
  });
});

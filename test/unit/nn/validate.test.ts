// kernels/nn argument checks: each message names the argument, its allowed range and the value given.
import { expect, test } from 'vitest';
import { checkInt, checkRange } from '../../../kernels/nn/index';

test('checkInt accepts integers in the closed range and names the argument and range otherwise', () => {
  expect(() => checkInt('batch', 1, 1, 64)).not.toThrow();
  expect(() => checkInt('batch', 64, 1, 64)).not.toThrow();
  expect(() => checkInt('batch', 0, 1, 64)).toThrow('batch must be an integer from 1 to 64, got 0');
  expect(() => checkInt('batch', 65, 1, 64)).toThrow('batch must be an integer from 1 to 64, got 65');
  expect(() => checkInt('hidden[2]', 2.5, 1, 512)).toThrow(
    'hidden[2] must be an integer from 1 to 512, got 2.5',
  );
  expect(() => checkInt('n', NaN, 0, 3)).toThrow('n must be an integer from 0 to 3, got NaN');
});

test('checkRange honours open and closed ends and shows them in its message', () => {
  expect(() => checkRange('lr', 1, 0, 1, '(]')).not.toThrow();
  expect(() => checkRange('lr', 0, 0, 1, '(]')).toThrow('lr must be in (0, 1], got 0');
  expect(() => checkRange('beta', 0, 0, 1, '[)')).not.toThrow();
  expect(() => checkRange('beta', 1, 0, 1, '[)')).toThrow('beta must be in [0, 1), got 1');
  expect(() => checkRange('p', 0.5, 0, 1, '()')).not.toThrow();
  expect(() => checkRange('p', 0, 0, 1, '()')).toThrow('p must be in (0, 1), got 0');
  expect(() => checkRange('tau', 1, 0, 1)).not.toThrow();
  expect(() => checkRange('tau', 1.5, 0, 1)).toThrow('tau must be in [0, 1], got 1.5');
  expect(() => checkRange('tau', NaN, 0, 1)).toThrow('tau must be in [0, 1], got NaN');
});

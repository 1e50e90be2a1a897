// The grid world's transitions on hand cases, editing, and its breadth-first shortest path.
import { describe, expect, test } from 'vitest';
import { GridWorld } from '../../../kernels/rl/grid-world';

const rewards = { stepCost: -0.1, goalReward: 1, pitReward: -1 };

describe('GridWorld', () => {
  test('moves, bumps into walls and edges (staying put, paying the step cost), and ends in goals and pits', () => {
    const w = GridWorld.parse(['S.#G', '..P.'], rewards);
    expect(w.reset()).toBe(0);
    expect(w.transition(0, 0)).toEqual({ state: 0, reward: -0.1, done: false }); // up: edge
    expect(w.transition(0, 3)).toEqual({ state: 0, reward: -0.1, done: false }); // left: edge
    expect(w.transition(1, 1)).toEqual({ state: 1, reward: -0.1, done: false }); // right: wall
    expect(w.transition(0, 2)).toEqual({ state: 4, reward: -0.1, done: false }); // down
    expect(w.transition(5, 1)).toEqual({ state: 6, reward: -1, done: true }); // into the pit
    expect(w.transition(7, 0)).toEqual({ state: 3, reward: 1, done: true }); // into the goal
    expect(() => w.transition(2, 0)).toThrow('state 2 is a wall cell, where no action is taken');
  });

  test('step moves the agent; after a terminal cell it must be reset', () => {
    const w = GridWorld.parse(['SG'], rewards);
    w.reset();
    expect(w.step(1)).toEqual({ state: 1, reward: 1, done: true });
    expect(w.state).toBe(1);
    expect(() => w.step(0)).toThrow('call reset()');
    expect(w.reset()).toBe(0);
  });

  test('cells are edited one by one; a click toggles a kind on and off; the start moves', () => {
    const w = GridWorld.parse(['S...', '....'], rewards);
    expect(w.toggleCell(0, 2, 'wall')).toBe('wall');
    expect(w.kindAt(0, 2)).toBe('wall');
    expect(w.toggleCell(0, 2, 'wall')).toBe('empty');
    w.setCell(1, 3, 'goal').setCell(1, 1, 'pit');
    w.setCell(1, 0, 'start');
    expect(w.toLines()).toEqual(['....', 'SP.G']);
    expect(w.startState).toBe(4);
    expect(GridWorld.parse(w.toLines(), rewards).toLines()).toEqual(w.toLines());
  });

  test('the breadth-first shortest path goes round walls and never through pits', () => {
    const w = GridWorld.parse(['S.#.G', '..#..', '.P...', '.....'], rewards);
    // Down column 0 to row 3 (the pit blocks row 2 at column 1): 3; right to column 2: 2; up to row 2: 1;
    // then right and up round the wall to the goal at (0, 4): 4. Total 10.
    expect(w.shortestPathLength()).toBe(10);
    w.setCell(2, 3, 'wall').setCell(3, 3, 'wall');
    expect(w.shortestPathLength()).toBe(Infinity);
  });

  test('bad input throws a message naming it', () => {
    expect(() => new GridWorld(0, 3)).toThrow('rows must be an integer from 1 to 20, got 0');
    expect(() => GridWorld.parse(['S.', '.'])).toThrow('grid row 1 has 1 cells, expected 2');
    expect(() => GridWorld.parse(['SX'])).toThrow('unknown grid symbol "X"');
    expect(() => GridWorld.parse(['SS'])).toThrow('at most one start');
    expect(() => GridWorld.parse(['S.'], { ...rewards, stepCost: 1 })).toThrow(
      'stepCost must be in −10..0, got 1',
    );
    const w = GridWorld.parse(['S.']);
    expect(() => w.kindAt(0, 5)).toThrow('column must be 0..1, got 5');
    expect(() => w.transition(0, 4 as 0)).toThrow(
      'action must be 0 (up), 1 (right), 2 (down) or 3 (left), got 4',
    );
  });
});

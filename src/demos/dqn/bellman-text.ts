// The Bellman update of one tabular transition written out with its numbers, for the grid world's caption.
// Pure (no DOM), so it is unit-tested.
import { ACTIONS } from '../../../kernels/rl/grid-world';
import type { QUpdate, Transition } from '../../../kernels/rl/q-learning';

const ARROWS = ['↑', '→', '↓', '←'] as const;

export function actionArrow(action: number): string {
  return ARROWS[action] ?? '?';
}

export function actionName(action: number): string {
  return ACTIONS[action] ?? '?';
}

/** Formats a number with `digits` decimals and a real minus sign. */
export function fmt(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** "(row, col)" of a state index. */
export function cellName(state: number, cols: number): string {
  return `(${Math.floor(state / cols)}, ${state % cols})`;
}

/**
 * Two lines: the rule with the transition's symbols, then the same with its numbers, e.g.
 *   Q((2, 3), →) ← Q + α·(r + γ·maxₐ′ Q((2, 4), a′) − Q)
 *   = 0.120 + 0.50·(−0.040 + 0.90·0.700 − 0.120) = 0.355
 */
export function bellmanText(t: Transition, u: QUpdate, cols: number): { rule: string; numbers: string } {
  const s = cellName(t.state, cols);
  const s2 = cellName(t.nextState, cols);
  const a = actionArrow(t.action);
  if (t.done) {
    return {
      rule: `Q(${s}, ${a}) ← Q + α·(r − Q)   (${s2} ends the episode: nothing to bootstrap)`,
      numbers: `= ${fmt(u.before)} + ${fmt(u.alpha, 2)}·(${fmt(t.reward)} − ${fmt(u.before)}) = ${fmt(u.after)}`,
    };
  }
  return {
    rule: `Q(${s}, ${a}) ← Q + α·(r + γ·maxₐ′ Q(${s2}, a′) − Q)`,
    numbers: `= ${fmt(u.before)} + ${fmt(u.alpha, 2)}·(${fmt(t.reward)} + ${fmt(u.gamma, 2)}·${fmt(u.maxNext)} − ${fmt(u.before)}) = ${fmt(u.after)}`,
  };
}

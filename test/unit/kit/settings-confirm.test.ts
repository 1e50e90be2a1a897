// The confirm step before a setting change throws away a trained model (SettingsStore.request / discards):
// held only for a control's change of a 'rebuild' setting the demo says would lose something; confirm()
// applies it exactly as set() would, cancel() keeps the value and bumps the key's revision (its control is
// drawn afresh); set(), links, replays and Reset are never held.
import { describe, expect, it } from 'vitest';
import { defineSettings } from '../../../src/ui/kit/settings';
import { SettingsStore, type SettingsChange } from '../../../src/ui/kit/settings-store';

const TABLE = defineSettings([
  { key: 'depth', kind: 'integer', label: 'Depth', min: 1, max: 64, step: 1, default: 8, apply: 'rebuild' },
  { key: 'lr', kind: 'number', label: 'LR', min: 0.001, max: 1, step: 0.001, default: 0.05, apply: 'live' },
  { key: 'steps', kind: 'integer', label: 'Steps', min: 1, max: 100, step: 1, default: 10, apply: 'rebuild' },
]);

/** A store whose demo holds a model trained `trained` steps; changing `steps` loses nothing. */
function store(trained: { steps: number }) {
  const s = new SettingsStore(TABLE);
  s.discards = (key) =>
    key !== 'steps' && trained.steps > 0 ? `the model trained for ${trained.steps} steps` : null;
  const changes: SettingsChange<typeof TABLE>[] = [];
  let pendingCalls = 0;
  s.subscribe((c) => changes.push(c));
  s.onPending(() => pendingCalls++);
  return { s, changes, pending: () => pendingCalls };
}

describe('SettingsStore confirm step', () => {
  it('holds a rebuild change that would discard a model until confirm(), then applies it as set() does', () => {
    const { s, changes, pending } = store({ steps: 120 });
    expect(s.request('depth', '300')).toBeNull();
    expect(s.get('depth')).toBe(8);
    expect(changes).toHaveLength(0);
    expect(s.pending).toEqual({
      key: 'depth',
      raw: '300',
      label: 'Depth',
      discards: 'the model trained for 120 steps',
    });
    expect(pending()).toBe(1);
    s.confirm();
    expect(s.pending).toBeNull();
    expect(s.get('depth')).toBe(64); // clamped, as set('depth', '300') does
    expect(s.messages.get('depth')).toBe('300 is above the maximum 64; using 64.');
    expect(changes).toEqual([{ keys: ['depth'], values: s.values, rebuild: true, source: 'control' }]);
    expect(s.revision('depth')).toBe(0);
  });

  it('cancel() keeps the value and bumps the revision; a second request replaces the first', () => {
    const { s, changes } = store({ steps: 5 });
    s.request('depth', 4);
    s.cancel();
    expect(s.get('depth')).toBe(8);
    expect(s.revision('depth')).toBe(1);
    s.request('depth', 4);
    s.request('depth', 5); // the first is dropped (its control redrawn), the second waits
    expect(s.revision('depth')).toBe(2);
    expect(s.pending?.raw).toBe(5);
    s.reset(); // Reset drops it too
    expect(s.pending).toBeNull();
    expect(s.revision('depth')).toBe(3);
    expect(changes.filter((c) => c.keys.includes('depth'))).toHaveLength(0);
  });

  it('does not ask for live settings, for keys that lose nothing, for no model, for no change, or for set()', () => {
    const trained = { steps: 50 };
    const { s } = store(trained);
    expect(s.request('lr', 0.1)?.value).toBe(0.1);
    expect(s.request('steps', 20)?.value).toBe(20);
    expect(s.request('depth', 8)?.value).toBe(8); // the same value: nothing changes, nothing to lose
    expect(s.request('depth', 'abc')?.value).toBeNull(); // refused: the message, nothing held
    s.set('depth', 3);
    s.applyQuery('depth=2');
    expect(s.pending).toBeNull();
    expect(s.get('depth')).toBe(2);
    trained.steps = 0;
    expect(s.request('depth', 9)?.value).toBe(9);
    expect(new SettingsStore(TABLE).request('depth', 9)?.value).toBe(9); // a demo that did not opt in
  });
});

// The keyboard shortcuts, as data: the dialog lists them and the app's key handler maps keys to them.

export type ShortcutAction = 'run' | 'stop' | 'next' | 'previous' | 'rehearse' | 'help';

export const SHORTCUTS: { keys: string; action: ShortcutAction; description: string }[] = [
  { keys: 'Shift+Enter', action: 'run', description: "Run the focused cell's demo" },
  {
    keys: 'Esc',
    action: 'stop',
    description: "Leave the presenter view or the contents; otherwise stop the focused cell's demo",
  },
  { keys: 'j', action: 'next', description: 'Next cell' },
  { keys: 'k', action: 'previous', description: 'Previous cell' },
  { keys: 'r', action: 'rehearse', description: 'Rehearse the focused question (the answer hidden)' },
  { keys: '?', action: 'help', description: 'Show or hide these shortcuts' },
];

/**
 * The action for a key press, or null. Typing in a text field is left alone (except Esc, and Shift+Enter,
 * which runs the demo the field belongs to).
 */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  inTextField: boolean,
): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return 'stop';
  if (e.key === 'Enter' && e.shiftKey) return 'run';
  if (inTextField) return null;
  if (e.key === 'j') return 'next';
  if (e.key === 'k') return 'previous';
  if (e.key === 'r') return 'rehearse';
  if (e.key === '?') return 'help';
  return null;
}

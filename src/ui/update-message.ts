// The words of the "new version is ready" prompt (src/ui/update-prompt.ts): what a reload would cost now.
// Plain strings in and out, so they are tested in Node.

/** What reloading now would cost, in words, given the titles of the cells whose demo is running. */
export function updateMessage(running: readonly string[]): string {
  const loses = 'an attempt you have not saved is lost';
  if (running.length === 0) return `Reloading stops any demo that is running, and ${loses}.`;
  const names = running.map((t) => `“${t}”`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const are = running.length === 1 ? 'demo is' : 'demos are';
  return `The ${list} ${are} running: reloading stops ${running.length === 1 ? 'it' : 'them'}, and ${loses}.`;
}

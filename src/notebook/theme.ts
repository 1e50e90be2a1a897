// Light and dark themes: follow the system unless the user picked one; the choice persists in
// localStorage. The effective theme is written to <html data-theme>, which every style reads.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'viva:theme';
export const THEME_EVENT = 'viva-theme-change';

/** The choice made while storage refused it (issue 15): kept for this page, since storage still holds the old one. */
let unsaved: ThemeChoice | null = null;

export function storedTheme(storage?: Pick<Storage, 'getItem'>): ThemeChoice {
  if (unsaved && !storage) return unsaved;
  try {
    const v = (storage ?? localStorage).getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // storage blocked: follow the system
  }
}

export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** The next choice when the toggle is pressed: system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}

const systemQuery = (): MediaQueryList => matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(choice: ThemeChoice): void {
  const theme = effectiveTheme(choice, systemQuery().matches);
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.themeChoice = choice;
  document.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: theme }));
}

/** Applies the choice and stores it; false when the browser refused to store it (it then lasts this page only). */
export function saveTheme(choice: ThemeChoice): boolean {
  let saved = true;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    saved = false;
  }
  unsaved = saved ? null : choice;
  applyTheme(choice);
  return saved;
}

/** Applies the stored theme and follows system changes while the choice is 'system'. */
export function initTheme(): void {
  applyTheme(storedTheme());
  systemQuery().addEventListener('change', () => applyTheme(storedTheme()));
}

// Light and dark themes: follow the system unless the user picked one; the choice persists in
// localStorage. The effective theme is written to <html data-theme>, which every style reads.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'viva:theme';
export const THEME_EVENT = 'viva-theme-change';

export function storedTheme(storage: Pick<Storage, 'getItem'> = localStorage): ThemeChoice {
  const v = storage.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
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

export function saveTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(THEME_KEY);
  else localStorage.setItem(THEME_KEY, choice);
  applyTheme(choice);
}

/** Applies the stored theme and follows system changes while the choice is 'system'. */
export function initTheme(): void {
  applyTheme(storedTheme());
  systemQuery().addEventListener('change', () => applyTheme(storedTheme()));
}

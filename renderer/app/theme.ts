import { useEffect, useState } from 'react';
import type { ThemeChoice } from '../state/settings-store';
import { useSettingsStore } from '../state/settings-store';

/** The theme actually shown. */
export type EffectiveTheme = 'light' | 'dark';

/** Resolves 'system' with the OS preference. */
export function effectiveTheme(choice: ThemeChoice, prefersDark: boolean): EffectiveTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

/** The next choice of the theme toggle: system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}

function prefersDarkNow(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Applies the theme to <html data-theme> and follows OS changes while the choice is 'system'. */
export function useApplyTheme(): EffectiveTheme {
  const choice = useSettingsStore((s) => s.theme);
  const [prefersDark, setPrefersDark] = useState(prefersDarkNow);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => setPrefersDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const theme = effectiveTheme(choice, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}

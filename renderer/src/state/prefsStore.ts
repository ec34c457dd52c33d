/** Language and theme: the user's choice, kept in localStorage and applied to <html>. */
import { create } from 'zustand';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../shared/i18n/messages.js';

export type Theme = 'dark' | 'light';
const THEMES: readonly Theme[] = ['dark', 'light'];

const LOCALE_KEY = 'livedesk.locale';
const THEME_KEY = 'livedesk.theme';

function readChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const stored = localStorage.getItem(key);
    return allowed.find((value) => value === stored) ?? fallback;
  } catch {
    // Storage can be unavailable (privacy settings); the defaults are fine then.
    return fallback;
  }
}

function writeChoice(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not persisted; the choice still applies to this window.
  }
}

interface PrefsState {
  locale: Locale;
  theme: Theme;
  toggleLocale(): void;
  toggleTheme(): void;
}

export const usePrefsStore = create<PrefsState>()((set) => ({
  locale: readChoice(LOCALE_KEY, LOCALES, DEFAULT_LOCALE),
  theme: readChoice(THEME_KEY, THEMES, 'dark'),
  toggleLocale: () => set((s) => ({ locale: s.locale === 'en' ? 'zh-CN' : 'en' })),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
}));

function applyToDocument({ locale, theme }: Pick<PrefsState, 'locale' | 'theme'>): void {
  document.documentElement.lang = locale;
  document.documentElement.dataset.theme = theme;
}

/** Applies the current choice to the page and persists every later change. */
export function bindPrefsToDocument(): () => void {
  applyToDocument(usePrefsStore.getState());
  return usePrefsStore.subscribe((state, previous) => {
    if (state.locale !== previous.locale) writeChoice(LOCALE_KEY, state.locale);
    if (state.theme !== previous.theme) writeChoice(THEME_KEY, state.theme);
    applyToDocument(state);
  });
}

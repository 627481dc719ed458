import { createContext, useContext } from 'react';

export type Locale = 'zh' | 'en';

export interface Preferences {
  locale: Locale;
  /** 大字/长者 mode: larger type and controls for older eyes. */
  largeText: boolean;
  setLocale(locale: Locale): void;
  setLargeText(on: boolean): void;
}

export const PreferencesContext = createContext<Preferences>({
  locale: 'zh',
  largeText: false,
  setLocale: () => undefined,
  setLargeText: () => undefined,
});

export function usePreferences(): Preferences {
  return useContext(PreferencesContext);
}

export function useLocale(): Locale {
  return useContext(PreferencesContext).locale;
}

const STORAGE_KEY = 'subsidy-hub.preferences';

export function loadPreferences(): { locale: Locale; largeText: boolean } {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { locale?: unknown; largeText?: unknown };
    return { locale: saved.locale === 'en' ? 'en' : 'zh', largeText: saved.largeText === true };
  } catch {
    return { locale: 'zh', largeText: false };
  }
}

export function savePreferences(preferences: { locale: Locale; largeText: boolean }): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
}

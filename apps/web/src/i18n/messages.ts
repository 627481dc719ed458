import { useCallback } from 'react';
import { Locale, useLocale } from './locale';

/**
 * Each screen owns its words, in Chinese and English side by side (`defineMessages`), so a new screen never edits a
 * central dictionary; the compiler refuses an English table that lacks a Chinese key or the reverse.
 */
export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function translate<K extends string>(messages: Messages<K>, locale: Locale, key: K, vars?: Record<string, string | number>): string {
  const text = messages[locale][key] ?? messages.zh[key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, vars?: Record<string, string | number>) => translate(messages, locale, key, vars), [messages, locale]);
}

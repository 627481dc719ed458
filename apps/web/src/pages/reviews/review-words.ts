import type { Locale } from '../../i18n/locale';
import { achievementTypeLabel } from '../programs/program-words';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** An achievement as reviewers know it: its kind and its number or title (never its internal id). */
export function achievementName(a: Record<string, unknown> & { type: string }, locale: Locale): string {
  const name = text(a.standardNo) ?? text(a.title) ?? text(a.enterpriseStandardNo) ?? text(a.product);
  const kind = achievementTypeLabel(a.type, locale);
  return name ? `${kind} ${name}` : kind;
}

/** The review form's key for an achievement (antd field names must not carry dots). */
export const fieldKey = (achievementId: string): string => `item_${achievementId}`;

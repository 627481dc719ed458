import { isCalendarDate } from '@subsidy/calendar';
import { parseDocumentOrNull } from './document-changes';

/**
 * The validity a draft's text states, kept in the row's columns for lists and filters (null where the text does not
 * give a calendar date yet). A published version's columns are set from its compiled text at approval.
 */
export function effectiveDatesOf(sourceText: string): { effectiveFrom: string | null; effectiveTo: string | null } {
  const document = parseDocumentOrNull(sourceText);
  const date = (v: unknown): string | null => (isCalendarDate(v) ? v : null);
  const effectiveFrom = date(document?.effectiveFrom);
  const effectiveTo = date(document?.effectiveTo);
  // The table refuses an end before the start; an inverted pair is a validation error of the text, not of the row.
  if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom) return { effectiveFrom, effectiveTo: null };
  return { effectiveFrom, effectiveTo };
}

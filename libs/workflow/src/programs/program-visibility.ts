import { Actor } from '@subsidy/tenancy';
import { ProgramStatus } from '../core';

/** What applicants may see: announced programs and everything after; never drafts or cancelled ones. */
export const PUBLISHED_STATUSES: readonly ProgramStatus[] = ['scheduled', 'open', 'closed', 'decided', 'publicized', 'handed_over'];

/** The statuses `actor` may see, or null for every status (staff). */
export function visibleStatuses(actor: Actor): readonly ProgramStatus[] | null {
  return actor.role === 'applicant' ? PUBLISHED_STATUSES : null;
}

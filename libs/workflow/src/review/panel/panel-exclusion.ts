import { PanelExclusion } from '@subsidy/review';

export interface ExclusionSources {
  applicant: { organizationId: string; uscc: string };
  /** The claimed achievements; a standard's co-drafting units are listed in `coDraftingUsccs`. */
  achievements: ReadonlyArray<{ achievementId: string; payload: Record<string, unknown> }>;
  /** Experts who declared a conflict of interest for this application. */
  conflictExpertIds: readonly string[];
}

export interface ExclusionPlan {
  exclusion: PanelExclusion;
  /** Why each excluded USCC is excluded: `applicant` or `co_drafting:<achievementId>`, for the audit record. */
  usccSources: Record<string, string[]>;
}

/**
 * Who may not judge this application: the applicant and every unit that co-drafted a claimed standard (their
 * employees and affiliates would judge their own work), plus experts who declared a conflict. USCCs are compared
 * trimmed and upper-cased, as the draw compares them.
 */
export function buildPanelExclusion(sources: ExclusionSources): ExclusionPlan {
  const usccSources: Record<string, string[]> = {};
  const add = (uscc: unknown, source: string): void => {
    if (typeof uscc !== 'string' || uscc.trim() === '') return;
    const key = uscc.trim().toUpperCase();
    const list = (usccSources[key] ??= []);
    if (!list.includes(source)) list.push(source);
  };
  add(sources.applicant.uscc, 'applicant');
  for (const { achievementId, payload } of sources.achievements) {
    const coDrafting = payload.coDraftingUsccs;
    if (Array.isArray(coDrafting)) for (const uscc of coDrafting) add(uscc, `co_drafting:${achievementId}`);
  }
  return {
    exclusion: {
      organizationIds: [sources.applicant.organizationId],
      usccs: Object.keys(usccSources).sort(),
      conflictDeclared: [...new Set(sources.conflictExpertIds)].sort(),
    },
    usccSources,
  };
}

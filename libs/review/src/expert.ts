/** A member of a tenant's expert pool, with every unit they work for or cooperate with. */
export interface Expert {
  id: string;
  name?: string;
  /** Organization ids (our records) of the expert's employer and other affiliations. */
  organizationIds?: readonly string[];
  /** Unified social credit codes of the same units, for units not (yet) in our records. */
  usccs?: readonly string[];
}

/**
 * Who may not sit on the panel for one application: the applicant and every co-drafting unit of a claimed standard,
 * by organization id and by USCC, plus experts who declared a conflict of interest.
 */
export interface PanelExclusion {
  organizationIds: readonly string[];
  usccs: readonly string[];
  /** Expert ids. */
  conflictDeclared: readonly string[];
}

export type ExclusionReason =
  | { code: 'affiliated_organization'; organizationId: string }
  | { code: 'affiliated_uscc'; uscc: string }
  | { code: 'conflict_declared' };

export interface ExcludedExpert {
  expert: Expert;
  reasons: ExclusionReason[];
}

/**
 * Why each unit is excluded, for the record: the draw reads only PanelExclusion, this says where each entry came from
 * (e.g. `applicant`, `co_drafting:a1`, `year_applicant:<applicationId>`) and which rule of the policy text put it there.
 */
export interface ExclusionGrounds {
  /** Normalised USCC -> its sources. */
  usccs: Record<string, string[]>;
  /** Organization id -> its sources. */
  organizationIds: Record<string, string[]>;
  /** The policy rules applied beyond the per-application exclusion, each citing its article. */
  rules: ExclusionRuleCitation[];
}

export interface ExclusionRuleCitation {
  code: string;
  article: string;
  source: string;
  year?: number;
}

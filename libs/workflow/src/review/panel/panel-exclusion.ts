import { ExcludedExpert, ExclusionGrounds, ExclusionRuleCitation, PanelExclusion } from '@subsidy/review';

type Achievements = ReadonlyArray<{ achievementId: string; payload: Record<string, unknown> }>;

/** Another application of the same tenant and year that reached submission, as a year-wide rule needs it. */
export interface YearApplication {
  applicationId: string;
  organizationId: string;
  /** The applicant's USCC as declared on submission and as its organization reads now (usually one code). */
  usccs: readonly string[];
  /** Its claimed achievements; a standard's co-drafting units (合作单位) are listed in `coDraftingUsccs`. */
  achievements: Achievements;
}

/** A year-wide exclusion rule of the policy text, e.g. Foshan 第十二条 (当年度项目申报单位、合作单位的专家，不得参加该年度评审工作). */
export interface YearExclusionRule {
  scope: 'year_applicants';
  article: string;
  source: string;
  year: number;
}

export interface ExclusionSources {
  applicant: { organizationId: string; uscc: string };
  /** The claimed achievements; a standard's co-drafting units are listed in `coDraftingUsccs`. */
  achievements: Achievements;
  /** Experts who declared a conflict of interest for this application. */
  conflictExpertIds: readonly string[];
  /** Under a year-wide rule: the rule, and every OTHER application of the year (this one is covered above). */
  year?: { rule: YearExclusionRule; applications: readonly YearApplication[] };
}

export interface ExclusionPlan {
  exclusion: PanelExclusion;
  /**
   * Why each excluded USCC is excluded, for the audit record: `applicant`, `co_drafting:<achievementId>`, and under a
   * year-wide rule `year_applicant:<applicationId>` / `year_partner:<applicationId>`.
   */
  usccSources: Record<string, string[]>;
  /** The same for organization ids: `applicant` or `year_applicant:<applicationId>`. */
  organizationSources: Record<string, string[]>;
  /** The year-wide rule applied, or null when the policy only excludes per application. */
  rule: YearExclusionRule | null;
  /** All of the above in the form the draw records. */
  grounds: ExclusionGrounds;
}

/**
 * Who may not judge this application: the applicant and every unit that co-drafted a claimed standard (their
 * employees and affiliates would judge their own work), plus experts who declared a conflict. Under a year-wide rule
 * also every unit that applied in the year, or is a partner (co-drafting unit) in such an application: the text bars
 * their experts from the whole year's review, not only from their own file. USCCs are compared trimmed and upper-cased,
 * as the draw compares them.
 */
export function buildPanelExclusion(sources: ExclusionSources): ExclusionPlan {
  const usccSources: Record<string, string[]> = {};
  const organizationSources: Record<string, string[]> = {};
  const note = (map: Record<string, string[]>, key: string, source: string): void => {
    const list = (map[key] ??= []);
    if (!list.includes(source)) list.push(source);
  };
  const addUscc = (uscc: unknown, source: string): void => {
    if (typeof uscc !== 'string' || uscc.trim() === '') return;
    note(usccSources, uscc.trim().toUpperCase(), source);
  };
  const addPartners = (achievements: Achievements, source: (achievementId: string) => string): void => {
    for (const { achievementId, payload } of achievements) {
      const coDrafting = payload.coDraftingUsccs;
      if (Array.isArray(coDrafting)) for (const uscc of coDrafting) addUscc(uscc, source(achievementId));
    }
  };
  addUscc(sources.applicant.uscc, 'applicant');
  note(organizationSources, sources.applicant.organizationId, 'applicant');
  addPartners(sources.achievements, (achievementId) => `co_drafting:${achievementId}`);
  const others = [...(sources.year?.applications ?? [])].sort((a, b) => compare(a.applicationId, b.applicationId));
  for (const other of others) {
    for (const uscc of other.usccs) addUscc(uscc, `year_applicant:${other.applicationId}`);
    note(organizationSources, other.organizationId, `year_applicant:${other.applicationId}`);
    addPartners(other.achievements, () => `year_partner:${other.applicationId}`);
  }
  const rule = sources.year ? { ...sources.year.rule } : null;
  const otherOrganizations = Object.keys(organizationSources)
    .filter((id) => id !== sources.applicant.organizationId)
    .sort(compare);
  const rules: ExclusionRuleCitation[] = rule ? [{ code: rule.scope, article: rule.article, source: rule.source, year: rule.year }] : [];
  return {
    exclusion: {
      organizationIds: [sources.applicant.organizationId, ...otherOrganizations],
      usccs: Object.keys(usccSources).sort(compare),
      conflictDeclared: [...new Set(sources.conflictExpertIds)].sort(compare),
    },
    usccSources,
    organizationSources,
    rule,
    grounds: { usccs: usccSources, organizationIds: organizationSources, rules },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each excluded expert with the grounds of every reason (which application or unit put them out), for audit records. */
export function explainExcluded(excluded: readonly ExcludedExpert[], plan: Pick<ExclusionPlan, 'usccSources' | 'organizationSources'>) {
  return excluded.map((x) => ({
    expertId: x.expert.id,
    reasons: x.reasons.map((r) =>
      r.code === 'affiliated_uscc'
        ? { ...r, sources: plan.usccSources[r.uscc] ?? [] }
        : r.code === 'affiliated_organization'
          ? { ...r, sources: plan.organizationSources[r.organizationId] ?? [] }
          : r,
    ),
  }));
}

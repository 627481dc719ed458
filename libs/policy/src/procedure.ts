import type { CompiledItem } from './model';
import { compileScope } from './match/scope';

/**
 * The procedure a policy text lays down for running a call (FORMAT.md section 13): which calls it allows, which
 * review steps and deadlines it fixes, who must approve the allocation. Every setting names its article, like an
 * amount does; a setting the text does not fix is null and left to the program officer.
 */
export interface Cited {
  article: string;
  source: string;
}

export type ProcedureStage = 'formal_check' | 'district_review' | 'technical_review' | 'expert_review';
export type CallKind = 'batch' | 'rolling';

export interface Procedure {
  /** The kinds of call the text provides for (batch = 集中申报; rolling = 全年受理 / 一事一议). */
  calls: (Cited & { kinds: CallKind[] }) | null;
  /** The only items a rolling (all-year) call takes; null = any item of the policy. */
  rollingItems: (Cited & { itemIds: string[] }) | null;
  /** Review steps the text requires; a program may add others but not drop these. */
  stages: (Cited & { required: ProcedureStage[] }) | null;
  /** Working days within which the office must finish the formal check and tell the applicant what is missing. */
  formalCheck: (Cited & { workingDays: number }) | null;
  /** Working days the applicant has to make a correction. */
  correction: (Cited & { workingDays: number }) | null;
  /** The publicity period of the results. */
  publicity: (Cited & { days: number; unit: 'calendar' | 'working' }) | null;
  /**
   * Whom the expert draw must leave out: `application` = experts tied to the applicant or a co-drafting unit of the
   * application under review; `year_applicants` = experts from any unit that applies, or partners in an application,
   * in the program's year.
   */
  expertExclusion: (Cited & { scope: 'application' | 'year_applicants' }) | null;
  /** An approval of the allocation by a higher authority before any money is paid (e.g. 报市人民政府批准). */
  allocationApproval: (Cited & { by: string }) | null;
}

export const NO_PROCEDURE: Procedure = {
  calls: null,
  rollingItems: null,
  stages: null,
  formalCheck: null,
  correction: null,
  publicity: null,
  expertExclusion: null,
  allocationApproval: null,
};

/** The `procedure` block as it stands in the file, after schema validation. */
export interface RawProcedure {
  calls?: Cited & { kinds: CallKind[] };
  rollingItems?: Cited & { items: string[] };
  stages?: Cited & { required: ProcedureStage[] };
  formalCheck?: Cited & { workingDays: number };
  correction?: Cited & { workingDays: number };
  publicity?: Cited & { days: number; unit: 'calendar' | 'working' };
  expertExclusion?: Cited & { scope: 'application' | 'year_applicants' };
  allocationApproval?: Cited & { by: string };
}

type Fail = (path: (string | number)[], message: string) => never;

export function compileProcedure(raw: RawProcedure | undefined, items: readonly CompiledItem[], fail: Fail): Procedure {
  if (!raw) return NO_PROCEDURE;
  const cite = ({ article, source }: Cited): Cited => ({ article, source });
  let rollingItems: Procedure['rollingItems'] = null;
  if (raw.rollingItems) {
    if (raw.calls && !raw.calls.kinds.includes('rolling')) {
      fail(['procedure', 'rollingItems'], 'procedure.rollingItems: the text allows no rolling call (procedure.calls.kinds)');
    }
    const { scope, unmatched } = compileScope({ items: raw.rollingItems.items }, items);
    if (unmatched.length > 0) {
      fail(['procedure', 'rollingItems', 'items', unmatched[0].index], `procedure.rollingItems.items[${unmatched[0].index}]: "${unmatched[0].glob}" matches no item`);
    }
    rollingItems = { ...cite(raw.rollingItems), itemIds: items.filter(scope).map((item) => item.id) };
  }
  return {
    calls: raw.calls ? { ...cite(raw.calls), kinds: [...raw.calls.kinds] } : null,
    rollingItems,
    stages: raw.stages ? { ...cite(raw.stages), required: [...raw.stages.required] } : null,
    formalCheck: raw.formalCheck ? { ...cite(raw.formalCheck), workingDays: raw.formalCheck.workingDays } : null,
    correction: raw.correction ? { ...cite(raw.correction), workingDays: raw.correction.workingDays } : null,
    publicity: raw.publicity ? { ...cite(raw.publicity), days: raw.publicity.days, unit: raw.publicity.unit } : null,
    expertExclusion: raw.expertExclusion ? { ...cite(raw.expertExclusion), scope: raw.expertExclusion.scope } : null,
    allocationApproval: raw.allocationApproval ? { ...cite(raw.allocationApproval), by: raw.allocationApproval.by } : null,
  };
}

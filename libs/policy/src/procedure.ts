import type { CompiledItem } from './model';
import { compileScope, type ScopeSpec } from './match/scope';

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
  /**
   * The kinds of call the text provides for (batch = 集中申报; rolling = 全年受理 / 一事一议). `itemIds`: the only items
   * a call under this text takes, when the text sends the others to another procedure (Liaocheng 第六条第（六）项
   * 专利奖励资金的申报程序…另行办理); null = every item of the policy.
   */
  calls: (Cited & { kinds: CallKind[]; itemIds: string[] | null }) | null;
  /** The only items a rolling (all-year) call takes; null = any item of the policy. */
  rollingItems: (Cited & { itemIds: string[] }) | null;
  /**
   * Review steps the text requires; a program may add others but not drop these. `order`: the order the text runs
   * them in, when it fixes one (Weihai 第二十一条、第二十二条: the district first, then the city's check), else null.
   * `itemIds`: the items the required steps apply to, when the text requires them for some items only (Beijing 第十三条:
   * expert review of 标准制修订 items); an application none of whose achievements is priced under one of them skips
   * those steps. null = every item.
   */
  stages: (Cited & { required: ProcedureStage[]; order: ProcedureStage[] | null; itemIds: string[] | null }) | null;
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
  calls?: Cited & { kinds: CallKind[]; scope?: ScopeSpec };
  rollingItems?: Cited & { items: string[] };
  stages?: Cited & { required: ProcedureStage[]; order?: ProcedureStage[]; scope?: ScopeSpec };
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
  const callItems = raw.calls?.scope ? scopedItemIds(raw.calls.scope, items, ['procedure', 'calls', 'scope'], fail) : null;
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
    const outside = callItems ? rollingItems.itemIds.find((id) => !callItems.includes(id)) : undefined;
    if (outside) fail(['procedure', 'rollingItems'], `procedure.rollingItems: ${outside} is outside procedure.calls.scope, so no call of this text takes it`);
  }
  return {
    calls: raw.calls ? { ...cite(raw.calls), kinds: [...raw.calls.kinds], itemIds: callItems } : null,
    rollingItems,
    stages: raw.stages ? compileStages(raw.stages, items, fail) : null,
    formalCheck: raw.formalCheck ? { ...cite(raw.formalCheck), workingDays: raw.formalCheck.workingDays } : null,
    correction: raw.correction ? { ...cite(raw.correction), workingDays: raw.correction.workingDays } : null,
    publicity: raw.publicity ? { ...cite(raw.publicity), days: raw.publicity.days, unit: raw.publicity.unit } : null,
    expertExclusion: raw.expertExclusion ? { ...cite(raw.expertExclusion), scope: raw.expertExclusion.scope } : null,
    allocationApproval: raw.allocationApproval ? { ...cite(raw.allocationApproval), by: raw.allocationApproval.by } : null,
  };
}

/** `stages`: an `order` may only arrange required stages (a text fixing the order of a step it does not require is a misreading). */
function compileStages(raw: NonNullable<RawProcedure['stages']>, items: readonly CompiledItem[], fail: Fail): NonNullable<Procedure['stages']> {
  const order = raw.order ?? null;
  order?.forEach((stage, index) => {
    if (!raw.required.includes(stage)) fail(['procedure', 'stages', 'order', index], `procedure.stages.order[${index}]: "${stage}" is not one of procedure.stages.required`);
  });
  return {
    article: raw.article,
    source: raw.source,
    required: [...raw.required],
    order: order ? [...order] : null,
    itemIds: raw.scope ? scopedItemIds(raw.scope, items, ['procedure', 'stages', 'scope'], fail) : null,
  };
}

/**
 * The ids of the items a setting's `scope` covers (the rules' scope syntax, FORMAT.md section 5), in file order. A glob
 * that matches no item is reported at its line, and so is a scope that leaves no item at all (a setting for nothing).
 */
function scopedItemIds(spec: ScopeSpec, items: readonly CompiledItem[], at: (string | number)[], fail: Fail): string[] {
  const { scope, unmatched } = compileScope(spec, items);
  const name = at.join('.');
  if (unmatched.length > 0) {
    const [first] = unmatched;
    fail([...at, first.key, first.index], `${name}.${first.key}[${first.index}]: "${first.glob}" matches no item`);
  }
  const ids = items.filter(scope).map((item) => item.id);
  if (ids.length === 0) fail(at, `${name}: covers no item of this file`);
  return ids;
}

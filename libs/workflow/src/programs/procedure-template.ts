import { cstDateOf } from '@subsidy/calendar';
import { ErrorDetail } from '@subsidy/common';
import { applicationWindowOf, CallKind, CompiledPolicy, Cited, isInForceOn, ProcedureStage } from '@subsidy/policy';
import { REVIEW_STAGES, ReviewSettings, ReviewStage, stageOrderOf } from '../core';

/**
 * What a policy text's `procedure` block (libs/policy/src/procedure.ts) means for a program: the configuration a
 * program officer starts from, and the checks that stop a program contradicting its text. Pure: the policy in, plain
 * data out, so the same rules drive the template endpoint, create/update, and the program view.
 */

/** One program setting bound by the text, with the article that binds it. */
export interface ProcedureCitation {
  /** JSON path of the program setting (`review.publicity`), or `procedure.<rule>` for a rule enforced elsewhere. */
  path: string;
  article: string;
  source: string;
  /** What the text requires, in words, so an officer need not open the text to see why. */
  requirement: string;
}

/** A setting the text leaves open, filled with the product's default (so the officer knows it is a choice). */
export interface TemplateDefault {
  path: string;
  note: string;
}

export interface PolicyValidity {
  id: string;
  title: string;
  effectiveFrom: string;
  /** null = open-ended. */
  effectiveTo: string | null;
}

export interface ProgramTemplate {
  policy: PolicyValidity;
  window: {
    /** The suggested kind: the first kind the text allows (batch when the text is silent). */
    kind: CallKind;
    allowedKinds: CallKind[];
    /** CST calendar dates: the window must open on or after earliestOpen and close on or before latestClose. */
    earliestOpen: string;
    latestClose: string | null;
    /**
     * When the text receives applications only in part of the year (rule `application_window`): the window must open
     * and close between these `MM-DD` dates of the program's year. Absent when the text sets no such window.
     */
    months?: { from: string; to: string };
  };
  review: ReviewSettings;
  /** Each setting taken from the text, with its article. */
  citations: ProcedureCitation[];
  /** Each setting the text leaves open and the template filled with a product default. */
  defaults: TemplateDefault[];
}

/** The binding part of a program's text, as the program view shows it. */
export interface ProgramProcedureView {
  effectiveFrom: string;
  effectiveTo: string | null;
  citations: ProcedureCitation[];
}

/**
 * Product defaults for what a text leaves open; the text's own figure replaces each wherever it fixes one. Ten working
 * days to correct leaves an applicant time to obtain a missing certificate; seven calendar days is the usual length of
 * a results announcement (公示期7天); a 3-expert panel with quorum 2 fits the smallest expert pool a tenant starts with.
 */
export const PRODUCT_DEFAULTS = {
  correctionWorkingDays: 10,
  publicity: { days: 7, unit: 'calendar' as const },
  panel: {
    size: 3,
    quorum: 2,
    scoringDays: 7,
    reminderHoursBefore: 24,
    combine: 'mean' as const,
    rubric: {
      criteria: [
        { key: 'technical_level', label: '技术水平与创新性', maxPoints: 4000 },
        { key: 'benefit', label: '经济与社会效益', maxPoints: 4000 },
        { key: 'materials', label: '申报材料完整性与规范性', maxPoints: 2000 },
      ],
    },
  },
};

const STAGE_NAMES: Record<(typeof REVIEW_STAGES)[number], string> = {
  formal_check: 'a formal check (形式审查)',
  district_review: 'a district pre-review (区级初审)',
  technical_review: 'a technical review (技术审查)',
  expert_review: 'an expert review (专家评审)',
};

const cite = (text: Cited): string => `${text.article} (${text.source})`;

export function policyValidity(policy: CompiledPolicy): PolicyValidity {
  return { id: policy.id, title: policy.title, effectiveFrom: policy.effectiveFrom, effectiveTo: policy.effectiveTo };
}

function validityText(policy: CompiledPolicy): string {
  return policy.effectiveTo === null
    ? `policy ${policy.id} is in force from ${policy.effectiveFrom} with no end date`
    : `policy ${policy.id} is in force from ${policy.effectiveFrom} to ${policy.effectiveTo}`;
}

/**
 * The full stage order a program gets from a text that fixes the order of some stages: the default order
 * (REVIEW_STAGES) with the positions of the text's stages refilled in the text's order, so a stage the text does not
 * order keeps its usual place. Weihai [district_review, formal_check, expert_review] gives district_review,
 * formal_check, technical_review, expert_review.
 */
export function stageOrderFromText(order: readonly ProcedureStage[]): ReviewStage[] {
  const ordered = new Set<ReviewStage>(order);
  const queue = [...order];
  return REVIEW_STAGES.map((stage) => (ordered.has(stage) ? (queue.shift() as ReviewStage) : stage));
}

/** "district_review, then formal_check, then expert_review" */
const orderText = (order: readonly string[]): string => order.join(', then ');

/** " for items std.intl.formulate, std.national.formulate only" when the text requires the stages for some items only. */
function itemsText(itemIds: readonly string[] | null): string {
  return itemIds ? ` for items ${itemIds.join(', ')} only (an application with none of them skips it)` : '';
}

/** What a call under the text takes, when the text sends some items elsewhere: the shorter of the two lists. */
function callItemsText(policy: CompiledPolicy, itemIds: readonly string[]): string {
  const taken = new Set(itemIds);
  const left = policy.items.filter((item) => !taken.has(item.id)).map((item) => item.id);
  return left.length <= itemIds.length
    ? `a call under this text does not take items ${left.join(', ')} (another procedure); an application claiming one is refused`
    : `a call under this text takes only items ${itemIds.join(', ')}; an application claiming another is refused`;
}

/** The settings the text fixes, each with its path and article (the program view adds the rules enforced elsewhere). */
function settingCitations(policy: CompiledPolicy): ProcedureCitation[] {
  const { calls, stages, formalCheck, correction, publicity } = policy.procedure;
  const out: ProcedureCitation[] = [];
  const at = (path: string, text: Cited, requirement: string) => out.push({ path, article: text.article, source: text.source, requirement });
  if (calls) at('window.kind', calls, `calls of kind ${calls.kinds.join(' or ')} only`);
  const months = applicationWindowOf(policy);
  if (months) at('window', months, `applications are received from ${months.from} to ${months.to} (MM-DD) of the program year only`);
  for (const stage of stages?.required ?? []) at(`review.stages.${stage}`, stages!, `requires ${STAGE_NAMES[stage]}${itemsText(stages!.itemIds)}`);
  if (stages?.order) at('review.stageOrder', stages, `the stages run in this order: ${orderText(stages.order)}`);
  if (formalCheck) at('review.formalCheckWorkingDays', formalCheck, `the formal check is done within ${formalCheck.workingDays} working days`);
  if (correction) at('review.correctionWorkingDays', correction, `the applicant has at least ${correction.workingDays} working days to correct`);
  if (publicity) at('review.publicity', publicity, `publicity of ${publicity.days} ${publicity.unit} days`);
  return out;
}

/** The program configuration a program officer starts from: the text's settings, product defaults for the rest. */
export function procedureTemplate(policy: CompiledPolicy): ProgramTemplate {
  const { calls, stages, formalCheck, correction, publicity } = policy.procedure;
  const defaults: TemplateDefault[] = [];
  const allowedKinds: CallKind[] = calls ? [...calls.kinds] : ['batch', 'rolling'];
  if (!calls) defaults.push({ path: 'window.kind', note: 'the text names no kind of call; batch suggested, rolling also allowed' });
  const required = new Set(stages?.required ?? []);
  if (!required.has('formal_check')) {
    // Every office checks an application's materials before judging it; the text not requiring it does not forbid it.
    defaults.push({ path: 'review.stages.formal_check', note: 'not required by the text; on by default' });
  }
  const stageSettings = {
    formal_check: true,
    district_review: required.has('district_review'),
    technical_review: required.has('technical_review'),
    expert_review: required.has('expert_review'),
  };
  if (!stages?.order) {
    defaults.push({ path: 'review.stageOrder', note: `the text fixes no order of the stages; ${orderText(REVIEW_STAGES)} by default` });
  }
  if (!formalCheck) defaults.push({ path: 'review.formalCheckWorkingDays', note: 'the text sets no deadline for the formal check; the product gives it 10 working days from arrival (as every review stage without a setting), changeable by the officer' });
  if (!correction) defaults.push({ path: 'review.correctionWorkingDays', note: `the text sets no correction period; ${PRODUCT_DEFAULTS.correctionWorkingDays} working days by default` });
  if (!publicity) {
    const { days, unit } = PRODUCT_DEFAULTS.publicity;
    defaults.push({ path: 'review.publicity', note: `the text sets no publicity period; ${days} ${unit} days by default` });
  }
  if (stageSettings.expert_review) defaults.push({ path: 'review.panel', note: 'the text fixes no panel size or rubric; a 3-expert panel (quorum 2) and a generic 100-point rubric by default' });
  const panel = PRODUCT_DEFAULTS.panel;
  const review: ReviewSettings = {
    stages: stageSettings,
    ...(stages?.order ? { stageOrder: stageOrderFromText(stages.order) } : {}),
    formalCheckWorkingDays: formalCheck ? formalCheck.workingDays : null,
    correctionWorkingDays: correction ? correction.workingDays : PRODUCT_DEFAULTS.correctionWorkingDays,
    panel: stageSettings.expert_review
      ? { ...panel, rubric: { criteria: panel.rubric.criteria.map((criterion) => ({ ...criterion })) } }
      : null,
    publicity: publicity ? { days: publicity.days, unit: publicity.unit } : { ...PRODUCT_DEFAULTS.publicity },
    cityReviewedKinds: [],
  };
  const months = applicationWindowOf(policy);
  return {
    policy: policyValidity(policy),
    window: {
      kind: allowedKinds[0],
      allowedKinds,
      earliestOpen: policy.effectiveFrom,
      latestClose: policy.effectiveTo,
      ...(months ? { months: { from: months.from, to: months.to } } : {}),
    },
    review,
    citations: settingCitations(policy),
    defaults,
  };
}

/** Everything in the text that binds a program, for the program view: its settings and the rules other steps enforce. */
export function programProcedure(policy: CompiledPolicy): ProgramProcedureView {
  const { calls, rollingItems, expertExclusion, allocationApproval } = policy.procedure;
  const citations = settingCitations(policy);
  if (calls?.itemIds) {
    citations.push({ path: 'procedure.calls.scope', article: calls.article, source: calls.source, requirement: callItemsText(policy, calls.itemIds) });
  }
  if (rollingItems) {
    citations.push({ path: 'procedure.rollingItems', article: rollingItems.article, source: rollingItems.source, requirement: `a rolling call takes only items ${rollingItems.itemIds.join(', ')}` });
  }
  if (expertExclusion) {
    const whom = expertExclusion.scope === 'year_applicants' ? "experts from any of the year's applicant or partner units" : 'experts tied to the applicant or a co-drafting unit';
    citations.push({ path: 'procedure.expertExclusion', article: expertExclusion.article, source: expertExclusion.source, requirement: `the expert draw leaves out ${whom}` });
  }
  if (allocationApproval) {
    citations.push({ path: 'procedure.allocationApproval', article: allocationApproval.article, source: allocationApproval.source, requirement: `the allocation is approved by ${allocationApproval.by} before payment` });
  }
  return { effectiveFrom: policy.effectiveFrom, effectiveTo: policy.effectiveTo, citations };
}

/** The parts of a program's configuration its text constrains. */
export interface ProcedureSubject {
  /** The program year: the text's application window (`MM-DD`) is taken in this year. */
  year: number;
  window: { kind: CallKind; opensAt: Date; closesAt: Date };
  review: ReviewSettings;
}

/**
 * Every way the configuration contradicts its text, by JSON path, each message naming the article (or, for the
 * window, the policy's validity). Empty when the program complies. The window is compared as CST calendar dates,
 * since validity is stated in dates: a window closing 2023-11-30 23:59 CST is inside a text valid to 2023-11-30.
 * Where the text receives applications only in part of the year (application_window), the window must also lie in
 * that part of the program year: the engine refuses every application dated outside it, so a program open at other
 * times would take applications it can only price at nothing.
 */
export function procedureProblems(policy: CompiledPolicy, subject: ProcedureSubject): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { window, review } = subject;
  const months = applicationWindowOf(policy);
  const received = months ? { from: `${subject.year}-${months.from}`, to: `${subject.year}-${months.to}`, by: cite(months) } : null;
  for (const [path, instant, verb] of [
    ['window.opensAt', window.opensAt, 'opens'],
    ['window.closesAt', window.closesAt, 'closes'],
  ] as const) {
    const date = cstDateOf(instant);
    if (!isInForceOn(policy, date)) problems.push({ path, message: `${verb} on ${date} (CST), outside the validity of its text: ${validityText(policy)}` });
    if (received && (date < received.from || date > received.to)) {
      problems.push({
        path,
        message: `${verb} on ${date} (CST), outside the application window of ${subject.year}: ${received.by} receives applications from ${received.from} to ${received.to} only`,
      });
    }
  }

  const { calls, stages, formalCheck, correction, publicity } = policy.procedure;
  if (calls && !calls.kinds.includes(window.kind)) {
    problems.push({ path: 'window.kind', message: `must be ${calls.kinds.join(' or ')}: ${cite(calls)} provides no ${window.kind} call` });
  }
  for (const stage of stages?.required ?? []) {
    if (!review.stages[stage]) problems.push({ path: `review.stages.${stage}`, message: `must be on: ${cite(stages!)} requires ${STAGE_NAMES[stage]}${itemsText(stages!.itemIds)}` });
  }
  if (stages?.order) {
    // The text orders its own stages; a stage it does not order (a program's extra technical review) may go anywhere.
    const fixed = new Set<ReviewStage>(stages.order);
    const configured = stageOrderOf(review);
    const ordered = configured.filter((stage) => fixed.has(stage));
    if (ordered.join() !== stages.order.join()) {
      problems.push({
        path: 'review.stageOrder',
        message: `must run ${orderText(stages.order)} (it runs ${orderText(ordered)}${review.stageOrder ? '' : ', the default order'}): ${cite(stages)} fixes the order of the stages`,
      });
    }
  }
  if (formalCheck) {
    const days = review.formalCheckWorkingDays;
    if (days === null || days > formalCheck.workingDays) {
      problems.push({
        path: 'review.formalCheckWorkingDays',
        message: `must be at most ${formalCheck.workingDays} working days${days === null ? ' (it is not set)' : ` (it is ${days})`}: ${cite(formalCheck)} fixes the formal check at ${formalCheck.workingDays} working days`,
      });
    }
  }
  if (correction && review.correctionWorkingDays < correction.workingDays) {
    problems.push({
      path: 'review.correctionWorkingDays',
      message: `must be at least ${correction.workingDays} working days (it is ${review.correctionWorkingDays}): ${cite(correction)} gives the applicant ${correction.workingDays} working days to correct`,
    });
  }
  if (publicity && (review.publicity.days !== publicity.days || review.publicity.unit !== publicity.unit)) {
    problems.push({
      path: 'review.publicity',
      message: `must be ${publicity.days} ${publicity.unit} days (it is ${review.publicity.days} ${review.publicity.unit} days): ${cite(publicity)} fixes the publicity period`,
    });
  }
  return problems;
}

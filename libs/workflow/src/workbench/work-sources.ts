import { EntityManager } from 'typeorm';
import { queryRows } from '@subsidy/database';

/**
 * What waits for someone, one SQL source per kind of work (read under the caller's tenant by TenantTransactions, so
 * row-level security keeps every other tenant out). Each source yields rows of
 * `(id, title, detail, due_on, n)`: the thing to open, how people name it, the CST calendar date it is due (null: no
 * deadline) and how many pieces of work it stands for (a program with three applications awaiting decision is 3).
 */
export const WORK_KINDS = [
  'applications_awaiting_decision',
  'objections_to_resolve',
  'programs_to_hand_over',
  'registrations_to_review',
  'applications_in_formal_check',
  'district_reviews',
  'technical_reviews',
  'expert_assignments',
  'drafts_to_submit',
  'corrections_requested',
  'decided_awards',
  'programs_to_take_in',
  'shares_to_approve',
  'batch_lines_to_confirm',
  'policy_version_lapsed',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** What an item's id names, so the page knows which screen opens it. */
export const WORK_ENTITIES = ['application', 'program', 'organization', 'policy_version'] as const;
export type WorkEntity = (typeof WORK_ENTITIES)[number];

export interface WorkSource {
  kind: WorkKind;
  entity: WorkEntity;
  /** Rows of (id, title, detail, due_on date, n integer); parameters numbered from $1. */
  sql: string;
  params: unknown[];
}

export interface WorkRow {
  id: string;
  title: string;
  detail: string | null;
  dueOn: string | null;
  n: number;
  total: number;
  earliest: string | null;
}

/** How many items of a group the page lists; the count covers all of them. */
export const FIRST_ITEMS = 5;

const CST_DATE = (instant: string): string => `(${instant} at time zone 'Asia/Shanghai')::date`;

/**
 * One source read: the first items in due order (earliest first, those without a date last; ties: the most work first)
 * and, over every row before the limit, the total work and the earliest due date.
 */
export async function readSource(manager: EntityManager, source: WorkSource): Promise<WorkRow[]> {
  const limit = source.params.length + 1;
  return queryRows<WorkRow>(
    manager,
    `with src as (${source.sql})
     select id::text as id, title, detail, to_char(due_on, 'YYYY-MM-DD') as "dueOn", n::int as n,
            (sum(n) over ())::int as total, to_char(min(due_on) over (), 'YYYY-MM-DD') as earliest
       from src order by due_on asc nulls last, n desc, title, id limit $${limit}`,
    [...source.params, FIRST_ITEMS],
  );
}

const APPLICATION_IN = (where: string): string =>
  `select a.id, o.name as title, p.title as detail, a.stage_due_on as due_on, 1 as n
     from applications a
     join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id
     join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
    where ${where}`;

/** Program officers: the whole tenant's decisions, objections, hand-overs, registrations and formal checks. */
export function officerSources(today?: string): WorkSource[] {
  return [
    {
      kind: 'applications_awaiting_decision',
      entity: 'program',
      sql: `select p.id, p.title, null::text as detail, null::date as due_on, count(*) as n
              from applications a join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
             where a.status = 'awaiting_decision' group by p.id, p.title`,
      params: [],
    },
    {
      // An objection is to be resolved while its publicity runs: due on the publicity's last day.
      kind: 'objections_to_resolve',
      entity: 'application',
      sql: `select a.id, o.name as title, p.title as detail, min(pub.ends_on) as due_on, count(*) as n
              from objections ob
              join publicities pub on pub.tenant_id = ob.tenant_id and pub.id = ob.publicity_id
              join applications a on a.tenant_id = ob.tenant_id and a.id = ob.application_id
              join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id
              join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
             where ob.status = 'received' group by a.id, o.name, p.title`,
      params: [],
    },
    {
      kind: 'programs_to_hand_over',
      entity: 'program',
      sql: `select p.id, p.title, null::text as detail, null::date as due_on, 1 as n from programs p where p.status = 'publicized'`,
      params: [],
    },
    registrationsSource(null),
    { kind: 'applications_in_formal_check', entity: 'application', sql: APPLICATION_IN(`a.status = 'formal_check'`), params: [] },
    ...(today === undefined ? [] : [lapsedPolicySource(today)]),
  ];
}

/**
 * Issue 11: when no published policy version of the tenant is in force today, no call can open; the officers are told
 * to draft a successor. The item names the latest published version, the one to draft from.
 */
function lapsedPolicySource(today: string): WorkSource {
  return {
    kind: 'policy_version_lapsed',
    entity: 'policy_version',
    sql: `select v.id, '本市没有现行有效的资助政策版本，请起草后续版本' as title, v.policy_id as detail, null::date as due_on, 1 as n
            from policy_versions v
           where v.state = 'published'
             and not exists (select 1 from policy_versions f
                              where f.state = 'published' and f.effective_from <= $1::date and (f.effective_to is null or f.effective_to >= $1::date))
           order by v.effective_from desc, v.policy_id desc
           limit 1`,
    params: [today],
  };
}

function registrationsSource(districtCode: string | null): WorkSource {
  return {
    kind: 'registrations_to_review',
    entity: 'organization',
    sql: `select o.id, o.name as title, d.name_zh as detail, null::date as due_on, 1 as n
            from organizations o join districts d on d.tenant_id = o.tenant_id and d.code = o.district_code
           where o.registration_status = 'pending_review' and ($1::text is null or o.district_code = $1)`,
    params: [districtCode],
  };
}

/** District reviewers: their district's reviews (unless reassigned to someone else) and registrations. */
export function districtReviewerSources(userId: string, districtCode: string): WorkSource[] {
  return [
    {
      kind: 'district_reviews',
      entity: 'application',
      sql: APPLICATION_IN(`a.status = 'district_review' and a.district_code = $1 and (a.review_assignee_id is null or a.review_assignee_id = $2)`),
      params: [districtCode, userId],
    },
    registrationsSource(districtCode),
  ];
}

export function technicalReviewerSources(userId: string): WorkSource[] {
  return [
    {
      kind: 'technical_reviews',
      entity: 'application',
      sql: APPLICATION_IN(`a.status = 'technical_review' and (a.review_assignee_id is null or a.review_assignee_id = $1)`),
      params: [userId],
    },
  ];
}

/** Experts: panel seats they still have to score, due when the panel is. */
export function expertSources(userId: string): WorkSource[] {
  return [
    {
      kind: 'expert_assignments',
      entity: 'application',
      sql: `select a.id, o.name as title, p.title as detail, ${CST_DATE('pn.due_at')} as due_on, 1 as n
              from panel_members pm
              join panels pn on pn.tenant_id = pm.tenant_id and pn.application_id = pm.application_id
              join applications a on a.tenant_id = pm.tenant_id and a.id = pm.application_id
              join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id
              join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
             where pm.expert_id = $1 and pm.status = 'invited' and a.status = 'expert_review'`,
      params: [userId],
    },
  ];
}

/** Applicants: drafts while the call is open (due on its last day), corrections, and decided awards to read. */
export function applicantSources(organizationId: string): WorkSource[] {
  const mine = `select a.id, p.title as title, null::text as detail, %DUE% as due_on, 1 as n
                  from applications a join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
                 where a.organization_id = $1 and %WHERE%`;
  const own = (due: string, where: string): string => mine.replace('%DUE%', due).replace('%WHERE%', where);
  return [
    { kind: 'drafts_to_submit', entity: 'application', sql: own(CST_DATE('p.closes_at'), `a.status = 'draft' and p.status = 'open'`), params: [organizationId] },
    { kind: 'corrections_requested', entity: 'application', sql: own('a.stage_due_on', `a.status = 'correction_requested'`), params: [organizationId] },
    { kind: 'decided_awards', entity: 'application', sql: own('null::date', `a.status in ('in_publicity', 'approved')`), params: [organizationId] },
  ];
}

/**
 * Finance officers: programs handed over and not yet taken in (city level), shares awaiting their payer's approval,
 * and batch lines instructed (or held for a changed account) awaiting confirmation; `payer` null = the city, every payer.
 */
export function financeSources(payer: string | null): WorkSource[] {
  const sources: WorkSource[] = [];
  if (payer === null) {
    sources.push({
      kind: 'programs_to_take_in',
      entity: 'program',
      sql: `select p.id, p.title, null::text as detail, null::date as due_on, 1 as n from programs p
             where p.status = 'handed_over' and not exists (select 1 from finance_intakes i where i.tenant_id = p.tenant_id and i.program_id = p.id)`,
      params: [],
    });
  }
  sources.push(
    {
      kind: 'shares_to_approve',
      entity: 'program',
      sql: `select p.id, p.title, null::text as detail, null::date as due_on, count(*) as n
              from finance_shares s join programs p on p.tenant_id = s.tenant_id and p.id = s.program_id
             where s.status = 'committed' and ($1::text is null or s.payer = $1) group by p.id, p.title`,
      params: [payer],
    },
    {
      kind: 'batch_lines_to_confirm',
      entity: 'program',
      sql: `select p.id, p.title, null::text as detail, null::date as due_on, count(*) as n
              from payment_batch_lines l
              join payment_batches b on b.tenant_id = l.tenant_id and b.id = l.batch_id
              join programs p on p.tenant_id = b.tenant_id and p.id = b.program_id
             where l.status in ('instructed', 'held_account_changed') and ($1::text is null or b.payer = $1) group by p.id, p.title`,
      params: [payer],
    },
  );
  return sources;
}

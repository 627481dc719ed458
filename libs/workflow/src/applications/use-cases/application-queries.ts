import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { Paged } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { ApplicationPayment, applicationPayment, ApplicationPaymentStatus } from '@subsidy/finance';
import { Achievement } from '@subsidy/policy';
import { Actor } from '@subsidy/tenancy';
import { ApplicationStatus, ProgramStore } from '../../core';
import { DecisionItemStore } from '../../decision/decision-item-store';
import { ApplicationAccess } from '../application-access';
import { workflowVisibility } from '../application-visibility';
import { ApplicationAchievements } from '../application-achievements';
import { EvidenceFiles, EvidenceView } from '../evidence/evidence-files';
import { MaterialsCheck, materialsCheck } from '../required-materials';

export interface ApplicationSummary {
  id: string;
  programId: string;
  organizationId: string;
  organizationName: string;
  districtCode: string;
  reviewLevel: 'district' | 'city';
  status: ApplicationStatus;
  stageDueOn: string | null;
  returnStage: string | null;
  /** The person the officer reassigned the current district or technical review to; null = the stage's reviewers. */
  reviewAssigneeId: string | null;
  estimateTotalFen: number | null;
  decidedTotalFen: number | null;
  /** The application's rank in its program, fixed when the program is decided (see `rankApplications`); null before. */
  rank: number | null;
  declaredAt: string | null;
  submittedAt: string | null;
  submissionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewHistoryEntry {
  stage: string;
  outcome: string;
  reasons: unknown;
  missing: unknown;
  dueOn: string | null;
  actorId: string;
  actorRole: string | null;
  at: string;
}

/** One decided item as the applicant reads it: the amount fixed, under which article, and why where it departs. */
export interface DecidedItemView {
  achievementId: string;
  article: string | null;
  basis: 'fixed' | 'ceiling';
  ceilingFen: number;
  decidedFen: number;
  /** Why the amount is what it is where it departs from the review (the officer's reason, the budget rule, an objection upheld). */
  reason: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  achievements: Achievement[];
  evidence: EvidenceView[];
  /** What the formal checker looks at: per achievement, the materials the call requires and the files that supply them. */
  materials: MaterialsCheck;
  reviewHistory: ReviewHistoryEntry[];
  /** The decided items in the applicant's order, once the application is decided; null before. */
  decision: DecidedItemView[] | null;
  /** Finance's payment of the award (derived from its installments and batch lines); null until finance takes it in. */
  payment: ApplicationPayment | null;
  /**
   * The status to show: the workflow ends at `handed_over`, and finance pays per line, so once finance's records say
   * the money moved it reads `payment_failed`, `partly_paid` or `paid` (see `applicationPayment`); else `status`.
   */
  displayStatus: ApplicationStatus | Exclude<ApplicationPaymentStatus, 'awaiting_payment'>;
}

export interface ApplicationFilter {
  programId?: string;
  status?: ApplicationStatus;
  districtCode?: string;
  /** Part of the organization's name (any case) or of its USCC. */
  q?: string;
  /** An `order by` list from APPLICATION_SORT (ends with the id, so pages are stable). */
  orderBy?: string;
  limit: number;
  offset: number;
}

interface SummaryRow extends Omit<ApplicationSummary, 'estimateTotalFen' | 'decidedTotalFen' | 'declaredAt' | 'submittedAt' | 'createdAt' | 'updatedAt'> {
  estimateTotalFen: string | null;
  decidedTotalFen: string | null;
  declaredAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SUMMARY = `a.id, a.program_id as "programId", a.organization_id as "organizationId", o.name as "organizationName",
  a.district_code as "districtCode", a.review_level as "reviewLevel", a.status, to_char(a.stage_due_on, 'YYYY-MM-DD') as "stageDueOn",
  a.return_stage as "returnStage", a.review_assignee_id as "reviewAssigneeId", a.estimate_total_fen::text as "estimateTotalFen", a.decided_total_fen::text as "decidedTotalFen",
  a.rank, a.declared_at as "declaredAt", a.submitted_at as "submittedAt", a.submission_count as "submissionCount",
  a.created_at as "createdAt", a.updated_at as "updatedAt"`;

/** Amounts are bigint fen in the database and far below 2^53 here, so they travel as JSON integers. */
const fen = (value: string | null): number | null => (value === null ? null : Number(value));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function toSummary(row: SummaryRow): ApplicationSummary {
  return {
    ...row,
    estimateTotalFen: fen(row.estimateTotalFen),
    decidedTotalFen: fen(row.decidedTotalFen),
    declaredAt: iso(row.declaredAt),
    submittedAt: iso(row.submittedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Read side: listings scoped to what the actor may see, and one application with everything a reviewer opens. */
@Injectable()
export class ApplicationQueries {
  constructor(private readonly transactions: TenantTransactions) {}

  async list(actor: Actor, filter: ApplicationFilter): Promise<{ items: ApplicationSummary[] }> {
    return { items: (await this.page(actor, filter)).rows };
  }

  /** One page of the applications the actor may see, and how many match in all (same where, counted in SQL). */
  async page(actor: Actor, filter: ApplicationFilter): Promise<Paged<ApplicationSummary>> {
    const scope = Scope.of(actor);
    const organizationId = scope.kind === 'organization' ? scope.organizationId : null;
    const districtCode = scope.kind === 'organization' ? null : Scope.districtFilter(actor);
    // Experts and technical reviewers: only what the workflow put in front of them (their panel seats, technical review).
    const where = (visibility: ReturnType<typeof workflowVisibility>): string =>
      `from applications a join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id
          where ($1::uuid is null or a.organization_id = $1) and ($2::text is null or a.district_code = $2)
            and ($3::uuid is null or a.program_id = $3) and ($4::text is null or a.status = $4)
            and ($5::text is null or a.district_code = $5)
            and ($6::text is null or strpos(lower(o.name), lower($6)) > 0 or strpos(upper(o.uscc), upper($6)) > 0)
            and ${visibility?.sql ?? 'true'}`;
    const filters = [organizationId, districtCode, filter.programId ?? null, filter.status ?? null, filter.districtCode ?? null, filter.q ?? null];
    const pageVisibility = workflowVisibility(actor, 'a', 9);
    const countVisibility = workflowVisibility(actor, 'a', 7);
    return this.transactions.run(async (manager) => {
      const rows = await queryRows<SummaryRow>(
        manager,
        `select ${SUMMARY} ${where(pageVisibility)}
          order by ${filter.orderBy ?? 'a.created_at, a.id'}
          limit $7 offset $8`,
        [...filters, filter.limit, filter.offset, ...(pageVisibility?.params ?? [])],
      );
      const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where(countVisibility)}`, [
        ...filters,
        ...(countVisibility?.params ?? []),
      ]);
      return { rows: rows.map(toSummary), total: count?.total ?? 0 };
    });
  }

  async get(actor: Actor, id: string): Promise<ApplicationDetail> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.read(manager, actor, id);
      const [row] = await queryRows<SummaryRow>(
        manager,
        `select ${SUMMARY} from applications a join organizations o on o.tenant_id = a.tenant_id and o.id = a.organization_id where a.id = $1`,
        [application.id],
      );
      const history = await queryRows<Omit<ReviewHistoryEntry, 'at'> & { at: Date }>(
        manager,
        `select stage, outcome, reasons, missing, to_char(due_on, 'YYYY-MM-DD') as "dueOn", actor_id as "actorId", actor_role as "actorRole", created_at as at
           from review_steps where application_id = $1 order by created_at, id`,
        [application.id],
      );
      const achievements = await ApplicationAchievements.list(manager, application.id);
      const evidence = await EvidenceFiles.list(manager, application.id);
      const program = await ProgramStore.get(manager, application.programId);
      const decided = await DecisionItemStore.forApplication(manager, application.id);
      const payment = await applicationPayment(manager, application.id);
      const summary = toSummary(row);
      return {
        ...summary,
        achievements,
        evidence,
        materials: materialsCheck(program.call, achievements, evidence),
        reviewHistory: history.map((h) => ({ ...h, at: h.at.toISOString() })),
        decision: decided.length === 0 ? null : decided.map((item) => ({
          achievementId: item.achievementId,
          article: item.article,
          basis: item.basis,
          ceilingFen: Number(item.ceilingFen),
          decidedFen: Number(item.decidedFen),
          reason: item.reason,
        })),
        payment,
        displayStatus: payment && payment.status !== 'awaiting_payment' ? payment.status : summary.status,
      };
    });
  }
}

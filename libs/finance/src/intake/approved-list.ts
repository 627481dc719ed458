import { queryRows } from '@subsidy/database';
import { Achievement, ApplicantKind } from '@subsidy/policy';
import { EntityManager } from 'typeorm';

export interface ApprovedItem {
  achievementId: string;
  article: string | null;
  decidedFen: number;
}

export interface ApprovedApplication {
  applicationId: string;
  organizationId: string;
  districtCode: string;
  districtName: string | null;
  uscc: string;
  name: string;
  kind: ApplicantKind;
  submittedAt: Date;
  achievements: Achievement[];
  items: ApprovedItem[];
}

interface ApplicationRow {
  applicationId: string;
  organizationId: string;
  districtCode: string;
  districtName: string | null;
  snapshot: Record<string, unknown> | null;
  decidedUscc: string | null;
  decidedName: string | null;
  uscc: string;
  name: string;
  kind: ApplicantKind;
  submittedAt: Date;
}

/**
 * The handed-over applications of a program with their decided items (only items with money), in a stable order.
 * Who is paid is who was decided: the name and credit code the decision fixed (`decided_organization_*`), so a rename
 * after the decision does not change what finance takes in; the kind (which the cost-share rules read) as declared
 * at submission. Rows without a decision snapshot (written before it existed) fall back to the submission's, then
 * the current organization's.
 */
export async function readApprovedList(manager: EntityManager, programId: string): Promise<ApprovedApplication[]> {
  const applications = await queryRows<ApplicationRow>(
    manager,
    `select a.id as "applicationId", a.organization_id as "organizationId", a.district_code as "districtCode",
            d.name_zh as "districtName", a.applicant_snapshot as snapshot, a.decided_organization_uscc as "decidedUscc",
            a.decided_organization_name as "decidedName", o.uscc, o.name, o.kind, a.submitted_at as "submittedAt"
       from applications a
       join organizations o on o.id = a.organization_id
       left join districts d on d.code = a.district_code
      where a.program_id = $1 and a.status = 'handed_over'
      order by a.id`,
    [programId],
  );
  const result: ApprovedApplication[] = [];
  for (const row of applications) {
    const items = await queryRows<{ achievementId: string; article: string | null; decidedFen: string }>(
      manager,
      `select achievement_id as "achievementId", article, decided_fen::text as "decidedFen"
         from decision_items where application_id = $1 and decided_fen > 0 order by achievement_id`,
      [row.applicationId],
    );
    if (items.length === 0) continue;
    const achievements = await queryRows<{ payload: Achievement }>(
      manager,
      `select payload from application_achievements where application_id = $1 order by position, achievement_id`,
      [row.applicationId],
    );
    const declared = (key: string, fallback: string): string => {
      const value = row.snapshot?.[key];
      return typeof value === 'string' && value !== '' ? value : fallback;
    };
    result.push({
      applicationId: row.applicationId,
      organizationId: row.organizationId,
      districtCode: row.districtCode.trim(),
      districtName: row.districtName,
      uscc: row.decidedUscc ?? declared('uscc', row.uscc),
      name: row.decidedName ?? declared('name', row.name),
      kind: declared('kind', row.kind) as ApplicantKind,
      submittedAt: row.submittedAt,
      achievements: achievements.map((a) => withoutReviewFields(a.payload)),
      items: items.map((i) => ({ achievementId: i.achievementId, article: i.article, decidedFen: Number(i.decidedFen) })),
    });
  }
  return result;
}

/**
 * The higher authority's approval of the program's allocation (批复), where the policy requires one before payment
 * (e.g. Foshan 第十三条 报市人民政府批准后，由市财政局统一拨付): what authorises finance to pay the list. Recorded by the
 * program office before hand-over (libs/workflow/src/allocation-approval), which refuses to hand over without it; read
 * here directly because finance does not depend on the workflow module. Null where the policy requires none.
 */
export interface AllocationApprovalReference {
  approvedBy: string;
  documentNo: string;
  approvedOn: string;
  approvedTotalFen: number;
  article: string;
  source: string;
}

export async function readAllocationApproval(manager: EntityManager, programId: string): Promise<AllocationApprovalReference | null> {
  const [row] = await queryRows<Omit<AllocationApprovalReference, 'approvedTotalFen'> & { approvedTotalFen: string }>(
    manager,
    `select approved_by as "approvedBy", document_no as "documentNo", to_char(approved_on, 'YYYY-MM-DD') as "approvedOn",
            approved_total_fen::text as "approvedTotalFen", article, source
       from program_allocation_approvals where program_id = $1`,
    [programId],
  );
  return row ? { ...row, approvedTotalFen: Number(row.approvedTotalFen) } : null;
}

/** Review-only fields the calculation contract does not know. */
function withoutReviewFields(payload: Achievement): Achievement {
  const { coDraftingUsccs: _coDrafting, ...rest } = payload;
  return rest;
}

import { isInForceOn } from '@subsidy/policy';
import type { CaseRun } from './case-run';
import type { DocumentChange } from './document-changes';
import { IMPORTED_PREFIX, type PolicyVersionRow, type PolicyVersionState } from './policy-version-rows';
import type { PolicyValidationError } from './validation/validation-error';

export interface PolicyVersionSummary {
  id: string;
  policyId: string;
  title: string;
  documentNo: string | null;
  state: PolicyVersionState;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  basedOn: { id: string; policyId: string } | null;
  authorName: string;
  reviewerName: string | null;
  changeNote: string;
  returnReason: string | null;
  contentHash: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  inForceToday: boolean;
  version: number;
}

export interface PolicyVersionDetail extends PolicyVersionSummary {
  sourceText: string;
  document: Record<string, unknown> | null;
  casesText: string;
  validation: { valid: boolean; errors: PolicyValidationError[] };
  changes: DocumentChange[];
  cases: CaseRun;
}

export interface ValidationView {
  valid: boolean;
  errors: PolicyValidationError[];
}

/** Versions imported from the repository's files have no person as author; the screen names the source instead. */
const IMPORTED_NAME = '政策文件导入';

function personName(id: string | null, name: string | null): string | null {
  if (id === null) return null;
  if (id.startsWith(IMPORTED_PREFIX)) return IMPORTED_NAME;
  return name ?? '（已删除的用户）';
}

export function toSummary(row: PolicyVersionRow, document: Record<string, unknown> | null, today: string): PolicyVersionSummary {
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    id: row.id,
    policyId: row.policyId,
    title: text(document?.title) ?? row.policyId,
    documentNo: text(document?.documentNo),
    state: row.state,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    basedOn: row.basedOnId && row.basedOnPolicyId ? { id: row.basedOnId, policyId: row.basedOnPolicyId } : null,
    authorName: personName(row.author, row.authorName) ?? IMPORTED_NAME,
    reviewerName: personName(row.reviewer, row.reviewerName),
    changeNote: row.changeNote,
    returnReason: row.returnReason,
    contentHash: row.contentHash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    inForceToday: row.state === 'published' && row.effectiveFrom !== null && isInForceOn({ effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo }, today),
    version: row.version,
  };
}

/** For messages naming a state to a person. */
export const STATE_ZH: Record<PolicyVersionState, string> = { draft: '草稿', submitted: '待审核', returned: '已退回', published: '已发布' };

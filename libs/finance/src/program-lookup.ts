import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { FinanceNotFoundError } from './finance-errors';

export interface FinanceProgram {
  id: string;
  tenantId: string;
  year: number;
  title: string;
  policyId: string;
  policyHash: string;
  status: string;
  /** The program budget, the year's fund some texts cap an applicant's share of (bigint as text). */
  budgetTotalFen: string;
}

/**
 * The program as finance needs it (read directly: finance must not depend on the workflow module, which depends on it).
 * `lock`: every finance use case that moves money locks its program first (FOR NO KEY UPDATE, which still admits the
 * foreign-key checks of inserts), so finance writes of one program run one at a time and always take their locks in
 * the same order (program, then ledger balances sorted by account): they cannot deadlock.
 */
export async function findProgram(manager: EntityManager, programId: string, lock = false): Promise<FinanceProgram> {
  const [program] = await queryRows<FinanceProgram>(
    manager,
    `select id, tenant_id as "tenantId", year, title, policy_id as "policyId", policy_hash as "policyHash", status,
            budget_total_fen::text as "budgetTotalFen"
       from programs where id = $1 ${lock ? 'for no key update' : ''}`,
    [programId],
  );
  if (!program) throw new FinanceNotFoundError({ zh: '没有找到该项目', en: 'No such program' }, [{ path: 'id', message: 'no such program', messageZh: '没有该项目' }]);
  return program;
}

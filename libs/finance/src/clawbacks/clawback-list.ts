import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { payerName, readDistrictNames } from '../payer-names';
import { findProgram } from '../program-lookup';

export interface ClawbackListItem {
  id: string;
  applicationId: string;
  /** The awardee as the decision named it. */
  organizationName: string;
  reasonKind: 'fraud' | 'misuse' | 'unfinished_contract';
  reason: string;
  amountFen: number;
  recoveredFen: number;
  status: 'open' | 'recovered';
  foundOn: string;
  createdAt: Date;
  /** What each payer is owed and has received back (a district officer: its own payer's share only). */
  shares: Array<{ payer: string; payerName: string; amountFen: number; recoveredFen: number }>;
}

/**
 * The program's clawbacks, newest first, for finance to record what comes back. `payer` (a district-level officer's own
 * payer) confines them to those owed to that payer, with that payer's share only.
 */
export async function listClawbacks(manager: EntityManager, programId: string, payer: string | null): Promise<{ programId: string; clawbacks: ClawbackListItem[] }> {
  const program = await findProgram(manager, programId);
  const claims = await queryRows<Omit<ClawbackListItem, 'amountFen' | 'recoveredFen' | 'shares'> & { amountFen: string; recoveredFen: string }>(
    manager,
    `select c.id, c.application_id as "applicationId", coalesce(ap.decided_organization_name, o.name) as "organizationName", c.reason_kind as "reasonKind",
            c.reason, c.amount_fen::text as "amountFen", c.recovered_fen::text as "recoveredFen", c.status,
            to_char(c.found_on, 'YYYY-MM-DD') as "foundOn", c.created_at as "createdAt"
       from clawbacks c join applications ap on ap.id = c.application_id join organizations o on o.id = c.organization_id
      where c.program_id = $1 and ($2::text is null or exists (select 1 from clawback_shares s where s.clawback_id = c.id and s.payer = $2))
      order by c.created_at desc, c.id`,
    [program.id, payer],
  );
  const shares = await queryRows<{ clawbackId: string; payer: string; amountFen: string; recoveredFen: string }>(
    manager,
    `select s.clawback_id as "clawbackId", s.payer, s.amount_fen::text as "amountFen", s.recovered_fen::text as "recoveredFen"
       from clawback_shares s join clawbacks c on c.id = s.clawback_id
      where c.program_id = $1 and ($2::text is null or s.payer = $2) order by s.payer`,
    [program.id, payer],
  );
  const districts = await readDistrictNames(manager);
  return {
    programId: program.id,
    clawbacks: claims.map((claim) => ({
      ...claim,
      amountFen: Number(claim.amountFen),
      recoveredFen: Number(claim.recoveredFen),
      shares: shares
        .filter((share) => share.clawbackId === claim.id)
        .map((share) => ({ payer: share.payer, payerName: payerName(share.payer, districts), amountFen: Number(share.amountFen), recoveredFen: Number(share.recoveredFen) })),
    })),
  };
}

import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ownPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { AWARD_ITEM_LABEL_SQL } from '../award-item-label';
import { payerName, readDistrictNames } from '../payer-names';

export interface ShareListItem {
  shareId: string;
  awardId: string;
  applicationId: string;
  achievementId: string;
  /** The item as the decision names it (policy label and standard number), never the id. */
  itemLabel: string;
  organizationName: string;
  article: string | null;
  payer: string;
  /** 市级财政, 环翠区财政, 配套资金. */
  payerName: string;
  amountFen: number;
  status: string;
  holdReason: string | null;
  installments: Array<{ installmentId: string; seq: number; condition: string; amountFen: number; status: string }>;
}

/**
 * The program's shares the officer pays for (a district officer sees its district's only). The awardee is named as the
 * decision fixed it (`applications.decided_organization_name`), not as the organization reads today.
 */
@Injectable()
export class ShareList {
  constructor(private readonly transactions: TenantTransactions) {}

  list(actor: Actor, programId: string): Promise<{ programId: string; shares: ShareListItem[] }> {
    const payer = ownPayer(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId);
      const shares = await queryRows<Omit<ShareListItem, 'amountFen' | 'installments' | 'payerName'> & { amountFen: string }>(
        manager,
        `select s.id as "shareId", a.id as "awardId", a.application_id as "applicationId", a.achievement_id as "achievementId", ${AWARD_ITEM_LABEL_SQL} as "itemLabel",
                coalesce(ap.decided_organization_name, o.name) as "organizationName", a.article, s.payer, s.amount_fen::text as "amountFen",
                s.status, s.hold_reason as "holdReason"
           from finance_shares s join finance_awards a on a.id = s.award_id join organizations o on o.id = a.organization_id
           join applications ap on ap.id = a.application_id
          where s.program_id = $1 and ($2::text is null or s.payer = $2)
          order by a.application_id, a.achievement_id, s.payer`,
        [program.id, payer],
      );
      const installments = await queryRows<{ shareId: string; installmentId: string; seq: number; condition: string; amountFen: string; status: string }>(
        manager,
        `select i.share_id as "shareId", i.id as "installmentId", i.seq, i.condition, i.amount_fen::text as "amountFen", i.status
           from finance_installments i join finance_shares s on s.id = i.share_id
          where s.program_id = $1 and ($2::text is null or s.payer = $2) order by i.seq`,
        [program.id, payer],
      );
      const districts = await readDistrictNames(manager);
      return {
        programId: program.id,
        shares: shares.map((s) => ({
          ...s,
          payerName: payerName(s.payer, districts),
          amountFen: Number(s.amountFen),
          installments: installments
            .filter((i) => i.shareId === s.shareId)
            .map((i) => ({ installmentId: i.installmentId, seq: i.seq, condition: i.condition, amountFen: Number(i.amountFen), status: i.status })),
        })),
      };
    });
  }
}

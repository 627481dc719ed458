import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AccountKind } from '../ledger';
import { ownPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { payerName, readDistrictNames } from '../payer-names';

/** A payer's figures from the ledger. */
export interface PayerFigures {
  payer: string;
  budgetFen: number;
  /** Budget not yet committed. */
  availableFen: number;
  /** Everything committed to awards (approved, paid and clawed back included), releases excluded. */
  committedFen: number;
  approvedFen: number;
  /** Paid out, before clawbacks. */
  paidFen: number;
  /** Approved but not yet confirmed paid (in a batch or waiting for one). */
  outstandingFen: number;
  clawedBackFen: number;
  recoveredFen: number;
  clawbackOutstandingFen: number;
}

/** A payer's figures on the report, with the payer's Chinese name (市级财政, 环翠区财政, 配套资金). */
export interface PayerReport extends PayerFigures {
  payerName: string;
}

export interface ProgramReport {
  programId: string;
  title: string;
  payers: PayerReport[];
  totals: Omit<PayerFigures, 'payer'>;
}

type Nets = Record<AccountKind, bigint>;

/** Figures per payer, each derived from the ledger lines (not from the cached balances or the business tables). */
export function payerFigures(payer: string, n: Nets): PayerFigures {
  const budget = -n.appropriation;
  const clawedBack = n.clawback_receivable + n.recovered;
  const paid = n.paid + clawedBack;
  const outstanding = n.approved + n.payable;
  const approved = outstanding + paid;
  return {
    payer,
    budgetFen: Number(budget),
    availableFen: Number(n.budget),
    committedFen: Number(n.committed + approved),
    approvedFen: Number(approved),
    paidFen: Number(paid),
    outstandingFen: Number(outstanding),
    clawedBackFen: Number(clawedBack),
    recoveredFen: Number(n.recovered),
    clawbackOutstandingFen: Number(n.clawback_receivable),
  };
}

const ZERO: Nets = { appropriation: 0n, budget: 0n, committed: 0n, approved: 0n, payable: 0n, paid: 0n, clawback_receivable: 0n, recovered: 0n };

@Injectable()
export class ProgramReports {
  constructor(private readonly transactions: TenantTransactions) {}

  report(actor: Actor, programId: string): Promise<ProgramReport> {
    const only = ownPayer(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId);
      const rows = await queryRows<{ payer: string; kind: AccountKind; netFen: string }>(
        manager,
        `select a.payer, a.kind, coalesce(sum(l.debit_fen - l.credit_fen), 0)::text as "netFen"
           from ledger_accounts a left join ledger_lines l on l.account = a.code
          where a.program_id = $1 and ($2::text is null or a.payer = $2)
          group by a.payer, a.kind order by a.payer`,
        [program.id, only],
      );
      const byPayer = new Map<string, Nets>();
      for (const row of rows) {
        const nets = byPayer.get(row.payer) ?? { ...ZERO };
        nets[row.kind] = BigInt(row.netFen);
        byPayer.set(row.payer, nets);
      }
      const districts = await readDistrictNames(manager);
      const payers = [...byPayer.entries()].map(([payer, nets]): PayerReport => ({ ...payerFigures(payer, nets), payerName: payerName(payer, districts) }));
      const totals = payers.reduce<Omit<PayerFigures, 'payer'>>(
        (sum, p) => {
          const next = { ...sum };
          for (const key of Object.keys(sum) as Array<keyof Omit<PayerFigures, 'payer'>>) next[key] = sum[key] + p[key];
          return next;
        },
        { budgetFen: 0, availableFen: 0, committedFen: 0, approvedFen: 0, paidFen: 0, outstandingFen: 0, clawedBackFen: 0, recoveredFen: 0, clawbackOutstandingFen: 0 },
      );
      return { programId: program.id, title: program.title, payers, totals };
    });
  }
}

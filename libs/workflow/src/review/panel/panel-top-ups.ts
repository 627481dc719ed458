import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { PanelExclusion } from '@subsidy/review';
import { ApplicationRecord, ProgramRecord } from '../../core';
import { ProgramPolicy } from '../../programs/program-policy';
import { planPanelExclusion, yearExclusionRule } from './exclusion-plan';
import { loadExpertPool } from './expert-pool';
import { PanelSchedule } from './panel-schedule';
import { PanelRecord, PanelStore } from './panel-store';
import { topUpAsFarAsPossible, TopUpOutcome } from './top-up';

const DAY_MS = 86_400_000;

export interface Replacement {
  tenantId: string;
  application: ApplicationRecord;
  program: ProgramRecord;
  panel: PanelRecord;
  /** Members leaving the panel (declined, released at the deadline, or conflicted). */
  leaving: string[];
  /** Experts who declared a conflict: excluded from every later round too. */
  conflicted?: string[];
  /**
   * Members a year-wide exclusion rule now rules out (their unit applied after the draw); the caller has marked them
   * removed. They leave the panel as excluded, not as having declined.
   */
  ruledOut?: string[];
  needed: number;
  /** A new scoring period for the new round (after a deadline); a conflict replacement keeps the current one. */
  newDeadline: boolean;
  why: string;
}

/** Replaces panel members deterministically (the recorded seed and round) and tells everyone concerned. */
@Injectable()
export class PanelTopUps {
  constructor(
    private readonly schedule: PanelSchedule,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async replace(manager: EntityManager, r: Replacement): Promise<TopUpOutcome> {
    const settings = r.program.review.panel;
    if (!settings) throw new Error('replace() needs a program with an expert panel');
    const onPanel = new Set(r.panel.draw.panel.map((e) => e.id));
    const conflicted = r.conflicted && r.conflicted.length > 0 ? { conflictDeclared: r.conflicted } : undefined;
    // Under a year-wide rule (Foshan 第十二条) the exclusion is read afresh: a unit that applied since the last round
    // is left out of this one. Without it, a top-up adds only the new conflicts to what the draw recorded, as always.
    const procedure = this.programPolicy.resolve(r.program).procedure;
    const plan = yearExclusionRule(procedure, r.program) ? await planPanelExclusion(manager, procedure, r.application, r.program) : null;
    const exclude: Partial<PanelExclusion> | undefined = plan
      ? { ...plan.exclusion, conflictDeclared: [...new Set([...plan.exclusion.conflictDeclared, ...(r.conflicted ?? [])])] }
      : conflicted;
    const outcome = topUpAsFarAsPossible(r.panel.draw, r.needed, {
      pool: await loadExpertPool(manager),
      declinedIds: r.leaving.filter((id) => onPanel.has(id)),
      exclude,
      ...(plan ? { grounds: plan.grounds } : {}),
    });
    const newRound = outcome.draw.round !== r.panel.draw.round;
    const dueAt = r.newDeadline && newRound ? new Date(this.clock.now().getTime() + settings.scoringDays * DAY_MS) : r.panel.dueAt;
    await PanelStore.saveDraw(manager, r.application.id, outcome.draw, dueAt);
    await PanelStore.invite(manager, r.tenantId, r.application.id, outcome.added, outcome.draw.round);
    if (newRound) await this.schedule.scheduleRound(manager, r.tenantId, r.application.id, outcome.draw.round, dueAt, settings.reminderHoursBefore);
    await this.audit.record(manager, {
      action: 'application.panel-topped-up',
      entityType: 'application',
      entityId: r.application.id,
      reason: r.why,
      data: {
        round: outcome.draw.round,
        leaving: r.leaving,
        added: outcome.added,
        shortfall: outcome.shortfall,
        dueAt: dueAt.toISOString(),
        ...(r.ruledOut && r.ruledOut.length > 0 ? { ruledOut: r.ruledOut } : {}),
        ...(plan?.rule ? { exclusionRule: plan.rule, exclusionGrounds: plan.grounds } : {}),
      },
    });
    if (outcome.added.length > 0) {
      await this.notifier.notify(
        manager,
        outcome.added.map((userId) => ({ userId })),
        {
          kind: 'panel.invited',
          subject: `专家评审邀请 / Invitation to an expert panel`,
          body: `您被抽取为《${r.program.title}》申报（${r.application.id}）的评审专家，请于 ${dueAt.toISOString()} 前完成评分；如有利益冲突请申明回避。`,
          entity: { type: 'application', id: r.application.id },
        },
      );
    }
    if (outcome.shortfall > 0) {
      const active = outcome.draw.panel.length;
      await this.notifier.notify(manager, [{ role: 'program_officer' }], {
        kind: 'panel.pool-exhausted',
        subject: `专家库不足，评审组继续以 ${active} 人进行 / Expert pool exhausted`,
        body: `申报 ${r.application.id}：需要补充 ${r.needed} 名专家，但专家库中只剩 ${outcome.added.length} 名可抽取（回避与已抽取者除外）。` +
          `评审组现有 ${active} 人，法定人数为 ${settings.quorum}。原因：${r.why}。`,
        entity: { type: 'application', id: r.application.id },
      });
    }
    return outcome;
  }

  /** Members leave without replacement (the quorum is already met). */
  async release(manager: EntityManager, applicationId: string, panel: PanelRecord, leaving: string[]): Promise<void> {
    const outcome = topUpAsFarAsPossible(panel.draw, 0, { pool: [], declinedIds: leaving.filter((id) => panel.draw.panel.some((e) => e.id === id)) });
    await PanelStore.saveDraw(manager, applicationId, outcome.draw, panel.dueAt);
  }
}

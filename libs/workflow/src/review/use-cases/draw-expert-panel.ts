import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ConflictError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { drawPanel, PanelDraw, PanelPoolExhaustedError } from '@subsidy/review';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { ProgramPolicy } from '../../programs/program-policy';
import { planPanelExclusion } from '../panel/exclusion-plan';
import { loadExpertPool } from '../panel/expert-pool';
import { PanelSchedule } from '../panel/panel-schedule';
import { PanelStore } from '../panel/panel-store';
import { ExclusionPlan, explainExcluded } from '../panel/panel-exclusion';
import { panelView, PanelView } from '../panel/panel-view';
import { ReviewNotConfiguredError } from '../review-errors';
import { ReviewSteps } from '../review-steps';

const DAY_MS = 86_400_000;

/** The seed of an application's draw: fixed by what it is, so anyone can replay the draw from the record. */
export function panelSeed(applicationId: string, programId: string): string {
  return `${applicationId}:${programId}`;
}

/**
 * Draws the expert panel for an application in expert review: a seeded, reproducible draw from the tenant's active
 * experts, excluding those affiliated with the applicant or a co-drafting unit and those who declared a conflict, and
 * where the policy says so (Foshan 第十二条) those of every unit that applied or partnered in an application that year.
 */
@Injectable()
export class DrawExpertPanel {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly schedule: PanelSchedule,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, actor: Actor): Promise<PanelView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, applicationId);
      if (application.status !== 'expert_review') {
        throw new InvalidStateError({
          zh: `只有专家评审中的申报可以抽取专家组；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `A panel is drawn for an application in expert_review; this one is ${application.status}`,
        });
      }
      if (await PanelStore.find(manager, application.id)) throw new InvalidStateError({ zh: '该申报已抽取专家组', en: 'This application already has a panel' });
      const program = await ProgramStore.get(manager, application.programId);
      const settings = program.review.panel;
      if (!settings) throw new ReviewNotConfiguredError({ zh: '本项目未设置专家评审', en: 'The program has no expert panel configured' });
      const plan = await planPanelExclusion(manager, this.programPolicy.resolve(program).procedure, application, program);
      const draw = drawWithin(await loadExpertPool(manager), settings.size, settings.quorum, panelSeed(application.id, program.id), plan);
      const dueAt = new Date(this.clock.now().getTime() + settings.scoringDays * DAY_MS);
      const memberIds = draw.panel.map((e) => e.id);
      await PanelStore.create(manager, tenantId, application.id, draw, dueAt);
      await PanelStore.invite(manager, tenantId, application.id, memberIds, draw.round);
      await this.schedule.scheduleRound(manager, tenantId, application.id, draw.round, dueAt, settings.reminderHoursBefore);
      const excluded = explainExcluded(draw.excluded, plan);
      await ReviewSteps.append(manager, tenantId, {
        applicationId: application.id,
        stage: 'expert_review',
        outcome: 'panel_drawn',
        reasons: excluded.map((x) => `excluded ${x.expertId}: ${x.reasons.map((r) => r.code).join(', ')}`),
        actor,
        at: this.clock.now(),
      });
      await this.audit.record(manager, {
        action: 'application.panel-drawn',
        entityType: 'application',
        entityId: application.id,
        reason: memberIds.length < settings.size ? `only ${memberIds.length} of ${settings.size} experts were available` : null,
        data: {
          seed: draw.seed,
          algorithm: draw.algorithm,
          round: draw.round,
          panel: memberIds,
          excluded,
          dueAt: dueAt.toISOString(),
          // The year-wide rule, citing its article, and why every unit is excluded (also when no expert is affected).
          ...(plan.rule ? { exclusionRule: plan.rule, exclusionGrounds: plan.grounds } : {}),
        },
      });
      await this.notifier.notify(
        manager,
        memberIds.map((userId) => ({ userId })),
        {
          kind: 'panel.invited',
          subject: `专家评审邀请 / Invitation to an expert panel`,
          body: `您被抽取为《${program.title}》申报（${application.id}）的评审专家，请于 ${dueAt.toISOString()} 前完成评分；如有利益冲突请申明回避。`,
          entity: { type: 'application', id: application.id },
        },
      );
      const panel = { applicationId: application.id, seed: draw.seed, draw, dueAt, combinedScore: null, completedAt: null };
      return panelView(panel, await PanelStore.members(manager, application.id));
    });
  }
}

/** A pool smaller than the panel still gives a panel if it can reach the quorum; below that nobody is drawn. */
function drawWithin(pool: Parameters<typeof drawPanel>[0]['pool'], size: number, quorum: number, seed: string, plan: ExclusionPlan): PanelDraw {
  const exclude = plan.exclusion;
  const grounds = plan.grounds;
  try {
    return drawPanel({ pool, size, seed, exclude, grounds });
  } catch (error) {
    if (!(error instanceof PanelPoolExhaustedError)) throw error;
    if (error.counts.available >= quorum && error.counts.available > 0) return drawPanel({ pool, size: error.counts.available, seed, exclude, grounds });
    throw new ConflictError(
      'panel_pool_exhausted',
      { zh: `符合条件的评审专家不足，无法组成专家组（至少需要 ${quorum} 位，现有 ${error.counts.available} 位）`, en: `Not enough eligible experts for a panel: ${error.message}` },
      [{ path: 'pool', message: `quorum ${quorum}, available ${error.counts.available}`, messageZh: `至少 ${quorum} 位，现有 ${error.counts.available} 位` }],
    );
  }
}

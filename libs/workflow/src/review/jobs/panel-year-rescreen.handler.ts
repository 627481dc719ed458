import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { ApplicationJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { Expert, screenExperts } from '@subsidy/review';
import { SYSTEM_ACTOR } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ProgramStore } from '../../core';
import { ProgramPolicy } from '../../programs/program-policy';
import { planPanelExclusion } from '../panel/exclusion-plan';
import { explainExcluded } from '../panel/panel-exclusion';
import { loadExpertPool } from '../panel/expert-pool';
import { PanelStore } from '../panel/panel-store';
import { PanelTopUps } from '../panel/panel-top-ups';
import { openPanelsOfYear, sittingExperts } from '../panel/year-rescreen';
import { ReviewSteps } from '../review-steps';

/**
 * After a submission under a year-wide exclusion rule (Foshan 第十二条: 当年度项目申报单位、合作单位的专家，不得参加该年度
 * 评审工作): every open panel of the year is screened against the exclusion as it stands now. A sitting expert of the
 * new applicant or of one of its partner units leaves the panel, whether or not they have scored (the text bars them
 * from the year's review, so their sheet must not count), and is replaced from the recorded seed like an expert who
 * declared a conflict. Officers and the expert are told. Redelivery is harmless: a second pass finds nobody to remove.
 */
@JobHandler('workflow', 'panel.year-rescreen')
export class PanelYearRescreenHandler implements QueueJobHandler<'workflow', 'panel.year-rescreen'> {
  constructor(
    private readonly topUps: PanelTopUps,
    private readonly programPolicy: ProgramPolicy,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: ApplicationJobPayload): Promise<void> {
    const submitted = await ApplicationStore.find(manager, payload.applicationId);
    if (!submitted) return;
    const program = await ProgramStore.get(manager, submitted.programId);
    // Locked one by one in id order, so two of these jobs never wait on each other in a cycle.
    const open = await openPanelsOfYear(manager, program.year, submitted.id);
    if (open.length === 0) return;
    const pool = await loadExpertPool(manager);
    for (const applicationId of open) {
      await this.rescreen(manager, payload.tenantId, applicationId, submitted.id, pool);
    }
  }

  private async rescreen(manager: EntityManager, tenantId: string, applicationId: string, triggeredBy: string, pool: Expert[]): Promise<void> {
    const application = await ApplicationStore.lock(manager, applicationId);
    if (application.status !== 'expert_review') return;
    const panel = await PanelStore.find(manager, application.id);
    if (!panel || panel.completedAt) return;
    const program = await ProgramStore.get(manager, application.programId);
    if (!program.review.panel) return;
    const procedure = this.programPolicy.resolve(program).procedure;
    const plan = await planPanelExclusion(manager, procedure, application, program);
    const rule = plan.rule;
    if (!rule) return;
    const members = await PanelStore.members(manager, application.id);
    const { excluded } = screenExperts(sittingExperts(panel, members, pool), plan.exclusion);
    if (excluded.length === 0) return;
    const ruledOut = excluded.map((x) => x.expert.id);
    const experts = explainExcluded(excluded, plan).map(({ expertId, reasons }) => ({
      expertId,
      hadScored: members.some((m) => m.expertId === expertId && m.status === 'scored'),
      reasons,
    }));
    const why = `${rule.article}: ${ruledOut.length} panel expert(s) work for a unit that applied, or is a partner in an application, in ${rule.year} (application ${triggeredBy})`;
    await PanelStore.setStatus(manager, application.id, ruledOut, 'removed');
    await this.audit.record(manager, {
      action: 'application.panel-member-ruled-out',
      entityType: 'application',
      entityId: application.id,
      reason: why,
      data: { round: panel.draw.round, triggeredBy, exclusionRule: rule, experts },
    });
    await ReviewSteps.append(manager, tenantId, {
      applicationId: application.id,
      stage: 'expert_review',
      outcome: 'panel_member_ruled_out',
      reasons: experts.map((e) => `expert ${e.expertId} excluded under ${rule.article}: ${e.reasons.flatMap((r) => ('sources' in r ? r.sources : [r.code])).join(', ')}`),
      actor: SYSTEM_ACTOR,
      at: this.clock.now(),
    });
    await this.notifier.notify(
      manager,
      ruledOut.map((userId) => ({ userId })),
      {
        kind: 'panel.ruled-out',
        subject: `评审回避 / You are no longer on an expert panel`,
        body: `根据${rule.article}，当年度项目申报单位、合作单位的专家不得参加该年度评审工作。您所属单位参与了${rule.year}年度的申报，您已退出申报（${application.id}）的评审组${experts.some((e) => e.hadScored) ? '，已提交的评分不再计入' : ''}。`,
        entity: { type: 'application', id: application.id },
      },
    );
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'panel.member-ruled-out',
      subject: `评审专家回避（${rule.article}）/ Panel expert ruled out`,
      body: `申报 ${application.id}：${why}。已按记录的随机种子补抽专家${experts.some((e) => e.hadScored) ? '；被回避专家已提交的评分不计入' : ''}。`,
      entity: { type: 'application', id: application.id },
    });
    await this.topUps.replace(manager, {
      tenantId,
      application,
      program,
      panel,
      leaving: [],
      ruledOut,
      needed: ruledOut.length,
      // Replacements need time to score: past the panel's deadline they get a fresh scoring period.
      newDeadline: panel.dueAt.getTime() <= this.clock.now().getTime(),
      why,
    });
  }
}

import { Procedure } from '@subsidy/policy';
import { Outbox } from '@subsidy/queue';
import { Expert } from '@subsidy/review';
import { EntityManager } from 'typeorm';
import { ProgramRecord } from '../../core';
import { yearExclusionRule } from './exclusion-plan';
import { PanelMember, PanelRecord } from './panel-store';

/**
 * Under a year-wide exclusion rule (Foshan 第十二条), a submission may come after panels of the same year were drawn,
 * and its unit or a partner unit may employ an expert already sitting on one of them. The submission asks the worker to
 * screen the year's open panels again (a job, so the applicant's submission neither waits for nor fails on other
 * applications' panels). Called inside the submission's transaction; a program without the rule enqueues nothing.
 */
export async function enqueueYearRescreen(
  manager: EntityManager,
  outbox: Outbox,
  procedure: Procedure,
  program: Pick<ProgramRecord, 'tenantId' | 'year'>,
  applicationId: string,
  submission: number,
  now: Date,
): Promise<void> {
  if (!yearExclusionRule(procedure, program)) return;
  await outbox.enqueue(
    manager,
    'workflow',
    'panel.year-rescreen',
    { tenantId: program.tenantId, applicationId },
    { runAt: now, dedupeKey: `panel.year-rescreen:${applicationId}:${submission}` },
  );
}

/** The applications of `year` whose panel is still open (in expert review, not completed), except `exceptId`. */
export async function openPanelsOfYear(manager: EntityManager, year: number, exceptId: string): Promise<string[]> {
  const rows = (await manager.query(
    `select a.id from panels pa
       join applications a on a.id = pa.application_id
       join programs p on p.id = a.program_id
      where p.year = $1 and a.id <> $2 and a.status = 'expert_review' and pa.completed_at is null
      order by a.id`,
    [year, exceptId],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * The members still sitting (invited or scored), as the pool describes them now; a member no longer in the pool
 * (deactivated since) is judged by what the draw recorded about them.
 */
export function sittingExperts(panel: PanelRecord, members: readonly PanelMember[], pool: readonly Expert[]): Expert[] {
  const onPanel = new Map(panel.draw.panel.map((e) => [e.id, e]));
  const current = new Map(pool.map((e) => [e.id, e]));
  return members
    .filter((m) => (m.status === 'invited' || m.status === 'scored') && onPanel.has(m.expertId))
    .map((m) => current.get(m.expertId) ?? (onPanel.get(m.expertId) as Expert));
}

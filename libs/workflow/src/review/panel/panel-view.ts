import { ExclusionGrounds, ExclusionReason } from '@subsidy/review';
import { PanelMember, PanelMemberStatus, PanelRecord } from './panel-store';

export interface PanelView {
  applicationId: string;
  seed: string;
  algorithm: string;
  round: number;
  dueAt: string;
  combinedScore: number | null;
  completedAt: string | null;
  members: Array<{ expertId: string; name: string | null; status: PanelMemberStatus; round: number; scoreTotal: number | null; scoredAt: string | null }>;
  /** Each reason on a unit says where the unit's exclusion came from (`sources`), when the draw recorded it. */
  excluded: Array<{ expertId: string; reasons: Array<ExclusionReason & { sources?: string[] }> }>;
}

/** What the program office sees of a panel: who was drawn when, who stands where, and who was excluded and why. */
export function panelView(panel: PanelRecord, members: readonly PanelMember[]): PanelView {
  return {
    applicationId: panel.applicationId,
    seed: panel.seed,
    algorithm: panel.draw.algorithm,
    round: panel.draw.round,
    dueAt: panel.dueAt.toISOString(),
    combinedScore: panel.combinedScore,
    completedAt: panel.completedAt ? panel.completedAt.toISOString() : null,
    members: members.map((m) => ({
      expertId: m.expertId,
      name: m.name,
      status: m.status,
      round: m.round,
      scoreTotal: m.scoreTotal,
      scoredAt: m.scoredAt ? m.scoredAt.toISOString() : null,
    })),
    excluded: panel.draw.excluded.map((x) => ({ expertId: x.expert.id, reasons: x.reasons.map((r) => withSources(r, panel.draw.grounds)) })),
  };
}

function withSources(reason: ExclusionReason, grounds: ExclusionGrounds | undefined): ExclusionReason & { sources?: string[] } {
  const sources =
    reason.code === 'affiliated_uscc' ? grounds?.usccs[reason.uscc] : reason.code === 'affiliated_organization' ? grounds?.organizationIds[reason.organizationId] : undefined;
  return sources ? { ...reason, sources } : reason;
}

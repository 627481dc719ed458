import { applicationStatusZh } from '../../core/status-names';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, InvalidStateError } from '../../core';
import { NotReviewerError } from '../review-errors';
import { PanelMember, PanelRecord, PanelStore } from './panel-store';

export interface PanelContext {
  panel: PanelRecord;
  members: PanelMember[];
}

/** The panel of an application in expert review; 409 when the application is elsewhere or has no panel yet. */
export async function requireOpenPanel(manager: EntityManager, application: ApplicationRecord): Promise<PanelContext> {
  if (application.status !== 'expert_review') {
    throw new InvalidStateError({
      zh: `专家组只在专家评审环节办理；该申报当前为“${applicationStatusZh(application.status)}”`,
      en: `The expert panel only acts while the application is in expert_review; it is ${application.status}`,
    });
  }
  const panel = await PanelStore.find(manager, application.id);
  if (!panel) throw new InvalidStateError({ zh: '该申报尚未抽取评审专家组', en: 'No panel has been drawn for this application yet' });
  return { panel, members: await PanelStore.members(manager, application.id) };
}

/** The acting expert's seat on the panel; an expert who is not (or no longer) on it gets 403. */
export function requireSeat(context: PanelContext, actor: Actor): PanelMember {
  const member = context.members.find((m) => m.expertId === actor.id);
  if (!member || member.status === 'removed' || member.status === 'declined') {
    throw new NotReviewerError({ zh: '您不是该申报评审专家组的成员', en: 'You are not on the panel of this application' });
  }
  return member;
}

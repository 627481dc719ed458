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
    throw new InvalidStateError(`The expert panel only acts while the application is in expert_review; it is ${application.status}`);
  }
  const panel = await PanelStore.find(manager, application.id);
  if (!panel) throw new InvalidStateError('No panel has been drawn for this application yet');
  return { panel, members: await PanelStore.members(manager, application.id) };
}

/** The acting expert's seat on the panel; an expert who is not (or no longer) on it gets 403. */
export function requireSeat(context: PanelContext, actor: Actor): PanelMember {
  const member = context.members.find((m) => m.expertId === actor.id);
  if (!member || member.status === 'removed' || member.status === 'declined') {
    throw new NotReviewerError('You are not on the panel of this application');
  }
  return member;
}

import { applicationStatusZh } from '../core/status-names';
import { OutOfScopeError, Scope } from '@subsidy/auth';
import { queryRows } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationNotFoundError, ApplicationRecord, ApplicationStore, InvalidStateError } from '../core';
import { ExpertDeclarations } from '../review/panel/expert-declarations';
import { workflowVisibility } from './application-visibility';

/** Statuses in which the applicant may still change what they claim (achievements, evidence, declaration). */
export const EDITABLE_STATUSES = ['draft', 'correction_requested'] as const;

/**
 * Who may see or act on an application. Row-level security already hides other tenants' rows (404); within the
 * tenant, applicants see their organization's and district-bound staff their district's (403 out_of_scope, as
 * before); experts only applications they hold a current panel seat on, technical reviewers only applications that
 * reached technical review (application-visibility.ts): for them anything else is 404, read with the condition in SQL.
 */
export const ApplicationAccess = {
  async read(manager: EntityManager, actor: Actor, id: string): Promise<ApplicationRecord> {
    const visibility = workflowVisibility(actor, 'a', 2);
    if (visibility) {
      const [visible] = await queryRows<ApplicationRecord>(
        manager,
        `select ${ApplicationStore.COLUMNS} from applications a where a.id = $1 and ${visibility.sql}`,
        [id, ...visibility.params],
      );
      if (!visible) throw new ApplicationNotFoundError();
      // An expert's documents open once they have declared no conflict of interest with the applicant.
      if (actor.kind === 'user' && actor.role === 'expert') await ExpertDeclarations.assertDeclared(manager, visible.id, actor.id);
      return visible;
    }
    const application = await ApplicationStore.get(manager, id);
    // A reviewer the officer reassigned the current review to reads it whatever their district.
    if (actor.kind === 'user' && application.reviewAssigneeId === actor.id) return application;
    Scope.assertOrganizationAccess(actor, application);
    return application;
  },

  /** Locks the row for the rest of the transaction and checks that the actor is the organization's applicant. */
  async lockForApplicant(manager: EntityManager, actor: Actor, id: string): Promise<ApplicationRecord> {
    const application = await ApplicationStore.lock(manager, id);
    ApplicationAccess.assertApplicant(actor, application);
    return application;
  },

  assertApplicant(actor: Actor, application: Pick<ApplicationRecord, 'organizationId' | 'districtCode'>): void {
    Scope.assertOrganizationAccess(actor, application);
    if (actor.role !== 'applicant') throw new OutOfScopeError({ zh: '只有申报单位本身可以修改其申报', en: 'Only the applicant organization can change its application' });
  },

  assertEditable(application: ApplicationRecord): void {
    if (!(EDITABLE_STATUSES as readonly string[]).includes(application.status)) {
      throw new InvalidStateError({
        zh: `申报当前为“${applicationStatusZh(application.status)}”，只有草稿或被要求补正的申报可以修改`,
        en: `The application is ${application.status}; it can be changed only as a draft or when a correction was requested`,
      });
    }
  },
};

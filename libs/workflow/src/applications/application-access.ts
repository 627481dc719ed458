import { OutOfScopeError, Scope } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, InvalidStateError } from '../core';

/** Statuses in which the applicant may still change what they claim (achievements, evidence, declaration). */
export const EDITABLE_STATUSES = ['draft', 'correction_requested'] as const;

/**
 * Who may see or act on an application. Row-level security already hides other tenants' rows (404); within the
 * tenant, applicants see their organization's and district-bound staff their district's (403 out_of_scope).
 */
export const ApplicationAccess = {
  async read(manager: EntityManager, actor: Actor, id: string): Promise<ApplicationRecord> {
    const application = await ApplicationStore.get(manager, id);
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
    if (actor.role !== 'applicant') throw new OutOfScopeError('Only the applicant organization can change its application');
  },

  assertEditable(application: ApplicationRecord): void {
    if (!(EDITABLE_STATUSES as readonly string[]).includes(application.status)) {
      throw new InvalidStateError(`The application is ${application.status}; it can be changed only as a draft or when a correction was requested`);
    }
  },
};

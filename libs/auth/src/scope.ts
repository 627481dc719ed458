import { Actor } from '@subsidy/tenancy';
import { OutOfScopeError } from './auth-errors';

/** What part of its tenant an actor may see. */
export type DataScope =
  | { kind: 'tenant' }
  | { kind: 'district'; districtCode: string }
  | { kind: 'organization'; organizationId: string };

/**
 * District reviewers and district-level finance officers are confined to their district; applicants to their
 * organization; every other staff role (and the system) sees the whole tenant. A bound role whose binding is missing
 * sees nothing rather than everything. Applications narrow this further by workflow facts this library does not know:
 * experts read only applications they sit on the panel of, technical reviewers only those that reached technical
 * review (libs/workflow/src/applications/application-visibility.ts).
 */
export function scopeOf(actor: Actor): DataScope {
  if (actor.kind === 'system') return { kind: 'tenant' };
  const districtBound = actor.role === 'district_reviewer' || (actor.role === 'finance_officer' && actor.financeLevel !== 'city');
  if (districtBound) {
    if (!actor.districtCode) throw new OutOfScopeError({ zh: '您的账号未关联区县，无法查看区县范围的数据', en: 'Your account is not bound to a district' });
    return { kind: 'district', districtCode: actor.districtCode };
  }
  if (actor.role === 'applicant') {
    if (!actor.organizationId) throw new OutOfScopeError({ zh: '您的账号未关联申报单位', en: 'Your account is not bound to an organization' });
    return { kind: 'organization', organizationId: actor.organizationId };
  }
  return { kind: 'tenant' };
}

export const Scope = {
  of: scopeOf,

  /** The district a listing must be restricted to, or null when the actor sees every district. Applicants have no district listing. */
  districtFilter(actor: Actor): string | null {
    const scope = scopeOf(actor);
    if (scope.kind === 'organization') throw new OutOfScopeError({ zh: '申报单位只能查看本单位的数据', en: 'Applicants can only see their own organization' });
    return scope.kind === 'district' ? scope.districtCode : null;
  },

  assertDistrictAccess(actor: Actor, districtCode: string): void {
    const scope = scopeOf(actor);
    if (scope.kind === 'organization') throw new OutOfScopeError({ zh: '申报单位只能查看本单位的数据', en: 'Applicants can only see their own organization' });
    if (scope.kind === 'district' && scope.districtCode !== districtCode) {
      throw new OutOfScopeError({ zh: '您的账号只能办理本区县的事项', en: `Your account is limited to district ${scope.districtCode}` });
    }
  },

  /** For records owned by an organization that also belong to a district (applications, the organization itself). */
  assertOrganizationAccess(actor: Actor, record: { organizationId: string; districtCode: string }): void {
    const scope = scopeOf(actor);
    if (scope.kind === 'organization') {
      if (scope.organizationId !== record.organizationId) throw new OutOfScopeError({ zh: '您只能办理本单位的事项', en: 'You can only act for your own organization' });
      return;
    }
    if (scope.kind === 'district' && scope.districtCode !== record.districtCode) {
      throw new OutOfScopeError({ zh: '您的账号只能办理本区县的事项', en: `Your account is limited to district ${scope.districtCode}` });
    }
  },
};

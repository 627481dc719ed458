import { AsyncLocalStorage } from 'node:async_hooks';

export type Role =
  | 'platform_admin'
  | 'tenant_admin'
  | 'program_officer'
  | 'district_reviewer'
  | 'technical_reviewer'
  | 'expert'
  | 'finance_officer'
  | 'applicant';

export const ROLES: readonly Role[] = [
  'platform_admin',
  'tenant_admin',
  'program_officer',
  'district_reviewer',
  'technical_reviewer',
  'expert',
  'finance_officer',
  'applicant',
];

/** Who is acting. `system` is a queue handler or an operator command acting on behalf of the platform. */
export interface Actor {
  kind: 'user' | 'system';
  id: string;
  role?: Role;
  /** The tenant the actor belongs to (for a platform admin: the platform tenant). */
  homeTenantId?: string;
  districtCode?: string | null;
  financeLevel?: 'city' | 'district' | null;
  organizationId?: string | null;
  /** The sign-in (refresh-token family) the access token belongs to; ending it ends the token at once. */
  sessionId?: string;
}

export interface RequestContext {
  /** The tenant whose rows this unit of work may see; undefined means none. */
  tenantId?: string;
  actor?: Actor;
  requestId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export class NoTenantInContextError extends Error {
  constructor() {
    super('No tenant in the current context: tenant-owned data cannot be reached');
  }
}

/** The per-request (or per-job) context, carried by AsyncLocalStorage so no call chain has to thread it through. */
export const RequestContextStore = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  tenantId(): string | undefined {
    return storage.getStore()?.tenantId;
  },
  requireTenantId(): string {
    const tenantId = storage.getStore()?.tenantId;
    if (!tenantId) throw new NoTenantInContextError();
    return tenantId;
  },
  actor(): Actor | undefined {
    return storage.getStore()?.actor;
  },
  /**
   * Fills in the tenant and actor of the current request once authentication has established them. The middleware
   * opened the context before the guards ran, so the handler and everything it awaits see the same object.
   */
  bind(tenantId: string | undefined, actor: Actor | undefined): void {
    const store = storage.getStore();
    if (!store) throw new Error('RequestContextStore.bind called outside a request context');
    store.tenantId = tenantId;
    store.actor = actor;
  },
  /** Runs `work` with the given tenant (and optionally actor) on top of the current context. */
  withTenant<T>(tenantId: string, work: () => T, actor?: Actor): T {
    const parent = storage.getStore() ?? {};
    return storage.run({ ...parent, tenantId, actor: actor ?? parent.actor }, work);
  },
};

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system' };

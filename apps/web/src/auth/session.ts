/**
 * The signed-in session: tokens from POST /auth/login, kept in sessionStorage so a reload keeps the user signed in
 * but closing the browser ends it. The access token is short-lived; the client refreshes it once on a 401.
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  districtCode: string | null;
  financeLevel: string | null;
  organizationId: string | null;
  tenantId: string;
}

export interface Session {
  tenant: string;
  tenantNameZh: string;
  tenantNameEn: string;
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since epoch); the client refreshes shortly before. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'subsidy-hub.session';
type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(session));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

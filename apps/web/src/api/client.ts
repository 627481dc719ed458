import createClient, { type Middleware } from 'openapi-fetch';
import { currentSession, saveSession, Session } from '../auth/session';
import { loadPreferences } from '../i18n/locale';
import type { paths } from './schema';

/**
 * The one HTTP client of the browser application, typed by the API's own OpenAPI document (apps/web/openapi.json →
 * schema.d.ts at build time): a path, parameter or field the API does not have fails the build.
 */
export const api = createClient<paths>({ baseUrl: '' });

/** A refused request, as the API explains it: a stable code, a message in the user's language, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string; messageZh?: string }> = [],
  ) {
    super(message);
  }
}

const REFRESH_MARGIN_MS = 30_000;
let refreshing: Promise<Session | undefined> | undefined;

async function refreshed(session: Session): Promise<Session | undefined> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tenant: session.tenant, refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        saveSession(undefined);
        return undefined;
      }
      const tokens = (await response.json()) as { accessToken: string; refreshToken: string; expiresIn: number };
      const next: Session = { ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 };
      saveSession(next);
      return next;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export function languageHeader(): string {
  return loadPreferences().locale === 'en' ? 'en' : 'zh-CN';
}

const authorize: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', languageHeader());
    let session = currentSession();
    if (session && session.expiresAt - Date.now() < REFRESH_MARGIN_MS) session = await refreshed(session);
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  async onResponse({ response }) {
    // A revoked or expired session: the sign-in page takes over (the route guard watches the session).
    if (response.status === 401 && currentSession()) saveSession(undefined);
    return response;
  },
};
api.use(authorize);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or an ApiError carrying the API's code and its message in the user's language. */
export function unwrap<T>(outcome: Outcome<T>): Exclude<T, undefined> {
  if (outcome.response.ok) return outcome.data as Exclude<T, undefined>;
  const body = (outcome.error ?? {}) as { code?: string; message?: string; details?: ApiError['details'] };
  throw new ApiError(outcome.response.status, body.code ?? 'http_error', body.message ?? outcome.response.statusText, body.details ?? []);
}

/** A page of a list endpoint (`{ items }`): the rows of the page, and the total from the X-Total-Count header. */
export function unwrapPage<T>(outcome: Outcome<{ items: T[] }>): { rows: T[]; total: number } {
  const rows: T[] = unwrap(outcome)?.items ?? [];
  const header = outcome.response.headers.get('X-Total-Count');
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : rows.length;
  return { rows, total };
}

/** Downloads a file the API builds (xlsx, evidence) with the session's token, under the name the API gives. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const session = currentSession();
  const response = await fetch(path, { headers: { Authorization: session ? `Bearer ${session.accessToken}` : '', 'Accept-Language': languageHeader() } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? response.statusText);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

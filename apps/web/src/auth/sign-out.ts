import { queryClient } from '../app/query-client';
import { currentSession, saveSession } from './session';

/** Ends the session on the server too (the refresh token is revoked), then forgets it here. */
export async function signOut(): Promise<void> {
  const session = currentSession();
  if (session) {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ tenant: session.tenant, refreshToken: session.refreshToken }),
    }).catch(() => undefined); // the local session ends whatever the network says; the refresh token expires anyway
  }
  saveSession(undefined);
  queryClient.clear();
}

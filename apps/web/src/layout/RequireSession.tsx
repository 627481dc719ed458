import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { currentSession, onSessionChange } from '../auth/session';

/** Screens behind sign-in: without a session the sign-in page opens, and brings the user back here afterwards. */
export function RequireSession() {
  const [session, setSession] = useState(currentSession);
  const location = useLocation();
  useEffect(() => onSessionChange(setSession), []);
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

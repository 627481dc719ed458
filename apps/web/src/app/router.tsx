import type { RouteObject } from 'react-router-dom';
import { RequireSession } from '../layout/RequireSession';
import { RouteError } from '../layout/RouteError';
import type { RouteDef } from './route-def';
import { ROUTES } from './routes';

function lazyRoute(def: RouteDef): RouteObject {
  return {
    path: def.path,
    handle: { def },
    lazy: async () => ({ Component: (await def.load()).default }),
  };
}

export function buildRouter(routes: RouteDef[] = ROUTES): RouteObject[] {
  return [
    ...routes.filter((def) => def.public).map(lazyRoute),
    {
      element: <RequireSession />,
      errorElement: <RouteError />,
      // The signed-in frame loads lazily too: the sign-in page, the first screen, never waits for the menu's code.
      children: [{ lazy: async () => ({ Component: (await import('../layout/AppLayout')).AppLayout }), children: routes.filter((def) => !def.public).map(lazyRoute) }],
    },
    { path: '*', lazy: async () => ({ Component: (await import('../pages/not-found/NotFoundPage')).default }) },
  ];
}

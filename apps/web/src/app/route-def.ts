import type { ComponentType, ReactNode } from 'react';

/**
 * A screen of the application. Each feature folder exports its own list (`routes.tsx`) and app/routes.ts joins them,
 * so adding a screen never edits a switch shared by every feature. Components load lazily: the first screen carries
 * only its own code.
 */
export interface RouteDef {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Who may open it; absent on public pages. */
  roles?: readonly string[];
  /** The breadcrumb's words for this screen. */
  title: { zh: string; en: string };
  /** Shown in the left menu for these roles, in this order. */
  menu?: { order: number; icon: ReactNode };
  /** Public pages (sign-in, 公示) render without the signed-in layout. */
  public?: boolean;
}

import { ResultItem } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { RevenueSharingMissingError } from '../revenue-sharing/revenue-sharing-errors';
import { RevenueSharingRatio, RevenueSharingStore } from '../revenue-sharing/revenue-sharing-store';
import { ApprovedApplication } from './approved-list';

/**
 * The recorded ratios of every district whose awards the policy shares by the fiscal revenue-sharing ratio (engine
 * items marked `revenueSharing`, only those with a decided amount). Read under a share lock, so a ratio cannot change
 * between reading it and committing the shares; refuses the whole intake, naming every district without a ratio.
 */
export async function revenueSharingRatiosFor(
  manager: EntityManager,
  priced: ReadonlyArray<{ application: ApprovedApplication; engineItems: Map<string, ResultItem> }>,
): Promise<Map<string, RevenueSharingRatio>> {
  const needed = new Map<string, { name: string | null; article: string }>();
  for (const { application, engineItems } of priced) {
    for (const item of application.items) {
      const marked = engineItems.get(item.achievementId)?.revenueSharing;
      if (marked) needed.set(application.districtCode, { name: application.districtName, article: marked.article });
    }
  }
  const ratios = await RevenueSharingStore.forDistricts(manager, [...needed.keys()].sort(), true);
  const missing = [...needed.entries()].filter(([code]) => !ratios.has(code)).sort(([a], [b]) => (a < b ? -1 : 1));
  if (missing.length > 0) throw new RevenueSharingMissingError(missing[0][1].article, missing.map(([code, d]) => ({ code, name: d.name })));
  return ratios;
}

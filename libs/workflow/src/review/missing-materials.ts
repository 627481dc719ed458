import { ErrorDetail } from '@subsidy/common';
import { ApplicationItem } from './items/application-items';
import { MissingMaterial } from './review-steps';
import { ReviewInputError } from './review-errors';

/** Each missing material that names an achievement must name one the application claims. */
export function checkMissingMaterials(missing: readonly MissingMaterial[], items: readonly ApplicationItem[], path = 'missing'): void {
  const known = new Set(items.map((i) => i.achievementId));
  const errors: ErrorDetail[] = [];
  missing.forEach((m, index) => {
    if (m.achievementId !== undefined && !known.has(m.achievementId)) {
      errors.push({ path: `${path}[${index}].achievementId`, message: `${m.achievementId} is not an achievement of this application` });
    }
  });
  if (errors.length > 0) throw new ReviewInputError(errors);
}

/** Plain copies, so nothing but the documented fields reaches the review history. */
export function normalizeMissing(missing: readonly MissingMaterial[] | undefined): MissingMaterial[] {
  return (missing ?? []).map((m) => ({
    ...(m.achievementId !== undefined ? { achievementId: m.achievementId } : {}),
    material: m.material,
    ...(m.note !== undefined ? { note: m.note } : {}),
  }));
}

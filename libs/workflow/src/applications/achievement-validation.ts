import { ErrorDetail } from '@subsidy/common';
import { validateUscc } from '@subsidy/organizations';
import { Achievement, ApplicantKind, validateRequest } from '@subsidy/policy';
import { futureAchievementDates } from './achievement-dates';

/** The database's rule for achievement ids (they key opinions and decision items). */
const ACHIEVEMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ENGINE_PREFIX = '$.applicants[0].achievements';

/** `$.applicants[0].achievements[2].level` (the engine's path in its request) → `achievements[2].level` (ours). */
export function bodyPath(enginePath: string): string {
  return enginePath.startsWith(ENGINE_PREFIX) ? `achievements${enginePath.slice(ENGINE_PREFIX.length)}` : enginePath.replace(/^\$\.?/, '');
}

/**
 * Checks claimed achievements exactly as the award engine will read them: they are wrapped in a calculation request
 * for this applicant and validated by the engine's own schema, so what is stored here always evaluates. Fields the
 * schema does not name are kept (policies read some, e.g. `salesFen`); `coDraftingUsccs` lists the co-drafting units
 * of a standard for the expert-conflict check and must hold valid credit codes.
 */
export function validateAchievements(
  achievements: Array<Record<string, unknown>>,
  applicant: { uscc: string; kind: ApplicantKind },
  applicationDate: string,
): { ok: true; achievements: Achievement[] } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const checked = validateRequest({ applicationDate, applicants: [{ uscc: applicant.uscc, kind: applicant.kind, achievements }] });
  if (!checked.ok) problems.push(...checked.problems.map((p) => ({ path: bodyPath(p.path), message: p.message })));
  // Publication, recognition and the other event dates cannot be after the application's date (today while drafting).
  problems.push(...futureAchievementDates(achievements, applicationDate));

  achievements.forEach((achievement, index) => {
    const id = achievement.id;
    if (typeof id === 'string' && !ACHIEVEMENT_ID.test(id)) {
      problems.push({ path: `achievements[${index}].id`, message: 'must be 1-64 letters, digits, "-" or "_"' });
    }
    if (!('coDraftingUsccs' in achievement)) return;
    const codes = achievement.coDraftingUsccs;
    if (achievement.type !== 'standard') {
      problems.push({ path: `achievements[${index}].coDraftingUsccs`, message: 'only a standard names co-drafting units' });
    } else if (!Array.isArray(codes) || codes.length > 100) {
      problems.push({ path: `achievements[${index}].coDraftingUsccs`, message: 'must be a list of at most 100 unified social credit codes' });
    } else {
      codes.forEach((code: unknown, position) => {
        const validation = validateUscc(code);
        if (!validation.valid) problems.push({ path: `achievements[${index}].coDraftingUsccs[${position}]`, message: validation.reason });
      });
    }
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, achievements: achievements as Achievement[] };
}

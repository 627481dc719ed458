/**
 * A scoring rubric. All points are integers in hundredths of a point: a criterion worth 20 points has
 * maxPoints 2000, and an expert's 17.5 is 1750. Integers keep sums and combinations exact.
 */
export interface RubricCriterion {
  key: string;
  label: string;
  maxPoints: number;
}

export interface Rubric {
  criteria: readonly RubricCriterion[];
}

/** One expert's scores: criterion key -> points (hundredths). */
export interface ScoreSheet {
  scores: Record<string, number>;
  comment?: string;
}

export interface FieldError {
  path: string;
  message: string;
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Problems with the rubric itself, as JSON paths from the rubric root. */
export function validateRubric(rubric: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(rubric) || !Array.isArray(rubric.criteria)) return [{ path: 'criteria', message: 'must be a list of criteria' }];
  if (rubric.criteria.length === 0) errors.push({ path: 'criteria', message: 'needs at least one criterion' });
  const seen = new Set<string>();
  rubric.criteria.forEach((criterion: unknown, index: number) => {
    const at = `criteria[${index}]`;
    if (!isRecord(criterion)) {
      errors.push({ path: at, message: 'must be an object' });
      return;
    }
    if (typeof criterion.key !== 'string' || !KEY_PATTERN.test(criterion.key)) {
      errors.push({ path: `${at}.key`, message: 'must be lower-case letters, digits and _, starting with a letter' });
    } else if (seen.has(criterion.key)) {
      errors.push({ path: `${at}.key`, message: `"${criterion.key}" is used twice` });
    } else {
      seen.add(criterion.key);
    }
    if (typeof criterion.label !== 'string' || criterion.label.trim() === '') {
      errors.push({ path: `${at}.label`, message: 'must be a non-empty string' });
    }
    if (!isPositiveInteger(criterion.maxPoints)) {
      errors.push({ path: `${at}.maxPoints`, message: 'must be a whole number of hundredths of a point, at least 1' });
    }
  });
  return errors;
}

/**
 * Checks an expert's score sheet (untrusted input) against a valid rubric: every criterion scored exactly once, each
 * score a whole number between 0 and the criterion's maxPoints, no unknown criteria. Errors use JSON paths from the
 * sheet root, e.g. `scores.innovation`. An empty list means the sheet is valid.
 */
export function validateScoreSheet(rubric: Rubric, sheet: unknown): FieldError[] {
  if (!isRecord(sheet)) return [{ path: '', message: 'the score sheet must be an object' }];
  if (!isRecord(sheet.scores)) return [{ path: 'scores', message: 'must be an object of criterion key to points' }];
  const errors: FieldError[] = [];
  const scores = sheet.scores;
  for (const criterion of rubric.criteria) {
    const path = `scores.${criterion.key}`;
    if (!Object.prototype.hasOwnProperty.call(scores, criterion.key)) {
      errors.push({ path, message: `missing score for "${criterion.label}"` });
      continue;
    }
    const value = scores[criterion.key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      errors.push({ path, message: 'must be a whole number of hundredths of a point (17.5 points = 1750)' });
    } else if (value < 0 || value > criterion.maxPoints) {
      errors.push({ path, message: `${value} is outside 0..${criterion.maxPoints}` });
    }
  }
  const known = new Set(rubric.criteria.map((c) => c.key));
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) errors.push({ path: `scores.${key}`, message: 'is not a criterion of this rubric' });
  }
  if (sheet.comment !== undefined && typeof sheet.comment !== 'string') {
    errors.push({ path: 'comment', message: 'must be a string' });
  }
  return errors;
}

/** The total of a sheet that passed validateScoreSheet, in hundredths of a point. */
export function scoreSheetTotal(rubric: Rubric, sheet: ScoreSheet): number {
  return rubric.criteria.reduce((total, criterion) => total + sheet.scores[criterion.key], 0);
}

/** The rubric's maximum total, in hundredths of a point. */
export function rubricMaxTotal(rubric: Rubric): number {
  return rubric.criteria.reduce((total, criterion) => total + criterion.maxPoints, 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

export type ReviewErrorCode = 'invalid_review_input' | 'panel_pool_exhausted';

export interface ReviewErrorDetail {
  path: string;
  message: string;
}

/** An expected failure of a review operation; `details` carry JSON paths of the offending fields. */
export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
    readonly details: ReviewErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export function invalidInput(path: string, message: string): ReviewError {
  return new ReviewError('invalid_review_input', `${path}: ${message}`, [{ path, message }]);
}

/** The pool cannot supply the experts asked for; the counts say why. */
export class PanelPoolExhaustedError extends ReviewError {
  constructor(
    readonly counts: { poolSize: number; excluded: number; alreadyDrawn: number; needed: number; available: number },
  ) {
    super(
      'panel_pool_exhausted',
      `cannot draw ${counts.needed} expert(s): the pool has ${counts.poolSize}, ${counts.excluded} excluded for conflicts, ` +
        `${counts.alreadyDrawn} already drawn, ${counts.available} available`,
      [{ path: 'pool', message: `needed ${counts.needed}, available ${counts.available}` }],
    );
    this.name = 'PanelPoolExhaustedError';
  }
}

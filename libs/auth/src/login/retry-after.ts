import type { Response } from 'express';
import { LoginDelayedError } from '../auth-errors';

/** Runs `work`; a LoginDelayedError on the way out also sets `Retry-After`, which the error body alone cannot. */
export async function withRetryAfter<T>(response: Response | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LoginDelayedError) response?.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

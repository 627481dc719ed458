import { Foundation1763900000000 } from './1763900000000-Foundation';

/** Every migration in order. Listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [Foundation1763900000000];
